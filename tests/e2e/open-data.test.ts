import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ctdcColumns, quasiIdentifiers } from '../../src/modules/insights/ctdc/columns';
import { type E2E, newPage, screenshotDir, signInWithoutCode, startE2E } from './support';

// Journey (issue 8, acceptance 3 in the browser): the demo researcher opens the open-data page, reads the
// k-anonymity report, downloads the CTDC export (every equivalence class at least 11, no personal field), then
// generates differentially private synthetic data at epsilon 1, reads its utility report and downloads it, then
// is refused a release that would pass the jurisdiction's yearly privacy budget (10 by default).
const k = 11;

const parse = (csv: string) => {
  assert.equal(csv.charCodeAt(0), 0xfeff, 'UTF-8 with BOM');
  const [head, ...lines] = csv.slice(1).trimEnd().split('\r\n');
  const columns = head!.split(',');
  return { columns, rows: lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v]))) };
};

describe('open data of a researcher (Chromium)', () => {
  let e2e: E2E;
  let forbidden: string[];
  before(async () => {
    e2e = await startE2E();
    forbidden = (await e2e.server.db.db.selectFrom('cases').select('code').execute()).map((c) => c.code);
    assert.ok(forbidden.length >= 100, 'the demo has simulated cases');
  });
  after(() => e2e.close());

  it('downloads a k-anonymous CTDC export and synthetic data with their reports', async () => {
    const { page, problems } = await newPage(e2e);
    await signInWithoutCode(page, 'investigacion@minka.demo');
    await page.goto('/insights/open-data');
    await page.getByRole('heading', { name: 'Datos abiertos para investigación' }).waitFor();
    await page.getByText('Grupos de equivalencia').waitFor();

    const [ctdc] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Descargar CSV (CTDC)' }).click(),
    ]);
    assert.match(ctdc.suggestedFilename(), /^minka-ctdc-EC-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await ctdc.path(), 'utf8');
    const { columns, rows } = parse(text);
    assert.deepEqual(columns, ctdcColumns);
    assert.ok(rows.length >= k, `${rows.length} rows`);
    const classes = new Map<string, number>();
    for (const r of rows) {
      const key = quasiIdentifiers.map((q) => r[q]).join('|');
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    for (const [key, size] of classes) assert.ok(size >= k, `class ${key} has ${size}`);
    assert.deepEqual(
      forbidden.filter((f) => text.includes(f)),
      [],
    );

    await page.getByLabel('Epsilon (presupuesto de privacidad)').fill('1');
    await page.getByRole('button', { name: 'Generar datos sintéticos' }).click();
    await page.getByRole('heading', { name: 'Informe de utilidad' }).waitFor();
    await page.getByRole('cell', { name: 'ageBroad' }).waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'open-data.png'), fullPage: true });
    const [synthetic] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar CSV sintético' }).click(),
    ]);
    assert.match(synthetic.suggestedFilename(), /^minka-synthetic-epsilon-1-/);
    const s = parse(readFileSync(await synthetic.path(), 'utf8'));
    assert.deepEqual(s.columns, ctdcColumns);
    assert.ok(s.rows.length > 0);
    await page.getByText(/gastado 1 de 10, quedan 9/).waitFor();
    await page
      .getByText(/tablas con ruido/)
      .first()
      .waitFor();

    // Epsilon 10 on top of the 1 spent would pass the budget of 10: refused, with the reason and what is left.
    await page.getByLabel('Epsilon (presupuesto de privacidad)').fill('10');
    await page.getByRole('button', { name: 'Generar datos sintéticos' }).click();
    await page.getByText(/más allá del presupuesto de privacidad de este año: quedan 9 de 10/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Descargar CSV sintético' }).count(), 0);

    // An epsilon outside the range cannot be sent.
    await page.getByLabel('Epsilon (presupuesto de privacidad)').fill('50');
    await page.getByLabel('Epsilon (presupuesto de privacidad)').blur();
    // The refused release is the one expected 409 in the console.
    assert.deepEqual(
      problems.filter((p) => !/409|Failed to load resource/.test(p)),
      [],
    );
  });
});
