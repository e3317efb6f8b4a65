import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { makeUser, testPassword, testTotpSecret } from '../support/access';
import { formToken } from '../support/reports';
import { accessibilityProblems, type E2E, freshTotp, newPage, screenshotDir, signIn, startE2E } from './support';

// The living case record, as two caseworkers in Colta use it: a report saying "a child, about 13" becomes a
// draft with the age unknown; the caseworker completes it and opens the case; a colleague editing from a stale
// page meets the conflict screen; the history shows both changes with labels and names.

const born = `${new Date().getUTCFullYear() - 13}-02-02`;

async function signInTest(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(testPassword);
  await page.getByLabel('Código de verificación').fill(await freshTotp(email, testTotpSecret));
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByRole('heading', { name: 'Bienvenida a Minka' }).waitFor();
}

describe('the living case record in Chromium', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('converts a report, completes and opens the draft, resolves a conflict and shows the history', async () => {
    // A reporter writes that a girl of about 13 begs in Colta.
    const token = await formToken(e2e.server.app);
    const sent = await e2e.server.app.inject({
      method: 'POST',
      url: '/report',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        lang: 'es',
        token,
        what: 'Una niña de unos 13 años pide dinero en el mercado (prueba)',
        division: '060350',
        forms: 'begging',
        child: 'yes',
      }).toString(),
    });
    assert.equal(sent.statusCode, 200);
    const report = await e2e.server.db.db
      .selectFrom('reports')
      .select(['id', 'code'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();

    const { page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'tecnica.colta@minka.demo');
    await page.goto('/reports');
    await page.getByRole('button', { name: report.code }).click();
    await page.getByRole('button', { name: 'Convertir en caso' }).click();
    await page.getByText('Borrador', { exact: true }).first().waitFor();
    await page.getByText(/edad desconocida/).waitFor();
    await page.getByText(/Para abrir el caso falta: nombre, edad, fecha o año de nacimiento/).waitFor();
    await page.getByText(/El reporte sugiere estas formas de explotación: Mendicidad forzada/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Abrir el caso' }).isDisabled(), true);
    const caseUrl = page.url();
    assert.deepEqual(await accessibilityProblems(page), [], 'the draft page passes axe');
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= 360,
      'the case page fits a 360 px screen',
    );

    // Complete the person.
    await page.getByRole('button', { name: 'Editar' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nombres').fill('Killa');
    await dialog.getByLabel('Apellidos').fill('Prueba Ficticia');
    await dialog.getByLabel('Fecha de nacimiento').fill(born);
    assert.deepEqual(await accessibilityProblems(page, '[role=dialog]'), [], 'the edit form passes axe');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Killa Prueba Ficticia').first().waitFor();
    await page.getByText(/13 años/).waitFor();

    // An exploitation event in Colombia.
    await page.getByRole('button', { name: 'Añadir un hecho' }).click();
    await dialog.getByRole('combobox', { name: 'País' }).fill('Colom');
    await page.getByRole('option', { name: 'Colombia' }).click();
    await dialog.getByLabel('Desde (mes)').fill('2026-03');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Explotación · Colombia · 2026-03').waitFor();

    // A perpetrator.
    await page.getByRole('button', { name: 'Añadir una persona tratante' }).click();
    await dialog.getByLabel('Nombres').fill('Tomasa');
    await dialog.getByRole('combobox', { name: 'Papel en el proceso' }).click();
    await page.getByRole('option', { name: 'Captador o intermediario' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Tomasa · Captador o intermediario').waitFor();

    // Confirm the report's suggestion, then open the case in one action.
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByText(/El reporte sugiere/).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Abrir el caso' }).click();
    await page.getByText('Registro', { exact: true }).first().waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'record-opened.png'), fullPage: true });

    // A second caseworker opens the same case and edits it from that page…
    const org = await e2e.server.db.db
      .selectFrom('users')
      .select('organisation_id')
      .where(
        'id',
        'in',
        e2e.server.db.db.selectFrom('cases').select('assigned_user_id').where('id', '=', caseUrl.split('/').pop()!),
      )
      .executeTakeFirstOrThrow();
    const colleague = await makeUser(e2e.server.ctx, {
      role: 'caseworker',
      scope: '0603',
      orgId: org.organisation_id,
      totp: true,
      name: 'Luis Prueba Colega',
    });
    const second = await newPage(e2e);
    await signInTest(second.page, colleague.email);
    await second.page.goto(caseUrl);
    await second.page.getByRole('tab', { name: 'Ficha del caso' }).waitFor();
    await second.page.getByText('Tomasa · Captador o intermediario').waitFor();
    assert.deepEqual(await accessibilityProblems(second.page), [], 'the case page passes axe at desktop width');
    // …while the first changes the months in the situation and saves.
    await page.getByRole('button', { name: 'Editar' }).nth(1).click();
    await dialog.getByLabel('Meses en la situación').fill('4');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The colleague, on the stale page, writes 6.
    await second.page.getByRole('button', { name: 'Editar' }).nth(1).click();
    const stale = second.page.getByRole('dialog');
    await stale.getByLabel('Meses en la situación').fill('6');
    await stale.getByRole('button', { name: 'Guardar' }).click();
    await stale.getByText('Otra persona cambió estos datos mientras usted editaba').waitFor();
    await stale.getByText('Su valor: 6').waitFor();
    await stale.getByText('Valor actual: 4').waitFor();
    assert.deepEqual(await accessibilityProblems(second.page, '[role=dialog]'), [], 'the conflict screen passes axe');
    await second.page.screenshot({ path: path.join(screenshotDir, 'record-conflict.png'), fullPage: true });
    await stale.getByText('Su valor: 6').click();
    await stale.getByRole('button', { name: 'Guardar mi elección' }).click();
    await stale.waitFor({ state: 'detached' });

    // The history names both changes, with labels and people's names.
    await page.goto(`${caseUrl}?tab=history`);
    const change = (who: string, text: string) =>
      page
        .getByText(new RegExp(`${who} · cambió datos del caso`))
        .locator('xpath=../..')
        .getByText(text);
    await change('Luis Prueba Colega', 'Meses en la situación:').waitFor();
    await change('Técnica Demo Colta', 'Meses en la situación:').first().waitFor();
    await page.getByText(/Técnica Demo Colta · cambió datos de la persona/).waitFor();
    await page
      .getByText(/visto \d+ (vez|veces) por/)
      .first()
      .waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    assert.ok(!/local_|prs_|vic_|case\.[a-z]/.test(text), 'no field or action codes on screen');
    assert.deepEqual(await accessibilityProblems(page), [], 'the history passes axe');
    await page.screenshot({ path: path.join(screenshotDir, 'record-history.png'), fullPage: true });
    assert.deepEqual(
      [...problems, ...second.problems].filter((p) => !/401|409|Failed to load resource/.test(p)),
      [],
    );
  });
});
