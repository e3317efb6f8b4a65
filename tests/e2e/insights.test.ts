import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  accessibilityProblems,
  type E2E,
  newPage,
  screenshotDir,
  signIn,
  signInWithoutCode,
  startE2E,
} from './support';

// Journey (issue 8, acceptance 5): the demo researcher, who may never see a person, opens the dashboard, filters
// Chimborazo and 2026, sees the canton map and the charts and downloads the data; no name, case code or HTCDS
// personal column appears in the page, in the API answer or in the file, and every figure is at least k or
// marked suppressed ("< 11" on screen, "<11" in the file).
const k = 11;

/** Every fake person's name written in a demo seed (src/modules/<module>/demo.ts). */
function demoNames(): string[] {
  const names = new Set<string>();
  for (const dir of readdirSync('src/modules')) {
    let text: string;
    try {
      text = readFileSync(path.join('src/modules', dir, 'demo.ts'), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(
      /prs_(?:FirstName|SecondName|LastName):\s*(?:'([^']+)'|f\.gender[^?]*\?\s*'([^']+)'\s*:\s*'([^']+)')/g,
    ))
      for (const n of m.slice(1)) if (n) names.add(n);
  }
  return [...names];
}

const personalColumns = [
  'prs_FirstName',
  'prs_SecondName',
  'prs_LastName',
  'prs_Birthdate',
  'prs_Email',
  'prs_MobilePhone',
  'prs_HomePhone',
  'prs_MailingStreet',
  'prs_MailingCity',
  'local_IdentityNumber',
  'local_BirthYear',
];

