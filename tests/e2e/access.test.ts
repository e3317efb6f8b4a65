import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { demoPassword } from '../../src/modules/access/demo';
import { type E2E, freshTotp, newPage, screenshotDir, startE2E } from './support';

// Journey: the Colta caseworker signs in with password and TOTP in one step; someone with only the password is
// refused with the same words as a wrong password.
describe('caseworker sign-in with two-step verification (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('signs in with password and TOTP, and a second browser without the TOTP is refused', async () => {
    const { page, problems } = await newPage(e2e);
    await page.goto('/signin');
    await page.getByText('Instalación de demostración').waitFor();
    await page.getByLabel('Correo electrónico').fill('tecnica.colta@minka.demo');
    await page.getByLabel('Contraseña').fill(demoPassword);
    await page.getByLabel('Código de verificación').fill(await freshTotp('tecnica.colta@minka.demo'));
    await page.screenshot({ path: path.join(screenshotDir, 'signin-totp.png'), fullPage: true });
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Bienvenida a Minka' }).waitFor();
    await page.getByText('Técnica Demo Colta · GAD Municipal de Colta (demo)').waitFor();
    const jar = await page.context().cookies();
    const session = jar.find((c) => c.name === 'minka_session');
    assert.equal(session?.expires, -1, 'without "remember this device" the session ends with the browser');
    assert.ok(
      jar.some((c) => c.name === 'minka_device' && c.httpOnly),
      'the browser is now a known device',
    );
    assert.equal(
      await page.getByRole('navigation').getByRole('link', { name: 'Administración' }).count(),
      0,
      'a caseworker has no administration',
    );
    await page.screenshot({ path: path.join(screenshotDir, 'home-caseworker.png'), fullPage: true });

    const other = await newPage(e2e);
    await other.page.goto('/signin');
    await other.page.getByLabel('Correo electrónico').fill('tecnica.colta@minka.demo');
    await other.page.getByLabel('Contraseña').fill(demoPassword);
    await other.page.getByRole('button', { name: 'Ingresar' }).click();
    // The right password without the code is refused exactly like a wrong password: nothing tells them apart.
    const refusal = 'El correo, la contraseña o el código de verificación no son correctos.';
    await other.page.getByRole('alert').getByText(refusal).waitFor();
    await other.page.getByLabel('Código de verificación').fill('12345');
    await other.page.getByRole('button', { name: 'Ingresar' }).click();
    await other.page.getByText('Escriba los seis dígitos.').waitFor();
    await other.page.getByLabel('Código de verificación').fill('000000');
    await other.page.getByRole('button', { name: 'Ingresar' }).click();
    await other.page.getByRole('alert').getByText(refusal).waitFor();
    await other.page.goto('/');
    await other.page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    const cookies = await other.page.context().cookies();
    assert.equal(cookies.filter((c) => c.name === 'minka_session').length, 0, 'no session was issued');

    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    assert.deepEqual(
      [...problems, ...other.problems].filter((p) => !/401|Failed to load resource/.test(p)),
      [],
    );
  });

  it('lets the administrator invite a user, see the one-time link, and verify the audit chain', async () => {
    const { page, problems } = await newPage(e2e);
    await page.goto('/signin');
    await page.getByLabel('Correo electrónico').fill('admin@minka.demo');
    await page.getByLabel('Contraseña').fill(demoPassword);
    await page.getByLabel('Código de verificación').fill(await freshTotp('admin@minka.demo'));
    await page.getByLabel('Recordar este dispositivo').check();
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Bienvenida a Minka' }).waitFor();
    const remembered = (await page.context().cookies()).find((c) => c.name === 'minka_session');
    assert.ok(remembered && remembered.expires > Date.now() / 1000, 'remembered: the session outlives the browser');
    await page.getByRole('navigation').getByRole('link', { name: 'Administración' }).click();
    await page.getByRole('cell', { name: 'Técnica Demo Colta' }).waitFor();
    await page.getByRole('button', { name: 'Invitar usuario' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Correo electrónico').fill('nueva.tecnica@minka.demo');
    await drawer.getByLabel('Nombre y apellidos').fill('Nueva Técnica Prueba');
    await drawer.getByLabel('Organización').click();
    await page.getByRole('option', { name: 'GAD Municipal de Colta (demo)' }).click();
    await drawer.getByLabel('Roles').click({ force: true });
    await page.getByRole('option', { name: 'Gestión de casos' }).click();
    await drawer.getByLabel('Jurisdicción').fill('guamote');
    await page.getByRole('option', { name: /Guamote · Cantón · Chimborazo/ }).click();
    await drawer.getByRole('button', { name: 'Invitar usuario' }).click();
    await drawer.getByText('Enlace de un solo uso').waitFor();
    const link = ((await drawer.locator('pre').textContent()) ?? '').trim();
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/invite#[\w-]{43}$/);
    await page.screenshot({ path: path.join(screenshotDir, 'admin-invite.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Auditoría' }).click();
    await page.getByRole('cell', { name: 'Usuario: invitación' }).first().waitFor();
    await page.getByRole('button', { name: 'Verificar la cadena' }).click();
    await page.getByText(/La cadena de auditoría está intacta/).waitFor();
    // The server signed a checkpoint when it started; the check holds the chain against it.
    await page.getByText(/1 punto de control firmado coincide con la cadena/).waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'admin-audit.png'), fullPage: true });

    const invited = await newPage(e2e);
    await invited.page.goto(link.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''));
    await invited.page.getByLabel('Nueva contraseña').fill('una frase larga de prueba');
    await invited.page.getByLabel('Repita la contraseña').fill('una frase larga de prueba');
    await invited.page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await invited.page.getByText('Listo. Ya puede iniciar sesión.').waitFor();
    await invited.page.goto('/signin');
    await invited.page.getByLabel('Correo electrónico').fill('nueva.tecnica@minka.demo');
    await invited.page.getByLabel('Contraseña').fill('una frase larga de prueba');
    await invited.page.getByRole('button', { name: 'Ingresar' }).click();
    await invited.page.getByText('active la verificación en dos pasos para continuar').waitFor();
    await invited.page.getByRole('button', { name: 'Activar la verificación en dos pasos' }).click();
    await invited.page.getByRole('img', { name: 'Código QR para la aplicación de autenticación' }).waitFor();
    await invited.page.screenshot({ path: path.join(screenshotDir, 'enrol-totp.png'), fullPage: true });
    assert.deepEqual(
      [...problems, ...invited.problems].filter((p) => !/401|Failed to load resource/.test(p)),
      [],
    );
  });
});
