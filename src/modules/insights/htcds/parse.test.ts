import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { declaredUnpackedSize as unpackedSize } from '../../../platform/xlsx';
import { csvSafe, csvUnsafe } from '../csv';
import { templateHeader } from './fields';
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

describe('HTCDS workbook limits', () => {
  it('refuses a workbook that would unpack into more than 200 MB, and reads only the template columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['', ...templateHeader.slice(1)];
    ws.getCell(2, 16_000).value = 'far away';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const size = unpackedSize(bytes);
    assert.ok(size !== null && size > bytes.length);
    const read = await readHtcdsFile(bytes, 'wide.xlsx');
    assert.ok(!JSON.stringify(read).includes('far away'));
    // The same file, its central directory claiming one entry unpacks to 2 GB.
    const bomb = Buffer.from(bytes);
    const dir = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7fffffff, dir + 24);
    await assert.rejects(readHtcdsFile(bomb, 'bomb.xlsx'), (e: { code?: string }) => {
      assert.equal(e.code, 'htcds_too_large');
      return true;
    });
    assert.equal(unpackedSize(Buffer.from('not a zip at all, just text')), null);
  });
});
