import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sharedData } from '../../../tests/support/app';
import { htcds } from './vocabulary';

// The official field list: column 7 is the field name, column 10 the picklist value names.
const rows = readFileSync(`${sharedData}htcds/HTCDS_Field_Standards_2.0.tsv`, 'utf8')
  .split('\n')
  .map((l) => l.split('\t'));
const standard = new Map(
  rows
    .filter((r) => r.length > 9)
    .map((r) => [
      r[6]!,
      r[9]!
        .split(' / ')
        .map((v) => v.trim())
        .filter(Boolean),
    ]),
);

describe('HTCDS 2.0 vocabulary', () => {
  for (const [field, values] of Object.entries(htcds)) {
    it(`${field} has exactly the standard's values`, () => {
      assert.ok(standard.has(field), `${field} is a field of the standard`);
      assert.deepEqual([...values], standard.get(field));
    });
  }
});
