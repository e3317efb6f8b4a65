import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { type E2E, newPage, screenshotDir, signInWithoutCode, startE2E } from './support';

// Journey (issue 6): the municipal planner of Colta creates the 2027 local plan with actions under all four
// axes, enters indicator values for two quarters with disaggregation by sex, records an approved ordinance
// and downloads the PDF report, whose figures are read back. A donor then sees the progress, with the
// case-derived indicator of the demo plan suppressed.
describe('local plan of Colta (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  const pick = async (page: Page, scope: ReturnType<Page['locator']>, label: string, option: string | RegExp) => {
    await scope.getByRole('combobox', { name: label, exact: true }).click({ force: true });
    await page.getByRole('option', { name: option }).click();
  };
  const section = (page: Page, title: string) =>
    page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

  it('creates the plan, enters values, records the ordinance and downloads the report', async () => {
    const { page, problems } = await newPage(e2e);
    await signInWithoutCode(page, 'planificacion.colta@minka.demo');
    await page.goto('/plans');
    await page.getByRole('link', { name: /Colta 2025–2026/ }).waitFor();
    await page.getByLabel('Título del plan').fill('Plan local contra la trata de Colta 2027 (prueba)');
    await page.getByLabel('Desde', { exact: true }).fill('2027');
    await page.getByLabel('Hasta', { exact: true }).fill('2027');
    await page.getByRole('button', { name: 'Crear plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan local contra la trata de Colta 2027 (prueba)' }).waitFor();

    const form = section(page, 'Añadir objetivo');
    const budgets = [
      ['Prevención y promoción de derechos', 10000, 4000],
      ['Protección integral', 20000, 5000],
      ['Investigación y sanción', 5000, 0],
      ['Gobernanza y coordinación', 3000, 3000],
    ] as const;
    for (const [axis, planned, executed] of budgets) {
      await pick(page, form, 'Eje', axis);
      await form.getByLabel('Objetivo', { exact: true }).fill(`Objetivo: ${axis} (prueba)`);
      await form.getByRole('button', { name: 'Añadir objetivo' }).click();
      await section(page, axis).getByText(`Objetivo: ${axis} (prueba)`).waitFor();
      await pick(page, form, 'Objetivo de la acción', `${axis} · Objetivo: ${axis} (prueba)`);
      await form.getByLabel('Acción', { exact: true }).fill(`Acción: ${axis} (prueba)`);
      await form.getByLabel('Presupuesto planificado (USD)').fill(String(planned));
      await form.getByLabel('Presupuesto ejecutado (USD)').fill(String(executed));
      await form.getByRole('button', { name: 'Añadir acción' }).click();
      await section(page, axis).getByText(`Acción: ${axis} (prueba)`).waitFor();
    }
    await page.getByText('Presupuesto: 12.000 de 38.000 USD ejecutados (31.6 %)').waitFor();

    const indicators = section(page, 'Indicadores');
    await indicators.getByLabel('Código').fill('P1');
    await indicators.getByLabel('Nombre del indicador').fill('Personas capacitadas');
    await indicators.getByRole('combobox', { name: 'Desagregación' }).click({ force: true });
    await page.getByRole('option', { name: 'Sexo' }).click();
    await page.keyboard.press('Escape');
    await indicators.getByRole('button', { name: 'Añadir indicador' }).click();
    await indicators.getByRole('cell', { name: 'P1 Personas capacitadas' }).waitFor();
    for (const [quarter, total, women, men] of [
      ['2027-Q1', 120, 70, 50],
      ['2027-Q2', 80, 45, 35],
    ] as const) {
      await pick(page, indicators, 'Indicador', 'P1 Personas capacitadas');
      await pick(page, indicators, 'Período', quarter);
      await indicators.getByLabel('Valor').fill(String(total));
      await indicators.getByLabel('Mujeres').fill(String(women));
      await indicators.getByLabel('Hombres').fill(String(men));
      await indicators.getByRole('button', { name: 'Guardar valor' }).click();
      await indicators.getByRole('columnheader', { name: quarter }).waitFor();
    }
    // A breakdown that does not add up is refused with a message naming the indicator.
    await pick(page, indicators, 'Indicador', 'P1 Personas capacitadas');
    await pick(page, indicators, 'Período', '2027-Q3');
    await indicators.getByLabel('Valor').fill('50');
    await indicators.getByLabel('Mujeres').fill('20');
    await indicators.getByLabel('Hombres').fill('20');
    await indicators.getByRole('button', { name: 'Guardar valor' }).click();
    await page
      .getByRole('alert')
      .getByText(/P1 Personas capacitadas.*suma 40, pero el total es 50/)
      .waitFor();

    const instruments = section(page, 'Instrumentos de política pública');
    await instruments.getByLabel('Instrumento').fill('Ordenanza contra la trata de Colta (prueba)');
    await pick(page, instruments, 'Estado', 'Aprobado');
    await instruments.getByRole('button', { name: 'Registrar instrumento' }).click();
    await instruments.getByText('Ordenanza contra la trata de Colta (prueba)').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'local-plan.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Descargar informe (PDF)' }).click();
    const file = await (await download).path();
    const text = (
      await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true })
    ).text.replace(/\s+/g, ' ');
    for (const expected of [
      'Plan local contra la trata de Colta 2027 (prueba)',
      'planificado 38000 USD · ejecutado 12000 USD (31.6 %)',
      'Total 4 0 38000 12000',
      'P1 Personas capacitadas 2027-Q1 — 120',
      'P1 Personas capacitadas 2027-Q2 — 80',
      'Ordenanza contra la trata de Colta (prueba) Aprobado',
    ])
      assert.ok(text.includes(expected), `the PDF lacks "${expected}": ${text}`);
    assert.deepEqual(
      problems.filter((p) => !/400|Failed to load resource/.test(p)),
      [],
    );
  });

  it('shows a donor the progress, with the small case-derived figure suppressed', async () => {
    const { page } = await newPage(e2e);
    await signInWithoutCode(page, 'donante@minka.demo');
    await page.goto('/plans');
    await page.getByRole('heading', { name: 'Comparación entre cantones y períodos' }).waitFor();
    // The comparison row carries the execution percentages.
    await page.getByRole('row').filter({ hasText: 'Colta' }).filter({ hasText: '58 %' }).waitFor();
    await page.getByText('Convenio de cooperación GAD Colta – Organización Internacional Demo (ficticio)').waitFor();
    await page.getByRole('link', { name: /Colta 2025–2026/ }).click();
    await page.getByRole('heading', { level: 1, name: /Colta 2025–2026/ }).waitFor();
    const indicators = section(page, 'Indicadores');
    const row = indicators.getByRole('row').filter({ hasText: 'R1 Víctimas identificadas' });
    await row.getByText('suprimido').first().waitFor();
    await page.getByRole('img', { name: 'Presupuesto planificado y ejecutado por eje' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Añadir objetivo' }).count(), 0, 'a donor only reads');
    await page.screenshot({ path: path.join(screenshotDir, 'local-plan-donor.png'), fullPage: true });
  });
});
