import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type E2E, newPage, screenshotDir, signIn, startE2E } from './support';

// Journey: the provincial prosecutor finds the demo referral of a Guamote case in the inbox (the demo has him accept
// it before he records the proceedings on it), records the legal service delivered, and can open the referred case.
describe('receiving a referral (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('finds the accepted referral, records the service and opens the case', async () => {
    const { page, problems } = await newPage(e2e);
    await signIn(page, 'fiscal.chimborazo@minka.demo');
    await page.goto('/referrals/inbox');
    await page.getByRole('heading', { name: 'Derivaciones recibidas' }).waitFor();
    const card = page.locator('.mantine-Card-root').filter({ hasText: /GUA-\d{4}-\d{4}/ });
    await card.getByText('Aceptada', { exact: true }).waitFor();
    await card.getByRole('combobox', { name: 'Servicio' }).click();
    await page.getByRole('option').first().click();
    await card.getByRole('button', { name: 'Registrar servicio prestado' }).click();
    await card.getByText(/Servicios prestados:/).waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'referral-inbox.png'), fullPage: true });
    await card.getByRole('link', { name: /GUA-\d{4}-\d{4}/ }).click();
    await page.getByRole('heading', { level: 1, name: /^GUA-\d{4}-\d{4}$/ }).waitFor();
    assert.deepEqual(
      problems.filter((p) => !/401|Failed to load resource/.test(p)),
      [],
    );
  });

  it("shows the supervisor the caseworker's overdue follow-up", async () => {
    const { page } = await newPage(e2e);
    await signIn(page, 'supervisora.guamote@minka.demo');
    await page.goto('/work');
    await page.getByRole('heading', { name: 'Tareas vencidas en mi jurisdicción' }).waitFor();
    // The follow-up itself (a monitoring visit of a return is also overdue on the demo board).
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Seguimiento', exact: true }) });
    await row.getByText('Vencida').waitFor();
    await row.getByRole('link', { name: /GUA-\d{4}-\d{4}/ }).waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'overdue-board.png'), fullPage: true });
  });
});
