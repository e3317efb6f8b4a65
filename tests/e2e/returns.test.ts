import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addMonths } from '../../src/modules/returns/reintegration';
import { setClockOffsetDays, todayIso } from '../../src/platform/clock';
import { renderPdf } from '../../src/platform/pdf/index';
import { accessibilityProblems, type E2E, newPage, screenshotDir, signIn, startE2E } from './support';

// Journey (issue 20, must-show 2) in Chromium at 360 px: the Colta caseworker records that a child was received from
// the ICBF (Colombia) with its request document, traces the family to Colta, records the family assessment with the
// child's view and the decision to return, and records the return; the reintegration plan schedules its visits from
// the catalogue. The business clock then moves past the 3-month visit: the 1- and 3-month visits show overdue on the
// case and the work board; the caseworker records the 1-month visit, which shows done, and one visit stays overdue.
// Every day is relative to today on the business clock (the forms refuse days after today), so it passes any year.
/** YYYY-MM-DD `n` days later (UTC calendar). */
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const fits = async (page: Page, what: string) =>
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, `${what} fits 360 px`);

describe('a child returned from Colombia and followed up (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    setClockOffsetDays(0);
    await e2e.close();
  });

  const section = (page: Page, title: string) =>
    page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { level: 2, name: title }) });
  const pick = async (page: Page, scope: ReturnType<typeof section>, combobox: string, option: string | RegExp) => {
    await scope.getByRole('combobox', { name: combobox, exact: true }).click({ force: true });
    await page.getByRole('option', { name: option }).first().click();
  };
  const place = async (page: Page, scope: ReturnType<typeof section>, label: string, term: string) => {
    await scope.getByRole('combobox', { name: label }).fill(term);
    await page.getByRole('option', { name: /Colta · Cantón · Chimborazo/ }).click();
  };

  it("shows the demo's Guamote child: received from the ICBF, returned, two visits done and the 6-month one overdue", async () => {
    const { page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'tecnico.guamote@minka.demo');
    const child = await e2e.server.db.db
      .selectFrom('case_returns')
      .innerJoin('cases', 'cases.id', 'case_returns.case_id')
      .select('cases.id')
      .where('cases.division_code', '=', '060652')
      .executeTakeFirstOrThrow();
    await page.goto(`/cases/${child.id}?tab=abroad`);
    const exchanges = section(page, 'Autoridades extranjeras y documentos');
    await exchanges.getByText('Recibido de la autoridad · ICBF Regional Nariño (demo ficticia)').waitFor();
    await exchanges.getByText('Remitido a la autoridad · Consulado del Ecuador en Ipiales (demo ficticio)').waitFor();
    await exchanges.getByRole('link', { name: 'solicitud-icbf-demo.pdf' }).waitFor();
    const journey = section(page, 'Retorno');
    await journey.locator('tr[data-state]').first().waitFor();
    const states = await journey
      .locator('tr[data-state]')
      .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-visit')}:${r.getAttribute('data-state')}`));
    assert.deepEqual(states, ['1:done', '3:done', '6:overdue', '12:due']);
    await page.mouse.move(0, 0);
    assert.deepEqual(await accessibilityProblems(page, '[role=tabpanel]'), []);
    await fits(page, "the demo child's returns part");
    assert.deepEqual(
      problems.filter((p) => !/401|Failed to load resource/.test(p)),
      [],
    );
  });

  it('records the exchange, tracing, assessment and return; past the 3-month visit two are overdue, recording the 1-month one leaves one', async () => {
    const { page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'tecnica.colta@minka.demo');
    const child = await e2e.server.db.db
      .selectFrom('cases')
      .select('id')
      .where('division_code', '=', '060301')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    await page.goto(`/cases/${child.id}?tab=abroad`);
    const code = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
    assert.match(code, /^COL-\d{4}-\d{4}$/);
    const today = todayIso();

    // 1. Received from the ICBF in Nariño, with its request as a document.
    const exchanges = section(page, 'Autoridades extranjeras y documentos');
    await exchanges.getByRole('button', { name: 'Registrar intercambio con una autoridad' }).click();
    await pick(page, exchanges, 'Autoridad o consulado', /ICBF Regional Nariño/);
    await exchanges.getByLabel('Fecha').fill(addDays(today, -34));
    await exchanges.getByLabel('Número de referencia').fill('ICBF-PRUEBA-1');
    await exchanges.getByRole('button', { name: 'Guardar' }).click();
    await exchanges.getByText('Recibido de la autoridad · ICBF Regional Nariño (demo ficticia)').waitFor();
    await exchanges.getByText(/Nariño, Colombia/).waitFor();
    await exchanges.getByRole('button', { name: 'Adjuntar documento' }).click();
    await exchanges.locator('input[type=file]').setInputFiles({
      name: 'solicitud-icbf.pdf',
      mimeType: 'application/pdf',
      buffer: await renderPdf({ content: ['Solicitud de prueba del ICBF (ficticia)'] }),
    });
    await pick(page, exchanges, 'Tipo de documento', 'Solicitud o remisión');
    await exchanges.getByRole('button', { name: 'Adjuntar documento' }).click();
    await exchanges.getByRole('link', { name: 'solicitud-icbf.pdf' }).waitFor();

    // 2. The family is traced to Colta.
    const tracing = section(page, 'Búsqueda de la familia');
    await tracing.getByRole('button', { name: 'Registrar búsqueda' }).click();
    await tracing.getByLabel('Fecha').fill(addDays(today, -31));
    await tracing.getByLabel('Quién buscó').fill('Equipo técnico de prueba');
    await place(page, tracing, 'Dónde (Parroquia o cantón)', 'colta');
    await tracing.getByLabel('Contacto de la familia').fill('Madre de prueba, 0990000000');
    await tracing.getByRole('button', { name: 'Guardar' }).click();
    await tracing.getByText('Familia encontrada').waitFor();
    await tracing.getByText('Colta, Ecuador').waitFor();

    // 3. The assessment records the child's view and the best-interest decision.
    const assessment = section(page, 'Evaluación familiar antes del retorno');
    await assessment.getByRole('button', { name: 'Registrar evaluación' }).click();
    await assessment.getByLabel('Fecha').fill(addDays(today, -26));
    await assessment.getByLabel('Quién evaluó').fill('Psicóloga de prueba');
    await assessment.getByLabel('Hallazgos').fill('La familia puede cuidarla (prueba)');
    await assessment.getByLabel('Opinión de la niña, niño o adolescente').fill('Quiere volver a su escuela (prueba)');
    await pick(page, assessment, 'Decisión de interés superior', 'Retornar');
    await assessment.getByLabel('Motivos').fill('Volver con apoyo es lo mejor para ella (prueba)');
    await assessment.getByRole('button', { name: 'Guardar' }).click();
    await assessment.getByText('Opinión de la niña, niño o adolescente: Quiere volver a su escuela (prueba)').waitFor();

    // 4. The return, arriving today: the reintegration plan schedules the catalogue's visits.
    const journey = section(page, 'Retorno');
    await journey.getByRole('button', { name: 'Registrar retorno' }).click();
    await journey.getByRole('combobox', { name: 'País', exact: true }).fill('Colom');
    await page.getByRole('option', { name: 'Colombia' }).click();
    await pick(page, journey, 'Departamento, provincia o estado', 'Nariño');
    await place(page, journey, 'Hacia (Parroquia o cantón)', 'colta');
    await journey.getByLabel('Salida').fill(today);
    await journey.getByLabel('Llegada').fill(today);
    await journey.getByLabel('Ruta').fill('Ipiales – Tulcán – Riobamba (prueba)');
    await journey.getByLabel('Adulto acompañante (nombre)').fill('Funcionaria de prueba');
    await pick(page, journey, 'Función del acompañante', 'Funcionario consular');
    await journey
      .getByRole('combobox', { name: 'Institución que recibe (organización en Minka)' })
      .click({ force: true });
    await page.getByRole('option').first().click();
    await journey.getByRole('button', { name: 'Registrar retorno' }).click();
    await journey.getByText('Plan de reintegración', { exact: true }).waitFor();
    await journey.getByText('Visitas de seguimiento a los 1, 3, 6, 12 meses de la llegada (catálogo)').waitFor();
    assert.equal(await journey.locator('tr[data-state="due"]').count(), 4);
    // The part this journey fills in (the case header's own buttons are the case page's test).
    await page.mouse.move(0, 0);
    assert.deepEqual(await accessibilityProblems(page, '[role=tabpanel]'), []);
    await fits(page, 'the returns part');
    await page.screenshot({ path: path.join(screenshotDir, 'returns.png'), fullPage: true });

    try {
      // 5. Past the 3-month visit (business clock): both first visits are overdue, on the case and on the work board.
      const [y, m, d] = today.split('-').map(Number) as [number, number, number];
      const threeMonths = Date.UTC(y, m + 2, d) - Date.UTC(y, m - 1, d);
      setClockOffsetDays(Math.ceil(threeMonths / 86_400_000) + 2);
      await page.reload();
      await section(page, 'Retorno').locator('tr[data-state="overdue"]').first().waitFor();
      assert.equal(await section(page, 'Retorno').locator('tr[data-state="overdue"]').count(), 2);
      const work = async (open: number, overdue: number) => {
        await page.goto('/work');
        await page.getByRole('heading', { name: 'Mis tareas abiertas' }).waitFor();
        const rows = page
          .getByRole('row')
          .filter({ hasText: code })
          .filter({ hasText: 'Visita de seguimiento de la reintegración' });
        await rows.first().waitFor();
        assert.equal(await rows.count(), open, 'open visit tasks on the work board');
        assert.equal(await rows.filter({ hasText: 'Vencida' }).count(), overdue, 'overdue visits on the work board');
      };
      await work(4, 2);
      assert.deepEqual(await accessibilityProblems(page), []);
      await fits(page, 'the work board');
      await page.screenshot({ path: path.join(screenshotDir, 'returns-overdue.png'), fullPage: true });

      // 6. The caseworker records the 1-month visit, made on its day: it shows done; only the 3-month one is overdue.
      await page.goto(`/cases/${child.id}?tab=abroad`);
      const plan = section(page, 'Retorno');
      await plan.getByRole('button', { name: /^Registrar visita: Visita de (los )?1 mes(es)?$/ }).click();
      await plan.getByLabel('Fecha de la visita').fill(addMonths(today, 1));
      await pick(page, plan, 'Resultado', 'Va bien');
      await plan.getByLabel('Notas').fill('La niña va a la escuela (prueba)');
      await plan.getByRole('button', { name: 'Registrar visita', exact: true }).click();
      const first = plan.locator('tr[data-visit="1"]');
      await plan.locator('tr[data-visit="1"][data-state="done"]').waitFor();
      await first.getByText('Va bien').waitFor();
      await first.getByText('La niña va a la escuela (prueba)').waitFor();
      const states = await plan
        .locator('tr[data-state]')
        .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-visit')}:${r.getAttribute('data-state')}`));
      assert.deepEqual(states, ['1:done', '3:overdue', '6:due', '12:due']);
      // The next visit to record is the overdue 3-month one.
      await plan.getByRole('button', { name: /^Registrar visita: Visita de (los )?3 mes(es)?$/ }).waitFor();
      await page.mouse.move(0, 0);
      assert.deepEqual(await accessibilityProblems(page, '[role=tabpanel]'), []);
      await fits(page, 'the returns part with a visit recorded');
      await work(3, 1);
    } finally {
      setClockOffsetDays(0);
    }
    assert.deepEqual(
      problems.filter((p) => !/401|Failed to load resource/.test(p)),
      [],
    );
  });
});
