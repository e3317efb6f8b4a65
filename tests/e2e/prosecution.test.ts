import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { accessibilityProblems, type E2E, newPage, screenshotDir, signIn, startE2E } from './support';

/** axe (0 critical or serious) and no horizontal overflow, at desktop width and on a 360 px phone. */
async function fits(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  await page.mouse.move(0, 0);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await page
      .waitForFunction(() => document.documentElement.scrollWidth - window.innerWidth <= 1, undefined, {
        timeout: 1500,
      })
      .catch(() => undefined);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 1) found.push(`${name} @${width}px: ${wide}px wider than the screen`);
    for (const p of await accessibilityProblems(page)) found.push(`${name} @${width}px: ${p}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return found;
}

// Journey (issue 20, what it must show 3, the prosecutor's part): the provincial prosecutor opens the Guamote case
// from the referral inbox, finds the complaint under COIP art. 91 at the instruction stage on the Protección tab,
// adds a charge, records the hearing and a conviction with its sentence.
describe('the prosecutor records charges and an outcome on a received referral (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('goes from the inbox to the case, records charges, a hearing and the outcome', async () => {
    const { page, problems } = await newPage(e2e);
    await signIn(page, 'fiscal.chimborazo@minka.demo');
    await page.goto('/referrals/inbox');
    await page.getByRole('heading', { name: 'Derivaciones recibidas' }).waitFor();
    const card = page.locator('.mantine-Card-root').filter({ hasText: /GUA-\d{4}-\d{4}/ });
    await card.getByRole('link', { name: /GUA-\d{4}-\d{4}/ }).click();
    await page.getByRole('heading', { level: 1, name: /^GUA-\d{4}-\d{4}$/ }).waitFor();
    await page.getByRole('tab', { name: 'Protección' }).click();
    await page.getByRole('heading', { name: 'Proceso penal' }).waitFor();
    const complaint = page.getByRole('article').first();
    await complaint.getByText('Instrucción', { exact: true }).first().waitFor();
    await complaint.getByText('Trata de personas (COIP art. 91)').waitFor();
    await complaint.getByText('DEMO-060601-FICTICIO').waitFor();
    const found = await fits(page, 'case proceedings');

    await complaint.getByRole('button', { name: 'Registrar cargos' }).click();
    await complaint.getByRole('combobox', { name: 'Delitos imputados' }).click({ force: true });
    await page.getByRole('option', { name: /COIP art\. 105/ }).click();
    await page.keyboard.press('Escape');
    found.push(...(await fits(page, 'charges form')));
    await complaint.getByRole('button', { name: 'Guardar los cargos' }).click();
    await complaint.getByText(/Trata de personas \(COIP art\. 91\); .*\(COIP art\. 105\)/).waitFor();

    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await complaint.getByRole('button', { name: 'Registrar una audiencia' }).click();
    await complaint.getByLabel('Fecha de la audiencia').fill(today);
    await complaint.getByRole('combobox', { name: 'Tipo de audiencia' }).click();
    await page.getByRole('option', { name: 'Juicio', exact: true }).click();
    await complaint.getByLabel(/Qué se resolvió/).fill('DEMO: audiencia de juicio (texto ficticio)');
    await complaint.getByRole('button', { name: 'Registrar una audiencia' }).click();
    await complaint.getByText('DEMO: audiencia de juicio (texto ficticio)').waitFor();

    await complaint.getByRole('button', { name: 'Registrar el resultado' }).click();
    await complaint.getByRole('combobox', { name: 'Resultado del proceso' }).click();
    await page.getByRole('option', { name: 'Sentencia condenatoria' }).click();
    await complaint.getByLabel('Fecha del resultado').fill(today);
    await complaint.getByLabel('Pena privativa de libertad (meses)').fill('192');
    // The suspect's own outcome (it may differ from the complaint's when there are several).
    await complaint.getByRole('combobox', { name: /^Resultado para Demo Rosendo/ }).click();
    await page.getByRole('option', { name: 'Sentencia condenatoria' }).click();
    await complaint.getByLabel(/^Pena de Demo Rosendo/).fill('192');
    found.push(...(await fits(page, 'outcome form')));
    await complaint.getByRole('button', { name: 'Guardar el resultado' }).click();
    await complaint.getByText('192 meses').first().waitFor();
    await complaint.getByText(/Demo Rosendo Ficticio Captador — Sentencia condenatoria, 192 meses/).waitFor();
    await complaint.getByText('Sentencia condenatoria').first().waitFor();
    found.push(...(await fits(page, 'case proceedings with an outcome')));
    await page.screenshot({ path: path.join(screenshotDir, 'prosecution.png'), fullPage: true });
    assert.deepEqual(found, []);
    assert.deepEqual(
      problems.filter((p) => !/401|Failed to load resource/.test(p)),
      [],
    );
  });
});
