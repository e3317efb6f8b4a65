// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sheetsOf } from '../../../tests/support/xlsform';
import { type FormIssue, findNode, parseXlsform, type Question, questions } from './index';

const issuesOf = (r: ReturnType<typeof parseXlsform>): FormIssue[] => (r.ok ? [] : r.issues);

describe('parseXlsform: spellings, structure and columns', () => {
  test('begin_group / select one spellings, headers in any case, a group inside a repeat', () => {
    const r = parseXlsform(
      sheetsOf(
        [
          { Type: 'begin_repeat', Name: 'r', 'Label::Español (es)': 'R' },
          { Type: 'begin_group', Name: 'g' },
          { Type: 'select one yn', Name: 's', Required: '${t} != ""' },
          { Type: 'text', Name: 't' },
          { Type: 'end_group' },
          { Type: 'end_repeat' },
        ],
        [{ list_name: 'yn', name: 'y' }],
        [{ default_language: 'Español' }],
      ),
      'f',
    );
    assert.ok(r.ok, JSON.stringify(issuesOf(r)));
    assert.equal(r.form.defaultLanguage, 'es');
    const s = findNode(r.form, 's') as Question;
    assert.equal(s.type, 'select_one');
    assert.equal(s.required, '${t} != ""');
    assert.deepEqual(
      questions(r.form).map((q) => q.repeat),
      ['r', 'r'],
    );
  });

  test('a repeat inside a repeat, bad flags and precision are refused', () => {
    const r = parseXlsform(
      sheetsOf([
        { type: 'begin repeat', name: 'a' },
        { type: 'begin repeat', name: 'b' },
        { type: 'text', name: 'c', read_only: 'maybe' },
        { type: 'geopoint', name: 'p', precision: '9' },
        { type: 'end repeat' },
        { type: 'end repeat' },
      ]),
      'f',
    );
    assert.deepEqual(issuesOf(r), [
      { sheet: 'survey', row: 3, column: 'type', code: 'invalid_value', detail: 'begin repeat' },
      { sheet: 'survey', row: 4, column: 'read_only', code: 'invalid_value', detail: 'maybe' },
      { sheet: 'survey', row: 5, column: 'precision', code: 'invalid_value', detail: '9' },
    ]);
  });

  test('every expression column is checked: required, calculation, repeat_count, choice_filter, constraint', () => {
    const r = parseXlsform(
      sheetsOf(
        [
          { type: 'text', name: 'a', required: 'random() > 0.5' },
          { type: 'calculate', name: 'b', calculation: "format-date(today(), '%Y')" },
          { type: 'begin repeat', name: 'r', repeat_count: 'position(..)' },
          { type: 'end repeat' },
          { type: 'select_one l', name: 'c', choice_filter: "instance('l')/root/item[name = 'x']" },
          { type: 'text', name: 'd', constraint: '/data/a != ""' },
          { type: 'text', name: 'e', relevant: "${a} = 'x' and" },
        ],
        [{ list_name: 'l', name: 'x' }],
      ),
      'f',
    );
    assert.deepEqual(issuesOf(r), [
      { sheet: 'survey', row: 2, column: 'required', code: 'unsupported_function', detail: 'random' },
      { sheet: 'survey', row: 3, column: 'calculation', code: 'unsupported_function', detail: 'format-date' },
      { sheet: 'survey', row: 4, column: 'repeat_count', code: 'unsupported_function', detail: 'position' },
      { sheet: 'survey', row: 6, column: 'choice_filter', code: 'unsupported_function', detail: 'instance' },
      { sheet: 'survey', row: 7, column: 'constraint', code: 'unsupported_function', detail: '/data/a' },
      { sheet: 'survey', row: 8, column: 'relevant', code: 'syntax', detail: 'end' },
    ]);
  });

  test('choices: duplicate names in a list, missing list name, unknown settings form_id', () => {
    const r = parseXlsform(
      sheetsOf(
        [{ type: 'select_multiple l', name: 's' }],
        [
          { list_name: 'l', name: 'x' },
          { list_name: 'l', name: 'x' },
          { name: 'y', label: 'Y' },
        ],
        [{ form_id: 'bad id' }],
      ),
      'f',
    );
    assert.deepEqual(issuesOf(r), [
      { sheet: 'choices', row: 3, column: 'name', code: 'duplicate_name', detail: 'x' },
      { sheet: 'choices', row: 4, column: 'list_name', code: 'missing_name' },
      { sheet: 'settings', row: 2, column: 'form_id', code: 'invalid_value', detail: 'bad id' },
    ]);
  });

  test('an or_other question whose specify name is taken', () => {
    const r = parseXlsform(
      sheetsOf(
        [
          { type: 'text', name: 's_other' },
          { type: 'select_one l or_other', name: 's' },
        ],
        [{ list_name: 'l', name: 'x' }],
      ),
      'f',
    );
    assert.deepEqual(issuesOf(r), [
      { sheet: 'survey', row: 3, column: 'name', code: 'duplicate_name', detail: 's_other' },
    ]);
  });
});

