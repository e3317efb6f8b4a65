import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as OTPAuth from 'otpauth';
import { demoPassword, demoTotpSecret } from '../../src/modules/access/demo';
import { type E2E, screenshotDir, startE2E } from './support';

// Journey: with JavaScript off, someone reports in Kichwa and keeps the receipt; the Guamote triage
// officer (here the supervisor of Guamote) replies; the reporter signs in with the receipt, reads the
// question and answers it.
describe('anonymous report without JavaScript, in Kichwa (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('submits, receives a receipt, reads the reply and answers it', async () => {
    const reporter = await e2e.browser.newContext({
      baseURL: e2e.server.url,
      javaScriptEnabled: false,
      locale: 'es-EC',
    });
    const page = await reporter.newPage();
    const loaded: number[] = [];
    page.on('response', async (r) => loaded.push((await r.body().catch(() => Buffer.alloc(0))).length));
    await page.goto('/report');
    await page.getByRole('link', { name: 'Kichwa' }).click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'qu-EC');
    await page.getByLabel('Marka').selectOption('06');
    await page.getByRole('button', { name: 'Akllana' }).click();
    await page.getByLabel('Kiti').selectOption('0606');
    await page.getByRole('button', { name: 'Akllana' }).click();
    await page.getByLabel('Kitilli').selectOption('060651');
    await page.getByRole('button', { name: 'Akllana' }).click();
    await page.locator('textarea[name=what]').fill('Prueba: kimsa wawakunata Colombiaman apashka, mañanapak.');
    await page.locator('input[name=forms][value=begging]').check();
    await page.locator('input[name=child][value=yes]').check();
    await page.locator('input[name=people]').fill('3');
    await page.locator('input[name=danger][value=no]').check();
    await page.screenshot({ path: path.join(screenshotDir, 'report-form-qu.png'), fullPage: true });
    await page.getByRole('button', { name: 'Kachay' }).click();
    const receipt = (await page.locator('#receipt').textContent())?.replace(/\s/g, '') ?? '';
    assert.match(receipt, /^\d{16}$/);
    await page.screenshot({ path: path.join(screenshotDir, 'report-receipt-qu.png'), fullPage: true });
    assert.equal((await reporter.cookies()).length, 0, 'no cookie before receipt sign-in');
    assert.ok(loaded.every((n) => n <= 30 * 1024));

    const staff = await e2e.browser.newContext({ baseURL: e2e.server.url });
    const s = await staff.newPage();
    await s.goto('/signin');
    await s.getByLabel('Correo electrónico').fill('supervisora.guamote@minka.demo');
    await s.getByLabel('Contraseña').fill(demoPassword);
    await s.getByRole('button', { name: 'Ingresar' }).click();
    await s
      .getByLabel('Código de verificación')
      .fill(new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(demoTotpSecret) }).generate());
    await s.getByRole('button', { name: 'Ingresar' }).click();
    await s.getByRole('navigation').getByRole('link', { name: 'Denuncias' }).click();
    await s.getByRole('row').filter({ hasText: 'Cebadas' }).getByRole('button').click();
    await s.getByText('kimsa wawakunata').waitFor();
    await s.getByLabel('Escribir a quien denunció').fill('¿En qué comunidad de Cebadas viven los niños?');
    await s.getByRole('button', { name: 'Enviar' }).click();
    await s.getByRole('paragraph').filter({ hasText: '¿En qué comunidad de Cebadas viven los niños?' }).waitFor();
    await s.screenshot({ path: path.join(screenshotDir, 'triage-reply.png'), fullPage: true });

    await page.getByRole('link', { name: /Ñuka denunciata rikuna/ }).click();
    await page.getByLabel(/16 yupaykunata/).fill(receipt.replace(/(\d{4})/g, '$1 '));
    await page.getByRole('button', { name: 'Yaykuna' }).click();
    await page.getByText('¿En qué comunidad de Cebadas viven los niños?').waitFor();
    await page.locator('textarea[name=body]').fill('Ayllullaktapi, Cebadas kitillipi.');
    await page.getByRole('button', { name: 'Kachay' }).click();
    await page.getByText('Ayllullaktapi, Cebadas kitillipi.').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'report-thread-qu.png'), fullPage: true });

    await s.reload();
    await s.getByText('En revisión').click();
    await s.getByRole('row').filter({ hasText: 'Cebadas' }).getByRole('button').click();
    await s.getByText('Ayllullaktapi, Cebadas kitillipi.').waitFor();
    await reporter.close();
    await staff.close();
  });
});
