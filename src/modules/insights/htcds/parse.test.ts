import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvSafe, csvUnsafe, templateHeader } from './fields';
import { readHtcdsFile } from './parse';
import { validDate } from './validate';

describe('HTCDS file reading', () => {
  it('accepts only real past dates in YYYY-MM-DD', () => {
    assert.ok(validDate('2012-02-29'));
    for (const d of ['2013-02-29', '2012-2-1', '01/02/2012', '1899-12-31', '2999-01-01', ''])
      assert.ok(!validDate(d), d);
  });

  it('neutralises spreadsheet formulas in CSV cells and reads them back unchanged', async () => {
    for (const v of ['=HYPERLINK("x")', '+1', '-2', '@a', 'Ana', "'quoted", '']) assert.equal(csvUnsafe(csvSafe(v)), v);
    assert.equal(csvSafe('=1+1'), "'=1+1");
    const csv = `${templateHeader.join(',')}\n1,,,'=Formula Prueba,Ficticia\n`;
    const file = await readHtcdsFile(Buffer.from(csv), 'x.csv');
    assert.equal(file.rows[0]!.cells.prs_FirstName, '=Formula Prueba');
  });

  it('reads semicolon-separated CSV (Excel in Spanish) and the corrected spelling of the decision field', async () => {
    const header = templateHeader.map((h) =>
      h === 'vic_TraffickinStatusDecisionMakingOrg' ? 'vic_TraffickingStatusDecisionMakingOrg' : h,
    );
    const csv = `\uFEFF${header.join(';')}\r\n1;;;Ana Prueba;Ficticia;;;;;;;;;;;;;;PossibleVictimOfTrafficking;NGO\r\n`;
    const file = await readHtcdsFile(Buffer.from(csv), 'x.csv');
    assert.equal(file.rows[0]!.row, 2);
    assert.equal(file.rows[0]!.cells.vic_TraffickinStatusDecisionMakingOrg, 'NGO');
    assert.deepEqual(file.unknownColumns, []);
  });
});
