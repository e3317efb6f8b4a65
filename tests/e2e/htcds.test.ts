import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { templateHeader } from '../../src/modules/insights/htcds/fields';
import { type E2E, newPage, screenshotDir, signIn, startE2E } from './support';

// Journey (issue 8, HTCDS exchange): the demo Colta caseworker downloads the HTCDS CSV (no personal column
// filled: caseworkers may not export them), then uploads a file with one good and one bad row, reads the report
// by row and column, imports only the valid row and watches the progress to the end.
describe('HTCDS export and import of a caseworker (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('exports without personal columns, then imports only the valid rows after reading the report', async () => {
    const { page, problems } = await newPage(e2e);
    await signIn(page, 'tecnica.colta@minka.demo');
    await page.goto('/insights/htcds');
    await page.getByRole('heading', { level: 1, name: 'Intercambio HTCDS' }).waitFor();
    await page.getByText('Las columnas personales saldrán vacías').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Descargar CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'htcds.csv');
    const csv = readFileSync(await download.path());
    assert.equal(csv.subarray(0, 3).toString('hex'), 'efbbbf');
    const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
    assert.equal(lines[0], templateHeader.join(','));
    assert.ok(lines.length > 2, 'the demo cases of Colta are listed');
    const first = lines.slice(2).map((l) => l.split(',')[3]);
    assert.ok(
      first.every((v) => v === ''),
      'prs_FirstName stays empty',
    );

    const cell = (cells: Record<string, string>) => templateHeader.map((h) => cells[h] ?? '').join(',');
    const file = [
      templateHeader.join(','),
      cell({
        prs_FirstName: 'Wayra',
        prs_SecondName: 'Prueba Ficticia',
        prs_Birthdate: '2010-03-04',
        prs_Gender: 'Feminine',
        vic_LocationOfRecruitment: '0603',
        vic_TypeOfExploitation: 'ForcedBegging',
      }),
      cell({ prs_FirstName: 'Otra', prs_SecondName: 'Prueba Ficticia', prs_Gender: 'Zqdesconocido' }),
    ].join('\n');
    const before = (await e2e.server.db.db.selectFrom('cases').select('id').execute()).map((c) => c.id);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'htcds-prueba.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file),
    });
    await page.getByRole('button', { name: 'Validar archivo' }).click();
    await page.getByText('2 filas: 1 válidas, 1 errores.').waitFor();
    const report = page.getByRole('table').first();
    await report.getByRole('cell', { name: 'prs_Gender', exact: true }).waitFor();
    await report.getByText('El valor de prs_Gender no está en la lista HTCDS.').waitFor();
    assert.equal(await page.getByText('Zqdesconocido').count(), 0, 'the report does not echo values');
    assert.ok(await page.getByRole('button', { name: 'Importar todo' }).isDisabled());
    await page.getByRole('button', { name: 'Importar solo las 1 filas válidas' }).click();
    await page.getByText('Listo: 1 casos importados, 0 vinculados a personas ya registradas.').waitFor();
    await page.getByRole('progressbar').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'htcds-import.png'), fullPage: true });
    const imported = await e2e.server.db.db
      .selectFrom('cases')
      .select(['division_code', 'is_minor'])
      .where('id', 'not in', before.length ? before : ['-'])
      .execute();
    assert.deepEqual(imported, [{ division_code: '0603', is_minor: 1 }]);
    assert.deepEqual(
      problems.filter((p) => !/401|Failed to load resource/.test(p)),
      [],
    );
  });
});
