import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { setClockOffsetDays } from '../../src/platform/clock';
import { renderPdf } from '../../src/platform/pdf/index';
import { accessibilityProblems, type E2E, newPage, screenshotDir, signIn, startE2E } from './support';

// Journey (issue 20, must-show 1): the Guamote caseworker notifies the Junta Cantonal for a child (the PDF
// downloads), records the delivery with a proof file, and records the board's measure with a review date; once the
// business clock passes that date, the measure shows overdue on the case page and on the supervisor's overdue board.

const fits = async (page: Page, what: string) =>
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, `${what} fits 360 px`);
const axe = async (page: Page, within?: string) => {
  await page.mouse.move(0, 0);
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 1500,
    })
    .catch(() => undefined);
  await page.waitForTimeout(200);
  return accessibilityProblems(page, within);
};
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('protection board procedure (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    setClockOffsetDays(0);
    await e2e.close();
  });

  it('notifies the board, records the delivery and a measure, which becomes overdue for the supervisor', async () => {
    // Demo Inti, 16, in Guamote: a child whose 24-hour notification is still open.
    const child = await e2e.server.db.db
      .selectFrom('cases')
      .select(['id', 'code'])
      .where('division_code', '=', '060652')
      .where('is_minor', '=', 1)
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const worker = await newPage(e2e);
    const page = worker.page;
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'tecnico.guamote@minka.demo');
    await page.goto(`/cases/${child.id}?tab=protection`);
    const board = page.locator('[data-part=board]');
    await board.getByRole('heading', { name: 'Junta de Protección de Derechos' }).waitFor();

    // 1. The notification: generated, downloaded as PDF (named by the case code).
    await board.getByRole('button', { name: 'Generar la notificación a la Junta' }).click();
    await board
      .getByLabel('Hechos')
      .fill('Encontrado trabajando en una finca fuera de su comunidad (hechos de prueba)');
    await board
      .getByRole('textbox', { name: 'Lo que se solicita a la Junta' })
      .fill('Que conozca el caso y dicte medidas de protección (pedido de prueba)');
    await board.getByRole('button', { name: 'Generar notificación' }).click();
    await board.getByText('Por entregar').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      board.getByRole('link', { name: 'Notificación (PDF)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `notificacion-junta-${child.code}.pdf`);
    assert.equal(await download.failure(), null);

    // 2. Its delivery, with the receipt stamped by the board as proof.
    await board.getByRole('button', { name: 'Registrar la entrega' }).click();
    await board.getByRole('combobox', { name: 'Forma de entrega' }).click({ force: true });
    await page.getByRole('option', { name: 'Oficio' }).click();
    await board.getByLabel('Quién la recibió').fill('Secretaria de la Junta (prueba)');
    await board.locator('input[type=file]').setInputFiles({
      name: 'recepcion-junta.pdf',
      mimeType: 'application/pdf',
      buffer: await renderPdf({ content: ['Recibido por la Junta Cantonal (prueba)'] }),
    });
    await board.getByRole('button', { name: 'Registrar entrega' }).click();
    await board.getByText('Entregada', { exact: true }).waitFor();
    await board.getByText(/recibió: Secretaria de la Junta \(prueba\)/).waitFor();
    await board.getByRole('link', { name: 'Comprobante' }).waitFor();

    // 3. The board's measure, with its legal source and a review date in 20 days.
    await board.getByRole('button', { name: 'Registrar una medida de protección' }).click();
    await board.getByRole('combobox', { name: 'Tipo de medida' }).click({ force: true });
    await page.getByRole('option', { name: 'Acciones de apoyo al núcleo familiar (CONA art. 217 num. 1)' }).click();
    await board.getByText('Según el catálogo: 90 días desde el inicio. Puede cambiarla.').waitFor();
    await board.getByLabel('Fecha de revisión').fill(isoDay(20));
    await board.getByLabel('Institución responsable').fill('MIES Guamote (prueba)');
    await board.getByRole('button', { name: 'Registrar medida' }).click();
    const measure = board.locator('[data-measure=family_support]');
    await measure.getByText('Vigente').waitFor();
    await measure.getByText('Acciones de apoyo al núcleo familiar (CONA art. 217 num. 1)').waitFor();
    assert.equal(await measure.getByText('Revisión atrasada').count(), 0);
    assert.deepEqual(await axe(page, '[data-part=board]'), [], 'the board procedure passes axe');
    await fits(page, 'the board procedure');
    await page.screenshot({ path: path.join(screenshotDir, 'board-case.png'), fullPage: true });

    // 4. Three weeks later (test clock) the review is overdue on the case page...
    setClockOffsetDays(21);
    await page.reload();
    await measure.getByText('Revisión atrasada').waitFor();
    await board.screenshot({ path: path.join(screenshotDir, 'board-part.png') });
    assert.deepEqual(await axe(page, '[data-part=board]'), [], 'the overdue measure passes axe');
    await fits(page, 'the overdue measure');

    // ...and on the supervisor's overdue board, labelled as a measure review.
    const sup = await newPage(e2e);
    await sup.page.setViewportSize({ width: 360, height: 800 });
    await signIn(sup.page, 'supervisora.guamote@minka.demo');
    await sup.page.goto('/work');
    const row = sup.page
      .getByRole('row')
      .filter({ hasText: child.code })
      .filter({ hasText: 'Revisar la medida de protección (fecha de revisión)' });
    await row.first().waitFor();
    await row.first().getByText('Vencida').waitFor();
    await fits(sup.page, 'the supervisor work page');
    await sup.page.screenshot({ path: path.join(screenshotDir, 'board-overdue.png'), fullPage: true });
    setClockOffsetDays(0);

    assert.deepEqual(
      [...worker.problems, ...sup.problems].filter((p) => !/401|409|Failed to load resource/.test(p)),
      [],
    );
  });
});
