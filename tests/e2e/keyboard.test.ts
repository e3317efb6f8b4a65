import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../src/modules/access/demo';
import { type E2E, freshTotp, newPage, startE2E } from './support';

/** Presses Tab until the focused element's accessible text matches, as a keyboard user would; fails after 60. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const id = el.getAttribute('id');
      const byFor = id ? document.querySelector(`label[for="${id}"]`)?.textContent : '';
      // A control's own name: a scrollable region holds the text of everything inside it, which is not its name.
      const own = ['A', 'BUTTON'].includes(el.tagName) ? el.textContent : '';
      return [el.getAttribute('aria-label'), byFor, own, el.getAttribute('placeholder')].join(' ');
    });
    if (name.test(label)) return;
  }
  assert.fail(`Tab never reached ${name}`);
}

// Journey without a mouse: sign in with password and code, open the cases from the menu, and send a report from
// the public page, all with Tab, typing and Enter.
describe('keyboard-only journeys (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('signs in and reaches the cases with the keyboard alone', async () => {
    const { page } = await newPage(e2e);
    await page.goto('/signin');
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await tabTo(page, /Correo electrónico/);
    await page.keyboard.type('tecnica.colta@minka.demo');
    await tabTo(page, /Contraseña/);
    await page.keyboard.type(demoPassword);
    await tabTo(page, /Código de verificación/);
    await page.keyboard.type(await freshTotp('tecnica.colta@minka.demo'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bienvenida a Minka' }).waitFor();
    await tabTo(page, /^\s*Casos/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Casos' }).waitFor();
    await tabTo(page, /COL-2026-/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page
      .getByRole('heading', { name: /COL-2026-/ })
      .first()
      .waitFor();
  });

  it('sends a report from the public page with the keyboard alone', async () => {
    const context = await e2e.browser.newContext({
      baseURL: e2e.server.url,
      javaScriptEnabled: false,
      locale: 'es-EC',
    });
    const page = await context.newPage();
    await page.goto('/report');
    await tabTo(page, /Escriba con sus palabras/);
    await page.keyboard.type('Prueba de teclado: niños pidiendo en la feria.');
    await tabTo(page, /^\s*Enviar/);
    await page.keyboard.press('Enter');
    const receipt = (await page.locator('#receipt').textContent())?.replace(/\s/g, '') ?? '';
    assert.match(receipt, /^\d{16}$/);
    await context.close();
  });
});
