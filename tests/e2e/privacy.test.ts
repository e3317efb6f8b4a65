import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { accessibilityProblems, type E2E, newPage, signIn, startE2E } from './support';

// Privacy in Chromium at 360 px: a caseworker reads the notice (not the record of processing), the administrator reads
// the record on /privacy and in Administración → Privacidad, and the public page /privacidad works in Kichwa without
// a session. Every state passes axe.

const fits = async (page: Page, what: string) =>
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, `${what} fits 360 px`);
const axe = async (page: Page) => {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(200);
  return accessibilityProblems(page);
};

describe('privacy notice and record of processing in Chromium', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('a caseworker reads the notice, not the record', async () => {
    const { page } = await newPage(e2e);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'tecnico.guamote@minka.demo');
    // Every signed-in person reaches it from the menu (behind the menu button on a phone).
    await page.getByRole('button', { name: 'Abrir menú' }).click();
    await page.getByRole('link', { name: 'Privacidad' }).click();
    await page.waitForURL('**/privacy');
    await page.getByRole('heading', { name: 'Aviso de privacidad' }).waitFor();
    await page.getByText('Eliminación (LOPDP art. 15)').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Registro de actividades de tratamiento' }).count(), 0);
    assert.deepEqual(await axe(page), [], 'the notice passes axe');
    await fits(page, 'the notice');
  });

  it('the administrator reads the record on /privacy and in the Admin tab', async () => {
    const { page } = await newPage(e2e);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'admin@minka.demo');
    await page.goto('/privacy');
    await page.getByRole('heading', { name: 'Registro de actividades de tratamiento' }).waitFor();
    await page.getByRole('cell', { name: 'Casos cerrados', exact: true }).waitFor();
    assert.deepEqual(await axe(page), [], 'the record passes axe');
    await fits(page, 'the record');
    await page.goto('/admin');
    await page.getByRole('tab', { name: 'Privacidad' }).click();
    await page.getByRole('heading', { name: 'Registro de actividades de tratamiento' }).waitFor();
    assert.deepEqual(await axe(page), [], 'the admin tab passes axe');
    await fits(page, 'the admin tab');
  });

  it('the public page works in Kichwa without a session, with a language switch', async () => {
    const { page } = await newPage(e2e);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/privacidad?lang=qu-EC');
    await page.getByRole('heading', { name: 'Willaykunata kamanamanta willay' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'qu-EC');
    assert.deepEqual(await axe(page), [], 'the Kichwa notice passes axe');
    await fits(page, 'the Kichwa notice');
    await page.getByRole('link', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Aviso de privacidad' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    await page.goto('/report?lang=es');
    await page.getByRole('link', { name: 'Aviso de privacidad' }).click();
    await page.getByRole('heading', { name: 'Aviso de privacidad' }).waitFor();
  });
});
