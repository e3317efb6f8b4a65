import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2E, newPage, screenshotDir, signInWithoutCode, startE2E } from './support';

/** The municipal planner's role sees no personal data, so no second factor is asked. */
const signInAsPlanner = (page: Page) => signInWithoutCode(page, 'planificacion.colta@minka.demo');

// Journey: a newcomer opens Minka, finds the sign-in page in Spanish, switches language, browses the
// demo geography down to the parishes of Colta, searches without accents and hits an unknown address.
describe('application shell journey (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('serves the sign-in page in Spanish and validates the form with the shared schema', async () => {
    const { page, problems } = await newPage(e2e);
    await page.goto('/signin');
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByText('Escriba un correo electrónico válido.').waitFor();
    await page.getByText('Escriba su contraseña.').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'signin-es.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  it('switches to Kichwa and English; every string is translated, never a key', async () => {
    const { page, problems } = await newPage(e2e);
    await page.goto('/signin');
    await page.getByText('Kichwa', { exact: true }).click();
    await page.getByRole('heading', { name: 'Yaykuna' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'qu-EC');
    await page.getByLabel('Yaykunkapak rimay').waitFor();
    await page.getByLabel('Antanikik chaski').waitFor();
    // The language menu says that this Kichwa still waits for speakers' review.
    await page.getByTestId('language-review').waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a person reads
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /\b(signIn|app|nav)\.[a-zA-Z]+/);
    await page.screenshot({ path: path.join(screenshotDir, 'signin-qu.png'), fullPage: true });
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.deepEqual(problems, []);
  });

  it('navigates the shell to the parishes of Colta and searches ignoring accents', async () => {
    const { page, problems } = await newPage(e2e);
    await signInAsPlanner(page);
    for (const label of ['Planes locales', 'Estadísticas', 'Geografía', 'Mi cuenta']) {
      await page.getByRole('navigation').getByRole('link', { name: label }).waitFor();
    }
    await page.getByRole('navigation').getByRole('link', { name: 'Geografía' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Ecuador', exact: true }).click();
    await page.getByRole('main').getByRole('link', { name: 'Chimborazo', exact: true }).click();
    await page.getByRole('main').getByRole('link', { name: 'Colta', exact: true }).click();
    await page.getByRole('heading', { name: /Colta · Cantón · 0603/ }).waitFor();
    const rows = page.locator('tbody tr');
    assert.equal(await rows.count(), 7);
    await page.getByRole('link', { name: 'Columbe' }).waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'geo-colta.png'), fullPage: true });
    await page.getByLabel('Buscar por nombre').fill('canaribamba');
    // With the whole country loaded, San Salvador de Cañaribamba (Azuay) matches too.
    await page.getByRole('link', { name: 'Cañaribamba' }).first().waitFor();
    assert.deepEqual(problems, []);
  });

  it('shows a not-found page for unknown addresses', async () => {
    const { page, problems } = await newPage(e2e);
    await signInAsPlanner(page);
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Página no encontrada' }).waitFor();
    await page.getByRole('link', { name: 'Volver al inicio' }).click();
    await page.getByRole('heading', { name: 'Bienvenida a Minka' }).waitFor();
    await page.goto('/insights/no-such-page');
    await page.getByRole('heading', { name: 'Página no encontrada' }).waitFor();
    assert.deepEqual(problems, []);
  });

  it('opens the API documentation under the strict CSP', async () => {
    const { page, problems } = await newPage(e2e);
    await page.goto('/api/docs');
    await page.getByText('Minka API').first().waitFor();
    await page.getByText('/api/geo/search').first().waitFor();
    assert.deepEqual(problems, []);
  });
});