describe('insights dashboard of a researcher (Chromium)', () => {
  let e2e: E2E;
  let forbidden: string[];
  before(async () => {
    e2e = await startE2E();
    const codes = (await e2e.server.db.db.selectFrom('cases').select('code').execute()).map((c) => c.code);
    const names = demoNames();
    assert.ok(names.length >= 8, 'the demo names were read');
    assert.ok(names.includes('Demo Sisa') && names.includes('Simulada'), 'both demo seeds were read');
    forbidden = [...names, ...codes, ...personalColumns];
    assert.ok(codes.length >= 100, 'the demo has simulated cases to count');
  });
  after(() => e2e.close());

  const pick = async (page: Page, label: string, option: string) => {
    await page.getByRole('combobox', { name: label, exact: true }).click({ force: true });
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const leaks = (text: string) => forbidden.filter((f) => text.includes(f));

  it('filters Chimborazo 2026, shows the map and charts, and downloads figures without personal data', async () => {
    const { page, problems } = await newPage(e2e);
    const answers: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/api/insights/dashboard')) answers.push(await r.text().catch(() => ''));
    });
    await signInWithoutCode(page, 'investigacion@minka.demo');
    await page.getByRole('navigation').getByRole('link', { name: 'Estadísticas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Estadísticas' }).waitFor();
    await page.getByText(`Cifras protegidas (k = ${k})`).waitFor();
    // The researcher has no case permission: no link to the HTCDS page, which exports persons.
    assert.equal(await page.getByRole('link', { name: 'Exportar e importar HTCDS' }).count(), 0);

    await pick(page, 'Provincia', 'Chimborazo');
    await page.waitForURL(/division=06/);
    await pick(page, 'Periodo', '2026');
    await page.waitForURL(/year=2026/);
    await page.getByRole('heading', { name: 'Personas identificadas por mes de registro' }).waitFor();

    // The map: canton shapes of Chimborazo drawn from the imported boundaries, Colta and Guamote labelled.
    const map = page.getByTestId('chart-map');
    await map.locator('svg path').first().waitFor();
    assert.ok((await map.locator('svg path').count()) >= 10, 'the cantons of Chimborazo are drawn');
    await map.locator('svg text', { hasText: 'Colta' }).first().waitFor();
    await map.locator('svg text', { hasText: 'Guamote' }).first().waitFor();
    // The charts: over time, routes and every breakdown draw an SVG with their bars.
    for (const id of ['series', 'routes', 'exploitation', 'recruitment', 'ageBand', 'gender', 'ethnicity']) {
      const chart = page.getByTestId(`chart-${id}`);
      await chart.locator('svg').first().waitFor();
      assert.ok((await chart.locator('svg path').count()) > 1, `${id} has bars`);
    }
    // Small figures are shown as suppressed, never as a number under k.
    assert.ok((await page.locator('svg text', { hasText: `< ${k}` }).count()) > 0, 'some cell reads "< 11"');
    // The same figures as a table: each reads "< 11" or a number of at least 11.
    const exploitation = page.getByTestId('chart-exploitation');
    await exploitation.getByRole('button', { name: 'Ver tabla' }).click();
    const figures = await exploitation.locator('tbody tr td:last-child').allTextContents();
    assert.ok(figures.length > 0);
    for (const f of figures) assert.ok(f === `< ${k}` || Number(f.replace(/\D/g, '')) >= k, f);
    await exploitation.getByRole('button', { name: 'Ver gráfico' }).click();
    await page.screenshot({ path: path.join(screenshotDir, 'insights-chimborazo-2026.png'), fullPage: true });

    // One chart as an image (drawn on a canvas at twice the size).
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      map.getByRole('button', { name: /como imagen PNG/ }).click(),
    ]);
    const image = readFileSync(await png.path());
    assert.deepEqual([...image.subarray(1, 4)], [...Buffer.from('PNG')]);

    // All data as CSV: UTF-8 with BOM, every value at least k or "<11" and marked suppressed.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar todos los datos (CSV)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^minka-2026-06\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.equal(csv.charCodeAt(0), 0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    assert.equal(lines[0], 'section,key,label,value,suppressed');
    const sections = new Set<string>();
    let suppressed = 0;
    for (const line of lines.slice(1)) {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
      const [section, , , value, flag] = cells;
      sections.add(section ?? '');
      if (flag === 'true') {
        assert.equal(value, `<${k}`, line);
        suppressed++;
      } else {
        assert.equal(flag, 'false', line);
        assert.ok(Number(value) >= k, `published figures are at least ${k}: ${line}`);
      }
    }
    assert.ok(suppressed > 0, 'the file marks suppressed cells');
    for (const s of ['total', 'series', 'map', 'routes', 'exploitation', 'ageBand', 'citizenship'])
      assert.ok(sections.has(s), `the file has ${s}`);

    // No personal field anywhere: page text, page markup, API answers, file.
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a person reads
    const text = await page.locator('body').innerText();
    assert.deepEqual(leaks(text), []);
    assert.deepEqual(leaks(await page.content()), []);
    assert.ok(answers.length > 0);
    assert.deepEqual(leaks(answers.join('\n')), []);
    assert.deepEqual(leaks(csv), []);
    assert.doesNotMatch(`${text}\n${csv}`, /SIM-\d{4}-\d{4}/);

    // The filters live in the address: a reload (or a shared link) shows the same view.
    await page.reload();
    await page.getByTestId('chart-map').locator('svg path').first().waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Provincia', exact: true }).inputValue(), 'Chimborazo');
    assert.equal(await page.getByRole('combobox', { name: 'Periodo', exact: true }).inputValue(), '2026');
    assert.deepEqual(problems, []);
  });

  it('shows a caseworker exact figures for their own canton, with the HTCDS page a link away', async () => {
    const { page, problems } = await newPage(e2e);
    await signIn(page, 'tecnica.colta@minka.demo');
    await page.goto('/insights');
    await page.getByText('Cifras exactas', { exact: true }).waitFor();
    // The jurisdiction is Colta: the filters show it and cannot leave it.
    const province = page.getByRole('combobox', { name: 'Provincia', exact: true });
    const canton = page.getByRole('combobox', { name: 'Cantón', exact: true });
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[value="Colta"]'));
    assert.equal(await province.inputValue(), 'Chimborazo');
    assert.equal(await canton.inputValue(), 'Colta');
    assert.ok(await province.isDisabled());
    assert.ok(await canton.isDisabled());
    await page.getByRole('link', { name: 'Exportar e importar HTCDS' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Datos abiertos' }).count(), 0);
    assert.deepEqual(
      problems.filter((p) => !/401|Failed to load resource/.test(p)),
      [],
    );
  });

  it('shows the donor prosecutions and convictions by year, small counts suppressed, on a phone too', async () => {
    const { page, problems } = await newPage(e2e);
    await signInWithoutCode(page, 'donante@minka.demo');
    await page.goto('/insights');
    const section = page.getByTestId('chart-protection');
    await section.getByRole('heading', { name: 'Protección y justicia' }).waitFor();
    await section.getByText(/Personas, por el año en que ocurrió cada hecho/).waitFor();
    const table = section.getByRole('table', { name: 'Protección y justicia' });
    for (const name of ['Año del hecho', 'Procesados (con cargos)', 'Sentencias condenatorias'])
      await table.getByRole('columnheader', { name }).waitFor();
    // Every figure is "< 11" or at least 11; convictions are published for some year, other cells suppressed.
    const figures = await table.locator('tbody td').allTextContents();
    assert.ok(figures.length > 0);
    for (const f of figures) assert.ok(f === `< ${k}` || Number(f.replace(/\D/g, '')) >= k, f);
    assert.ok(figures.includes(`< ${k}`), 'some cell is suppressed');
    const convictions = await table.locator('tbody td[data-kind="Conviction"]').allTextContents();
    assert.ok(
      convictions.some((f) => f !== `< ${k}`),
      `convictions published for a year: ${convictions}`,
    );
    assert.deepEqual(await accessibilityProblems(page), []);
    // A phone: the page does not overflow; the table scrolls inside its own frame.
    await page.setViewportSize({ width: 360, height: 800 });
    await section.scrollIntoViewIfNeeded();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'the page fits 360 px');
    await page.screenshot({ path: path.join(screenshotDir, 'insights-protection-360.png'), fullPage: true });
    assert.deepEqual(await accessibilityProblems(page), []);
    assert.deepEqual(problems, []);
  });

  it('shows the canton figures as a ranked table when no boundaries are loaded', async () => {
    await e2e.server.db.db.deleteFrom('division_boundaries').where('country_code', '=', 'EC').execute();
    const { page, problems } = await newPage(e2e);
    await signInWithoutCode(page, 'investigacion@minka.demo');
    await page.goto('/insights?division=06');
    const map = page.getByTestId('chart-map');
    await map.getByText('No hay límites cantonales cargados').waitFor();
    const rows = map.locator('tbody tr');
    assert.ok((await rows.count()) >= 10, 'every canton of Chimborazo is listed');
    const figures = await rows.locator('td:last-child').allTextContents();
    const shown = figures.filter((f) => f !== `< ${k}`).map((f) => Number(f.replace(/\D/g, '')));
    assert.ok(shown.every((n) => n >= k));
    assert.deepEqual(
      shown,
      [...shown].sort((a, b) => b - a),
      'largest first',
    );
    assert.equal(await map.getByRole('button', { name: /PNG/ }).count(), 0, 'no image to download without a map');
    assert.deepEqual(problems, []);
  });
});
