// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rowsOf, sheetsOf } from '../../../tests/support/xlsform';
import { type FormIssue, findNode, parseXlsform, type Question, questions } from './index';

const issuesOf = (r: ReturnType<typeof parseXlsform>): FormIssue[] => (r.ok ? [] : r.issues);

describe('parseXlsform', () => {
  test('a small multilingual form: languages, texts, selects, groups, repeats, settings', () => {
    const r = parseXlsform(
      sheetsOf(
        [
          { type: 'start', name: 'start' },
          { type: 'begin group', name: 'child', 'label::Español (es)': 'Niño', appearance: 'field-list' },
          {
            type: 'integer',
            name: 'age',
            'label::Español (es)': 'Edad',
            'label::Kichwa (qu)': 'Watakuna',
            'hint::Español (es)': 'En años',
            required: 'yes',
            constraint: '. >= 0',
            'constraint_message::Español (es)': 'No negativa',
          },
          { type: 'select_one yesno or_other', name: 'school', relevant: '${age} >= 5', aggregate: 'yes' },
          { type: 'end group' },
          { type: 'begin_repeat', name: 'kids', repeat_count: '2' },
          { type: 'text', name: 'kid', required: 'TRUE()' },
          { type: 'end_repeat' },
          { type: 'geopoint', name: 'where', precision: '4' },
        ],
        [
          { list_name: 'yesno', name: 'yes', 'label::Español (es)': 'Sí', region: 'x' },
          { list_name: 'yesno', name: 'no', 'label::Español (es)': 'No' },
        ],
        [{ form_id: 'demo_form', 'form_title::Español (es)': 'Demo', version: '3', default_language: 'Español' }],
      ),
      'fallback',
    );
    assert.ok(r.ok, JSON.stringify(issuesOf(r)));
    const f = r.form;
    assert.equal(f.formId, 'demo_form');
    assert.equal(f.version, '3');
    assert.deepEqual(f.title, { es: 'Demo' });
    assert.deepEqual(f.languages, [
      { code: 'es', name: 'Español' },
      { code: 'qu', name: 'Kichwa' },
    ]);
    assert.equal(f.defaultLanguage, 'es');
    const age = findNode(f, 'age') as Question;
    assert.deepEqual(age.label, { es: 'Edad', qu: 'Watakuna' });
    assert.deepEqual(age.hint, { es: 'En años' });
    assert.equal(age.required, 'true()');
    assert.equal(age.constraint, '. >= 0');
    assert.deepEqual(age.constraintMessage, { es: 'No negativa' });
    assert.equal(age.row, 4);
    const school = findNode(f, 'school') as Question;
    assert.equal(school.type, 'select_one');
    assert.equal(school.listName, 'yesno');
    assert.equal(school.orOther, true);
    assert.equal(school.aggregate, true);
    const other = findNode(f, 'school_other') as Question;
    assert.equal(other.type, 'text');
    assert.equal(other.relevant, "selected(${school}, 'other')");
    assert.equal(other.label.es, 'Otro (especifique)');
    assert.equal(other.label.qu, 'Shuk (killkapay)');
    const group = findNode(f, 'child');
    assert.equal(group?.kind, 'group');
    assert.equal(group?.appearance, 'field-list');
    const kids = findNode(f, 'kids');
    assert.equal(kids?.kind, 'repeat');
    assert.equal(kids?.kind === 'repeat' && kids.repeatCount, '2');
    assert.equal((findNode(f, 'kid') as Question).required, 'true()');
    assert.equal((findNode(f, 'where') as Question).precision, 4);
    assert.deepEqual(f.choices.yesno?.[0], { name: 'yes', label: { es: 'Sí' }, extra: { region: 'x' } });
    assert.deepEqual(
      questions(f).map((q) => [q.question.name, q.repeat]),
      [
        ['start', null],
        ['age', null],
        ['school', null],
        ['school_other', null],
        ['kid', 'kids'],
        ['where', null],
      ],
    );
  });

  test('plain label columns are the default language; form_id falls back; required false is not required', () => {
    const r = parseXlsform(
      sheetsOf([{ type: 'text', name: 'a', label: 'A', required: 'false' }], undefined, [{ version: 'v1' }]),
      'my_form',
    );
    assert.ok(r.ok);
    assert.equal(r.form.formId, 'my_form');
    assert.deepEqual(r.form.languages, [{ code: 'default', name: 'default' }]);
    assert.equal(r.form.defaultLanguage, 'default');
    assert.deepEqual(r.form.title, { default: 'my_form' });
    assert.equal((findNode(r.form, 'a') as Question).required, undefined);
  });

  test('language headers: code in parentheses, bare code, bare name', () => {
    const r = parseXlsform(
      sheetsOf([
        { type: 'note', name: 'n', 'label::es': 'Hola', 'label::English': 'Hello', 'label::Kichwa (qu)': 'Alli' },
      ]),
      'f',
    );
    assert.ok(r.ok);
    assert.deepEqual(r.form.languages, [
      { code: 'es', name: 'es' },
      { code: 'english', name: 'English' },
      { code: 'qu', name: 'Kichwa' },
    ]);
  });

  test('problems name the sheet, row and column', () => {
    const r = parseXlsform(
      sheetsOf(
        [
          { type: 'text', name: 'a' },
          { type: 'image', name: 'photo' },
          { type: 'text', name: 'a' },
          { type: 'text', name: '1bad' },
          { type: 'text' },
          { type: 'select_one nolist', name: 's' },
          { type: 'text', name: 'b', relevant: "pulldata('x','y','z','w') = 1" },
          { type: 'text', name: 'c', constraint: '${zzz} > 1' },
          { type: 'text', name: 'd', calculation: '${a} +' },
          { type: 'integer', name: 'e', aggregate: 'yes' },
          { type: 'calculate', name: 'f' },
          { type: 'end group' },
          { type: 'begin repeat', name: 'r' },
          { type: 'text', name: '__proto__' },
        ],
        [{ list_name: 'other', name: 'x y' }],
      ),
      'f',
    );
    assert.equal(r.ok, false);
    assert.deepEqual(issuesOf(r), [
      { sheet: 'survey', row: 3, column: 'type', code: 'unknown_type', detail: 'image' },
      { sheet: 'survey', row: 4, column: 'name', code: 'duplicate_name', detail: 'a' },
      { sheet: 'survey', row: 5, column: 'name', code: 'invalid_name', detail: '1bad' },
      { sheet: 'survey', row: 6, column: 'name', code: 'missing_name' },
      { sheet: 'survey', row: 7, column: 'type', code: 'unknown_list', detail: 'nolist' },
      { sheet: 'survey', row: 8, column: 'relevant', code: 'unsupported_function', detail: 'pulldata' },
      { sheet: 'survey', row: 9, column: 'constraint', code: 'unknown_reference', detail: 'zzz' },
      { sheet: 'survey', row: 10, column: 'calculation', code: 'syntax', detail: 'end' },
      { sheet: 'survey', row: 11, column: 'aggregate', code: 'invalid_value', detail: 'yes' },
      { sheet: 'survey', row: 12, column: 'calculation', code: 'missing_column' },
      { sheet: 'survey', row: 13, column: 'type', code: 'unmatched_end', detail: 'end group' },
      { sheet: 'survey', row: 14, column: 'type', code: 'unclosed_group', detail: 'r' },
      { sheet: 'survey', row: 15, column: 'name', code: 'invalid_name', detail: '__proto__' },
      { sheet: 'choices', row: 2, column: 'name', code: 'invalid_name', detail: 'x y' },
    ]);
  });

  test('choice_filter: bare names must be columns of the choices sheet', () => {
    const choices: Record<string, string>[] = [
      { list_name: 'canton', name: 'cuenca' },
      { list_name: 'parish', name: 'p1', canton: 'cuenca' },
    ];
    const ok = parseXlsform(
      sheetsOf(
        [
          { type: 'select_one canton', name: 'canton' },
          { type: 'select_one parish', name: 'parish', choice_filter: 'canton = ${canton}' },
        ],
        choices,
      ),
      'f',
    );
    assert.ok(ok.ok);
    const bad = parseXlsform(
      sheetsOf(
        [
          { type: 'select_one canton', name: 'canton' },
          { type: 'select_one parish', name: 'parish', choice_filter: 'province = ${canton}' },
        ],
        choices,
      ),
      'f',
    );
    assert.deepEqual(issuesOf(bad), [
      { sheet: 'survey', row: 3, column: 'choice_filter', code: 'unknown_reference', detail: 'province' },
    ]);
  });

  test('missing sheet, missing type column, empty list', () => {
    assert.deepEqual(issuesOf(parseXlsform({}, 'f')), [{ sheet: 'survey', row: 0, column: '', code: 'missing_sheet' }]);
    assert.deepEqual(issuesOf(parseXlsform({ survey: rowsOf([{ tipo: 'text', name: 'a' }]) }, 'f')), [
      { sheet: 'survey', row: 1, column: 'type', code: 'missing_column' },
    ]);
    const empty = parseXlsform(
      sheetsOf([{ type: 'select_one l', name: 's' }], [{ list_name: 'l', label: 'no name' }]),
      'f',
    );
    assert.deepEqual(issuesOf(empty), [
      { sheet: 'survey', row: 2, column: 'type', code: 'empty_list', detail: 'l' },
      { sheet: 'choices', row: 2, column: 'name', code: 'missing_name' },
    ]);
  });
});

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
