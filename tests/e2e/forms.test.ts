import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { badFormSheets, caseFormSheets, xlsformXlsx } from '../support/forms';
import { accessibilityProblems, type E2E, newPage, signIn, startE2E } from './support';

// Case forms in Chromium at 360 px: the administrator imports an XLSForm (a bad one first, whose problems are
// listed by sheet, row and column), attaches it to Colta; a Colta caseworker answers it on a case page (the
// form's constraint message shows before anything is sent) and sees the answers with their labels.

const fits = async (page: Page, what: string) =>
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, `${what} fits 360 px`);
/** axe once transitions (a pressed button, a fading alert) have ended and nothing is hovered. */
const axe = async (page: Page, within?: string) => {
  // The pointer leaves the button it clicked (a hovered button is measured in its hover colour otherwise).
  await page.mouse.move(0, 0);
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 1500,
    })
    .catch(() => undefined);
  await page.waitForTimeout(200);
  return accessibilityProblems(page, within);
};
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('case forms in Chromium', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('imports, attaches and answers a case form on a phone-sized screen', async () => {
    const admin = await newPage(e2e);
    const page = admin.page;
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'admin@minka.demo');
    await page.goto('/admin');
    await page.getByRole('tab', { name: 'Formularios' }).click();
    const file = page.locator('input[type=file]');
    await file.setInputFiles({ name: 'malo.xlsx', mimeType: xlsx, buffer: await xlsformXlsx(badFormSheets()) });
    await page.getByRole('button', { name: 'Importar formulario' }).click();
    await page.getByText(/Hoja «survey», fila 3, columna «relevant»: la función pulldata no está admitida/).waitFor();
    assert.deepEqual(await axe(page), [], 'the import problems pass axe');
    await fits(page, 'the import problems');

    await file.setInputFiles({ name: 'canton.xlsx', mimeType: xlsx, buffer: await xlsformXlsx(caseFormSheets()) });
    await page.getByRole('button', { name: 'Importar formulario' }).click();
    await page.getByText('Formulario «Preguntas del cantón (prueba)» importado: versión 1.').waitFor();
    await page.getByRole('heading', { name: 'Preguntas del cantón (prueba)' }).waitFor();
    // The demo's own case form is listed too: work inside this form's part of the page.
    const card = page.getByRole('region', { name: 'Preguntas del cantón (prueba)' });
    const place = card.getByRole('combobox', { name: 'Lugar (incluye todo lo que está dentro)' });
    await place.fill('Colta');
    await page
      .getByRole('option', { name: /^Colta/ })
      .first()
      .click();
    await card.getByRole('button', { name: 'Mostrar en los casos de este lugar' }).click();
    await card.getByRole('button', { name: 'Quitar de Colta' }).waitFor();
    await card.getByRole('button', { name: /Versión 1/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('¿Va a la escuela?').first().waitFor();
    assert.deepEqual(await axe(page, '[role=dialog]'), [], 'the preview passes axe');
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    assert.deepEqual(await axe(page), [], 'the forms tab passes axe');
    await fits(page, 'the forms tab');

    // A Colta caseworker answers it on a Colta case.
    const colta = await e2e.server.db.db
      .selectFrom('cases')
      .innerJoin('organisations', 'organisations.id', 'cases.owner_org_id')
      .select('cases.id')
      .where('organisations.name', '=', 'GAD Municipal de Colta (demo)')
      .where('cases.division_code', 'like', '0603%')
      .where('cases.status', '=', 'Active')
      .orderBy('cases.created_at')
      .executeTakeFirstOrThrow();
    const worker = await newPage(e2e);
    const w = worker.page;
    await w.setViewportSize({ width: 360, height: 800 });
    await signIn(w, 'tecnica.colta@minka.demo');
    await w.goto(`/cases/${colta.id}`);
    // Colta is in Chimborazo: the demo's "Escolaridad y trabajo infantil" is a section of this case too.
    const section = w.getByRole('region', { name: 'Preguntas del cantón (prueba)' });
    await section.getByRole('heading', { name: 'Preguntas del cantón (prueba)' }).waitFor();
    await w.getByRole('region', { name: 'Escolaridad y trabajo infantil' }).waitFor();
    await section.getByText('Todavía no hay respuestas.').waitFor();
    await section.getByRole('button', { name: 'Responder' }).click();
    await section.getByRole('radio', { name: 'No' }).check();
    await section.getByLabel('Observación').fill('Nota de prueba');
    await section.getByLabel('Hermanos').fill('40');
    await section.getByRole('button', { name: 'Guardar' }).click();
    await section.getByText('Como mucho 20').waitFor();
    assert.deepEqual(await axe(w, '[data-part=case-forms]'), [], 'the case form with a constraint message passes axe');
    await fits(w, 'the case form');
    await section.getByLabel('Hermanos').fill('3');
    await section.getByRole('button', { name: 'Guardar' }).click();
    await section.getByRole('button', { name: 'Editar respuestas' }).waitFor();
    await section.getByText('Nota de prueba').waitFor();
    await section.getByText(/Respondido por .* versión 1 del formulario/).waitFor();
    assert.deepEqual(await axe(w, '[data-part=case-forms]'), [], 'the answers pass axe');
    await fits(w, 'the answers');
    // The refused import answered 422, which the browser logs; nothing else went wrong.
    assert.deepEqual([...admin.problems.filter((p) => !/status of 422/.test(p)), ...worker.problems], []);
  });

  it("renders the HTCDS standard's own XLSForm (read from the shared data) after importing it", async () => {
    const { page, problems } = await newPage(e2e);
    await signIn(page, 'admin@minka.demo');
    await page.goto('/admin');
    await page.getByRole('tab', { name: 'Formularios' }).click();
    const data = readFileSync(path.resolve('../shared/data/htcds/htcds_xlsform.xlsx'));
    await page.locator('input[type=file]').setInputFiles({ name: 'htcds_xlsform.xlsx', mimeType: xlsx, buffer: data });
    await page.getByRole('button', { name: 'Importar formulario' }).click();
    await page.getByText(/importado: versión 1\./).waitFor();
    const card = page.getByRole('region', { name: /htcds/i });
    await card.getByRole('button', { name: /Versión 1/ }).click();
    const dialog = page.getByRole('dialog');
    // The standard's questions with its own (English-only) labels, its picklists as choices.
    await dialog.getByText('Method of Recruitment').waitFor();
    await dialog.getByRole('checkbox', { name: 'Through family or family events' }).first().waitFor();
    await dialog.getByText('Trafficking Status', { exact: true }).waitFor();
    assert.deepEqual(await axe(page, '[role=dialog]'), [], 'the HTCDS form passes axe');
    assert.deepEqual(problems, []);
  });
});
