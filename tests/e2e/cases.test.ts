import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type E2E, newPage, screenshotDir, signIn, startE2E } from './support';

// Journey: a Guamote caseworker registers a 14-year-old recruited for begging in Colombia; the screening
// suggests a possible victim; the 24-hour safeguard task appears; the guardian's consent is recorded;
// the case is in the list filtered by Guamote and by "minor".
describe('registering a child victim (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('registers, screens, safeguards, takes consent and finds the case', async () => {
    const { page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 412, height: 900 });
    await signIn(page, 'tecnico.guamote@minka.demo');
    await page.goto('/cases/new');
    await page.getByLabel('Nombres').fill('Prueba Nina');
    await page.getByLabel('Apellidos').fill('Caso Ficticio');
    await page.getByLabel('Año de nacimiento (si no sabe la fecha)').fill('2013');
    await page.getByRole('combobox', { name: 'Sexo / género' }).click();
    await page.getByRole('option', { name: 'Femenino' }).click();
    await page.getByRole('combobox', { name: 'Cantón o parroquia del caso' }).fill('guamote');
    await page.getByRole('option', { name: /Guamote · Cantón · Chimborazo/ }).click();
    await page.getByLabel('Edad al registrar').fill('14');
    await page.getByRole('combobox', { name: 'Formas de explotación' }).click({ force: true });
    await page.getByRole('option', { name: 'Mendicidad forzada' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Añadir hecho' }).click();
    await page.getByLabel('País (código, p. ej. CO)').fill('CO');
    await page.getByLabel('Mes (AAAA-MM)').fill('2027-04');
    await page.getByLabel('Descripción').fill('Pedía dinero en la calle (prueba)');
    await page.screenshot({ path: path.join(screenshotDir, 'case-intake.png'), fullPage: true });
    await page.getByRole('button', { name: 'Abrir caso' }).click();

    const heading = page.getByRole('heading', { level: 1, name: /^GUA-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const code = (await heading.textContent()) ?? '';
    await page.getByRole('tab', { name: 'Protección' }).click();
    await page.getByText('Notificar a la autoridad de protección de la niñez (24 horas)').waitFor();
    await page.getByText(/Para cerrar este caso falta/).waitFor();
    await page.getByRole('button', { name: 'Registrar una evaluación de indicadores' }).click();

    await page.getByLabel('Engañado sobre el tipo de trabajo, el lugar o el empleador (fuerte)').check();
    await page.getByLabel('Engañado sobre el salario o las ganancias (medio)').check();
    await page.getByLabel('Obligado a pedir dinero o vender en la calle (local) (fuerte)').check();
    await page.getByLabel('No puede ir a la escuela (medio)').check();
    await page.getByRole('button', { name: 'Evaluar' }).click();
    await page.getByRole('status').getByText('Sugerencia: Posible víctima de trata').waitFor();

    await page.getByRole('button', { name: 'Añadir un consentimiento' }).click();
    await page.getByLabel('Nombre de quien consiente').fill('Madre (nombre de prueba)');
    await page.getByRole('button', { name: 'Registrar consentimiento' }).click();
    await page.getByText(/Tratamiento de datos · Representante legal \(Madre \(nombre de prueba\)\)/).waitFor();

    // A referral to the health centre is refused until consent for services exists (the caseworker sees why).
    await page.getByRole('tab', { name: 'Servicios y seguimiento' }).click();
    await page.getByRole('button', { name: 'Nueva derivación' }).click();
    await page.getByRole('combobox', { name: 'Proveedor' }).click();
    await page.getByRole('option', { name: 'Centro de Salud Demo Guamote (ficticio)' }).click();
    await page.getByRole('combobox', { name: 'Servicio', exact: true }).click({ force: true });
    await page.getByRole('option').first().click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Derivar' }).click();
    await page
      .getByRole('alert')
      .getByText(/No hay consentimiento para compartir el caso/)
      .waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'case-page.png'), fullPage: true });

    // The 24-hour safeguard is in the caseworker's own work list, linked to the case.
    await page.goto('/work');
    await page.getByRole('heading', { name: 'Mis tareas abiertas' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: code });
    await row.getByText('Notificar a la autoridad de protección de la niñez (24 horas)').waitFor();

    await page.goto('/cases');
    // On a phone the list comes first, as cards; the filters open from a button.
    await page.getByRole('article').first().waitFor();
    await page.getByRole('button', { name: 'Filtros' }).click();
    await page.getByRole('combobox', { name: 'Lugar' }).fill('guamote');
    await page.getByRole('option', { name: /Guamote · Cantón · Chimborazo/ }).click();
    await page.getByLabel('Niño, niña o adolescente').check();
    await page.getByRole('link', { name: code }).waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'case-list.png'), fullPage: true });
    assert.deepEqual(
      problems.filter((p) => !/401|Failed to load resource/.test(p)),
      [],
    );
  });
});
