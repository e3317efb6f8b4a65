import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { accessibilityProblems, type E2E, newPage, signIn, startE2E } from './support';

// Legal catalogues in Chromium at 360 px: the administrator changes the reintegration visit months, is told at the
// field when a number or a key is wrong, adds an offence, and every state of the tab and its dialog passes axe.

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

describe('legal catalogues in Chromium', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('an administrator edits the visit months and adds an offence on a phone-sized screen', async () => {
    const { page } = await newPage(e2e);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'admin@minka.demo');
    await page.goto('/admin');
    await page.getByRole('tab', { name: 'Catálogos legales' }).click();
    await page.getByRole('cell', { name: 'Custodia de emergencia', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'CONA art. 217 num. 5', exact: true }).waitFor();
    assert.deepEqual(await axe(page), [], 'the measure types pass axe');
    await fits(page, 'the measure types');

    // The visit months: a bad number is refused at the field, then the new schedule shows in the table.
    await page.getByRole('combobox', { name: 'Lista', exact: true }).click();
    await page.getByRole('option', { name: 'Visitas de seguimiento después del retorno' }).click();
    await page.getByRole('cell', { name: 'meses 1, 3, 6, 12', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Editar «Visitas de seguimiento de la reintegración»' }).click();
    const dialog = page.getByRole('dialog');
    const months = dialog.getByRole('textbox', { name: 'Meses después del retorno' });
    await months.fill('1, 3, tres');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.getByText('Escriba números enteros separados por comas, entre 1 y 60.').waitFor();
    assert.equal(await months.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axe(page, '[role=dialog]'), [], 'the dialog with an error passes axe');
    await fits(page, 'the dialog');
    await months.fill('1, 2, 6, 12, 18');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('cell', { name: 'meses 1, 2, 6, 12, 18', exact: true }).waitFor();

    // A new offence: a taken key is refused at the key field by the server, then the entry is added.
    await page.getByRole('combobox', { name: 'Lista', exact: true }).click();
    await page.getByRole('option', { name: 'Delitos' }).click();
    await page.getByRole('cell', { name: 'Trata de personas', exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Añadir una entrada' }).click();
    await dialog.getByRole('textbox', { name: 'Clave' }).fill('coip_91');
    await dialog.getByRole('textbox', { name: 'Nombre en español' }).fill('Empleo de personas para mendicidad');
    await dialog.getByRole('textbox', { name: /^Fuente legal/ }).fill('COIP art. 108');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.getByText(/Esta lista ya tiene una entrada con la clave «coip_91»/).waitFor();
    assert.equal(await dialog.getByRole('textbox', { name: 'Clave' }).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axe(page, '[role=dialog]'), [], 'the new entry dialog passes axe');
    await dialog.getByRole('textbox', { name: 'Clave' }).fill('coip_108');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('cell', { name: 'Empleo de personas para mendicidad', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'COIP art. 108', exact: true }).waitFor();
    assert.deepEqual(await axe(page), [], 'the offences pass axe');
    await fits(page, 'the offences');
  });
});
