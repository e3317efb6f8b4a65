import assert from 'node:assert/strict';
import { test } from 'node:test';
import { everyTypeSheets, sheetsOf } from '../../../tests/support/xlsform';
import { type FormDef, formToSheets, parseXlsform, type Sheets } from './index';

const parse = (sheets: Sheets): FormDef => {
  const r = parseXlsform(sheets, 'fallback');
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  return r.form;
};

test('a form written back as sheets imports as the same form', () => {
  const form = parse(everyTypeSheets());
  const sheets = formToSheets(form);
  assert.deepEqual(parse(sheets), form);
  assert.equal(
    sheets.survey?.some((r) => r.cells.name === 'reasons_other'),
    false,
    'the or_other question is not written',
  );
  assert.equal(sheets.survey?.find((r) => r.cells.name === 'age')?.cells['label::Kichwa (qu)'], 'Wiñay');
});

test('language columns without codes and plain columns round trip too', () => {
  const form = parse(
    sheetsOf(
      [
        { type: 'begin repeat', name: 'r', label: 'R', repeat_count: '2' },
        { type: 'geopoint', name: 'p', 'label::Español': 'Lugar', 'label::es': 'x', label: 'Place', precision: '5' },
        { type: 'end repeat' },
      ],
      undefined,
      [{ form_title: 'T', default_language: 'Español' }],
    ),
  );
  assert.deepEqual(parse(formToSheets(form)), form);
});
