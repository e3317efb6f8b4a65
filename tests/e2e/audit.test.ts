import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type E2E, newPage, screenshotDir, signIn, startE2E } from './support';

// An administrator reads the audit trail in words: what happened as a label, who did it by name and organisation,
// which case by its code; filters by record type and by person are selects of labels and names.
describe('the audit page names actions, people and records (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it("shows a caseworker's reading of a case as a label, her name and the case's code", async () => {
    const worker = await newPage(e2e);
    await signIn(worker.page, 'tecnica.colta@minka.demo');
    await worker.page.goto('/cases');
    const link = worker.page
      .locator('main a[href^="/cases/"]')
      .filter({ hasText: /^[A-Z]{3}-\d{4}-\d{4}$/ })
      .first();
    const code = ((await link.textContent()) ?? '').trim();
    await link.click();
    await worker.page.waitForURL(/\/cases\/[\w-]+/);
    await worker.page.waitForLoadState('networkidle');

    const { page, problems } = await newPage(e2e);
    await signIn(page, 'admin@minka.demo');
    await page.goto('/admin');
    await page.getByRole('tab', { name: 'Auditoría' }).click();
    // The administrator's own sign-in: a label and her name, not auth.sign_in and an id.
    await page.getByRole('cell', { name: 'Inicio de sesión' }).first().waitFor();
    await page.getByRole('button', { name: 'Administradora Demo Ficticia' }).first().waitFor();

    await page.getByRole('combobox', { name: 'Tipo de registro' }).click();
    await page.getByRole('option', { name: 'Caso', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'Caso: lectura' }).filter({ hasText: code }).first();
    await row.waitFor();
    await row.getByRole('button', { name: 'Técnica Demo Colta' }).waitFor();
    await row.getByText('GAD Municipal de Colta (demo)').waitFor();

    // No action code, record type code or id prefix on screen (the details column keeps its JSON).
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('tbody tr')]
        .flatMap((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent ?? ''))
        .join('\n'),
    );
    assert.doesNotMatch(shown, /\b[a-z]+(_[a-z]+)*\.[a-z_]+\b/, 'an action code is shown');
    assert.doesNotMatch(shown, /\b[0-9a-f]{8}\b/, 'an id prefix is shown');

    // Clicking the record keeps only its entries; the person filter is a select of names.
    await row.getByRole('button', { name: `Ver solo las entradas de Caso ${code}` }).click();
    await page.getByText(`Solo este registro: Caso ${code}`).waitFor();
    await page.getByRole('button', { name: 'Ver todos los registros' }).click();
    await page.getByRole('combobox', { name: 'Persona que actuó' }).fill('Técnica');
    await page.getByRole('option', { name: /Técnica Demo Colta/ }).click();
    await page.getByRole('row').filter({ hasText: 'Caso: lectura' }).first().waitFor();
    const actors = await page.locator('tbody tr td:nth-child(5) button').allInnerTexts();
    assert.ok(actors.length > 0 && actors.every((a) => a === 'Técnica Demo Colta'), actors.join(', '));
    await page.screenshot({ path: path.join(screenshotDir, 'admin-audit-names.png'), fullPage: true });
    assert.deepEqual(
      [...problems, ...worker.problems].filter((p) => !/401|Failed to load resource/.test(p)),
      [],
    );
  });
});
