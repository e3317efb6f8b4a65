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
    assert.equal(other.label.qu, 'Shuktak (killkapay)');
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
