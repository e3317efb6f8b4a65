import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { csvFile, csvUnsafe } from './csv';

describe('insights CSV', () => {
  it('quotes line breaks, defuses formulas and reads back the same cells', () => {
    const rows = [
      ['cas_OutgoingReferralDetails', 'n'],
      ['Primera línea\nsegunda línea', 3],
      ['=HYPERLINK("x")', -2],
    ];
    const text = csvFile(rows);
    assert.ok(text.startsWith('\uFEFF'));
    assert.match(text, /"Primera línea\nsegunda línea"/);
    const back = (parse(text, { bom: true }) as string[][]).map((r) => r.map(csvUnsafe));
    assert.deepEqual(
      back,
      rows.map((r) => r.map(String)),
    );
  });
});
