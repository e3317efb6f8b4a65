import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2E, newPage, screenshotDir, signIn, startE2E } from './support';

// Journey (issue 7): an NGO caseworker in Cuenca refers a 17-year-old girl to a shelter. Without consent the
// referral is refused; with the guardian's consent to share with the shelter it is sent; the shelter's user
// accepts it and records the service delivered; the supervisor approves the support plan; the caseworker
// completes it and asks to close the case; the supervisor approves the closure.
describe('protection from referral to closure (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  const pick = async (page: Page, combobox: string, option: string | RegExp) => {
    await page.getByRole('combobox', { name: combobox }).click({ force: true });
    await page.getByRole('option', { name: option }).click();
  };
  const section = (page: Page, title: string) =>
    page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { level: 2, name: title }) });
  const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

  it('refers with consent, delivers, completes the plan and closes with approval', async () => {
    const problems: string[] = [];
    const caseworker = await newPage(e2e);
    const page = caseworker.page;
    await signIn(page, 'tecnica.cuenca@minka.demo');
    await page.goto('/cases');
    await page.getByRole('row').filter({ hasText: 'Demo Ana' }).getByRole('link').first().click();
    const heading = page.getByRole('heading', { level: 1, name: /^CUE-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const code = (await heading.textContent()) ?? '';
    const caseUrl = page.url();

    // 1. Without consent the referral to the shelter is refused, and the caseworker is told why.
    await tab(page, 'Servicios y seguimiento');
    const referrals = section(page, 'Derivaciones');
    await referrals.getByRole('button', { name: 'Nueva derivación' }).click();
    await pick(page, 'Proveedor', 'Casa de Acogida Demo (ficticia)');
    await pick(page, 'Persona que recibe (opcional)', 'Educadora Demo Casa de Acogida');
    await referrals.getByRole('combobox', { name: 'Servicio' }).click({ force: true });
    await page.getByRole('option', { name: 'Acogida' }).click();
    await page.keyboard.press('Escape');
    await referrals.getByLabel('Indicaciones para quien recibe').fill('Llega con su tía el lunes (prueba)');
    await referrals.getByRole('button', { name: 'Derivar' }).click();
    await referrals
      .getByRole('alert')
      .getByText(/No hay consentimiento para compartir el caso/)
      .waitFor();

    // 2. The guardian consents to sharing the case with the shelter; the same referral now goes through.
    await tab(page, 'Protección');
    const consent = section(page, 'Consentimiento');
    await consent.getByRole('button', { name: 'Añadir un consentimiento' }).click();
    await pick(page, 'Qué se acepta', 'Compartir con una organización');
    await pick(page, 'Organización que puede recibir el caso', 'Casa de Acogida Demo (ficticia)');
    await consent.getByLabel('Nombre de quien consiente').fill('Tía (nombre de prueba)');
    await consent.getByRole('button', { name: 'Registrar consentimiento' }).click();
    await consent.getByText(/Compartir con una organización \(Casa de Acogida Demo \(ficticia\)\)/).waitFor();
    await tab(page, 'Servicios y seguimiento');
    await referrals.getByRole('button', { name: 'Derivar' }).click();
    await referrals.getByText('Enviada').waitFor();
    await referrals.getByRole('link', { name: 'Hoja PDF' }).waitFor();

    // 3. A support plan goes to the supervisor.
    const plan = section(page, 'Plan de apoyo');
    await plan.getByRole('button', { name: 'Plan de apoyo: nuevo o nueva versión' }).click();
    await plan.getByLabel('Objetivos').fill('Acogida segura y retorno a la escuela (prueba)');
    await plan.getByRole('combobox', { name: 'Servicios necesarios' }).click({ force: true });
    await page.getByRole('option', { name: 'Acogida' }).click();
    await page.keyboard.press('Escape');
    await plan.getByRole('button', { name: 'Enviar plan a revisión' }).click();
    await plan.getByText('En revisión').waitFor();
    problems.push(...caseworker.problems);

    // 4. The shelter accepts the referral and records the service delivered.
    const shelter = await newPage(e2e);
    await signIn(shelter.page, 'acogida.cuenca@minka.demo');
    await shelter.page.goto('/referrals/inbox');
    const card = shelter.page.locator('.mantine-Card-root').filter({ hasText: code });
    await card.getByText('Llega con su tía el lunes (prueba)').waitFor();
    await card.getByRole('button', { name: 'Aceptar' }).click();
    await card.getByText('Aceptada', { exact: true }).waitFor();
    await card.getByRole('combobox', { name: 'Servicio' }).click();
    await shelter.page.getByRole('option', { name: 'Acogida' }).click();
    await card.getByRole('button', { name: 'Registrar servicio prestado' }).click();
    await card.getByText('Completada', { exact: true }).waitFor();
    await shelter.page.screenshot({ path: path.join(screenshotDir, 'shelter-inbox.png'), fullPage: true });
    // The shelter opens the referred case read-only: no screening, consent or closure controls.
    await card.getByRole('link', { name: code }).click();
    await shelter.page.getByRole('heading', { level: 1, name: code }).waitFor();
    await tab(shelter.page, 'Servicios y seguimiento');
    await shelter.page.getByRole('heading', { level: 2, name: 'Derivaciones' }).waitFor();
    for (const button of ['Evaluar', 'Registrar consentimiento', 'Solicitar cierre', 'Enviar plan a revisión'])
      assert.equal(await shelter.page.getByRole('button', { name: button }).count(), 0, button);
    problems.push(...shelter.problems);

    // 5. The supervisor approves the plan.
    const sup = await newPage(e2e);
    await signIn(sup.page, 'supervisora.cuenca@minka.demo');
    await sup.page.goto(`${caseUrl}?tab=services`);
    const supPlan = section(sup.page, 'Plan de apoyo');
    await supPlan.getByRole('button', { name: 'Aprobar plan' }).click();
    await supPlan.getByText('Aprobado', { exact: true }).waitFor();

    // 6. The caseworker sees the referral completed, completes the plan, fills the child's safeguards and
    //    asks to close.
    await page.reload();
    await tab(page, 'Servicios y seguimiento');
    await referrals.getByText('Completada').waitFor();
    await plan.getByRole('button', { name: 'Marcar plan como cumplido' }).click();
    await plan.getByText('Cumplido', { exact: true }).waitFor();
    await tab(page, 'Protección');
    const safeguards = section(page, 'Protección de la niñez');
    await safeguards.getByRole('button', { name: 'Hecho' }).first().click();
    await safeguards.getByRole('button', { name: 'Editar representante e interés superior' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Representante o autoridad').fill('Tía, con medida de la Junta (prueba)');
    await dialog.getByLabel('Nota de interés superior').fill('Permanece en acogida hasta el retorno (prueba)');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Para cerrar este caso falta/).waitFor({ state: 'detached' });
    await tab(page, 'Servicios y seguimiento');
    const closure = section(page, 'Cierre del caso');
    await closure.getByRole('button', { name: 'Pedir o registrar el cierre' }).click();
    await closure.getByLabel('Motivo del cierre').fill('Plan cumplido; la adolescente está en acogida (prueba)');
    await closure.getByRole('button', { name: 'Solicitar cierre' }).click();
    await closure.getByText('Cierre solicitado').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'protection-case.png'), fullPage: true });

    // 7. The supervisor finds the request on My work and approves the closure.
    await sup.page.goto('/work');
    await sup.page.getByRole('heading', { name: 'Cierres por aprobar' }).waitFor();
    await sup.page.getByRole('link', { name: code }).first().click();
    await tab(sup.page, 'Servicios y seguimiento');
    const supClosure = section(sup.page, 'Cierre del caso');
    await supClosure.getByRole('button', { name: 'Aprobar cierre' }).click();
    await sup.page.getByRole('heading', { level: 1, name: code }).waitFor();
    await supClosure.getByText('Cerrado', { exact: true }).waitFor();
    await supClosure.getByRole('button', { name: 'Reabrir caso' }).waitFor();
    await sup.page.screenshot({ path: path.join(screenshotDir, 'protection-closed.png'), fullPage: true });
    problems.push(...sup.problems);

    assert.deepEqual(
      problems.filter((p) => !/401|409|Failed to load resource/.test(p)),
      [],
    );
  });
});