describe('parseXlsform: comments, references in texts, size', () => {
  test('a row with no type, name or label is a comment; ${name} in labels must exist', () => {
    const r = parseXlsform(
      sheetsOf([
        { type: 'text', name: 'a', label: 'A' },
        { notes: 'a comment for the form author' },
        { type: 'note', name: 'n', 'label::es': 'Hola ${a}', 'hint::es': '${b}' },
      ]),
      'f',
    );
    assert.deepEqual(issuesOf(r), [
      { sheet: 'survey', row: 4, column: 'hint::es', code: 'unknown_reference', detail: 'b' },
    ]);
  });

  test('at most 200 problems are listed, the first ones', () => {
    const bad = Array.from({ length: 500 }, (_, i) => ({ type: 'image', name: `q${i}` }));
    const issues = issuesOf(parseXlsform(sheetsOf(bad), 'f'));
    assert.equal(issues.length, 200);
    assert.equal(issues[0]?.row, 2);
  });

  test('a sheet with too many rows is refused as a whole', () => {
    const many = Array.from({ length: 3001 }, (_, i) => ({ type: 'text', name: `q${i}` }));
    assert.deepEqual(issuesOf(parseXlsform(sheetsOf(many), 'f')), [
      { sheet: 'survey', row: 0, column: '', code: 'invalid_value', detail: 'too_many_rows' },
    ]);
  });
});

test('sheets of the wrong shape do not throw', () => {
  for (const bad of [
    null,
    { survey: 'x' },
    { survey: [null, 3, { row: 2, cells: null }] },
    { survey: [{ row: 2, cells: { type: 5 } }] },
  ]) {
    const r = parseXlsform(bad as never, 'f');
    assert.equal(r.ok, false);
  }
});

test('relevance or calculations that depend on themselves are refused', () => {
  const r = parseXlsform(
    sheetsOf([
      { type: 'calculate', name: 'a', calculation: '${b} + 1' },
      { type: 'calculate', name: 'b', calculation: '${a} + 1' },
      { type: 'begin group', name: 'g', relevant: "${inside} = 'x'" },
      { type: 'text', name: 'inside' },
      { type: 'end group' },
      { type: 'text', name: 'self', relevant: "${self} = ''" },
      { type: 'integer', name: 'fine', constraint: '. > ${a}', relevant: '${inside} != 1' },
    ]),
    'f',
  );
  assert.deepEqual(issuesOf(r), [
    { sheet: 'survey', row: 2, column: 'calculation', code: 'invalid_value', detail: 'a → b → a' },
    { sheet: 'survey', row: 4, column: 'relevant', code: 'invalid_value', detail: 'g → inside → g' },
    { sheet: 'survey', row: 7, column: 'relevant', code: 'invalid_value', detail: 'self → self' },
  ]);
});
