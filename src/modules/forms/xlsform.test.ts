// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
// Issue 19, requirement 1: the HTCDS XLSForm of the shared data and a form covering every supported type and column
// import; anything outside the supported subset is refused naming the sheet, row and column.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { everyTypeSheets, everyTypeXlsx, sheetsOf } from '../../../tests/support/xlsform';
import {
  type FormDef,
  type FormIssue,
  findNode,
  formToSheets,
  parseXlsform,
  type Question,
  questions,
  type Sheets,
  textFor,
} from '../../shared/xlsform';
import { readXlsformWorkbook } from './xlsx-read';
import { writeXlsformWorkbook } from './xlsx-write';

/** The shared data folder next to the repository (never copied into it). */
const htcdsXlsform = fileURLToPath(new URL('../../../../shared/data/htcds/htcds_xlsform.xlsx', import.meta.url));

async function read(data: Buffer): Promise<Sheets> {
  const sheets = await readXlsformWorkbook(data);
  assert.ok(!('error' in sheets), 'a readable workbook');
  return sheets as Sheets;
}

function parsed(sheets: Sheets, id = 'form'): FormDef {
  const r = parseXlsform(sheets, id);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  return r.form;
}

async function issuesOfWorkbook(sheets: Sheets): Promise<FormIssue[]> {
  const r = parseXlsform(await read(await writeXlsformWorkbook(sheets)), 'form');
  assert.equal(r.ok, false);
  return r.ok ? [] : r.issues;
}

describe('XLSForm import', () => {
  test('the HTCDS XLSForm of the shared data imports', async () => {
    const data = await readFile(htcdsXlsform);
    const form = parsed(await read(data), 'htcds_xlsform');
    const types = new Set(questions(form).map((q) => q.question.type));
    for (const t of ['start', 'end', 'select_one', 'text', 'date', 'select_multiple', 'calculate'] as const) {
      assert.ok(types.has(t), t);
    }
    const count = questions(form).length;
    assert.ok(count >= 30 && count <= 40, String(count));
    assert.equal(form.formId, 'htcds_xlsform');
    assert.equal(form.version, 'vSmt4GQA3C9uBMLPEVfgND');
    assert.deepEqual(form.languages, [{ code: 'default', name: 'default' }]);
    assert.equal(form.defaultLanguage, 'default');
    assert.ok((form.choices.citizenship?.length ?? 0) >= 240, String(form.choices.citizenship?.length));
    const citizenship = findNode(form, 'prs_Citizenship') as Question;
    assert.equal(citizenship.listName, 'citizenship');
    assert.equal(citizenship.required, undefined, "required 'false' is not required");
    assert.equal(textFor(citizenship.label, form, 'es'), 'Citizenship');
    assert.equal((findNode(form, 'vic_MethodOfRecruitment') as Question).type, 'select_multiple');
    assert.equal((findNode(form, '__version__') as Question).calculation, "'vSmt4GQA3C9uBMLPEVfgND'");
    for (const q of questions(form)) {
      if (q.question.listName) assert.ok(form.choices[q.question.listName]?.length, q.question.listName);
    }
    assert.deepEqual(parsed(formToSheets(form), 'other'), form, 'written back as XLSForm, the same form');
  });

  test('a form covering every supported type and column imports from XLSX', async () => {
    const form = parsed(await read(await everyTypeXlsx()));
    assert.equal(form.formId, 'minka_every_type');
    assert.deepEqual(form.title, {
      es: 'Formulario con todos los tipos',
      qu: 'Tukuy tapuykuna',
      en: 'Form with every type',
    });
    assert.deepEqual(form.languages, [
      { code: 'es', name: 'Español' },
      { code: 'qu', name: 'Kichwa' },
      { code: 'en', name: 'English' },
    ]);
    assert.equal(form.defaultLanguage, 'es');
    const all = questions(form);
    const types = new Set(all.map((q) => q.question.type));
    for (const t of [
      'text',
      'integer',
      'decimal',
      'select_one',
      'select_multiple',
      'date',
      'time',
      'geopoint',
      'note',
      'acknowledge',
      'calculate',
      'start',
      'end',
    ] as const) {
      assert.ok(types.has(t), t);
    }
    const q = (name: string) => findNode(form, name) as Question;
    const group = findNode(form, 'household');
    assert.equal(group?.kind, 'group');
    assert.equal(group?.appearance, 'field-list');
    assert.equal(group?.relevant, "${consent} = 'OK'");
    const repeat = findNode(form, 'children');
    assert.equal(repeat?.kind, 'repeat');
    assert.deepEqual(
      all.filter((x) => x.repeat === 'children').map((x) => x.question.name),
      ['child_alias', 'child_age', 'child_in_school'],
    );
    assert.deepEqual(q('age').label, { es: 'Edad', qu: 'Wiñay', en: 'Age' });
    assert.deepEqual(q('age').hint, { es: 'En años cumplidos', qu: 'Watakunapi', en: 'In years' });
    assert.equal(q('age').required, 'true()');
    assert.equal(q('age').constraint, '. >= 0 and . <= 120');
    assert.deepEqual(q('age').constraintMessage, {
      es: 'Entre 0 y 120',
      qu: '0 manta 120 kama',
      en: 'Between 0 and 120',
    });
    assert.deepEqual(q('consent').requiredMessage?.qu, 'Chaskinami kan');
    assert.equal(q('child_in_school').relevant, '${child_age} >= 5');
    assert.equal(q('household_size').calculation, 'count(${children}) + 1');
    assert.equal(q('parish').choiceFilter, 'canton = ${canton}');
    assert.deepEqual(form.choices.parish?.[0]?.extra, { canton: 'cuenca' });
    assert.equal(q('interview_date').default, 'today()');
    assert.equal(q('interviewer_note').readOnly, true);
    assert.equal(q('canton').appearance, 'minimal');
    assert.equal(q('canton').aggregate, true);
    assert.equal(q('age').aggregate, false);
    assert.equal(q('reasons').orOther, true);
    assert.equal(q('reasons_other').type, 'text');
    assert.equal(q('location').precision, 2);
    assert.equal(textFor(q('age').label, form, 'qu-EC'), 'Wiñay');
    assert.equal(textFor(q('age').label, form, 'en'), 'Age');
    assert.equal(textFor(q('reasons_other').label, form, 'qu-EC'), 'Shuktak (killkapay)');
  });

  test('round trip: written to XLSX and read back, the same form', async () => {
    const sheets = everyTypeSheets();
    const back = await read(await writeXlsformWorkbook(sheets));
    assert.deepEqual(back, sheets);
    assert.deepEqual(parsed(back), parsed(sheets));
  });

  test('an unsupported function is refused naming the sheet, row and column', async () => {
    const issues = await issuesOfWorkbook(
      sheetsOf(
        [
          { type: 'text', name: 'a', label: 'A' },
          { type: 'text', name: 'b', label: 'B', relevant: "pulldata('x','y','z','w') = 'yes'" },
          { type: 'select_one l', name: 'c', label: 'C', choice_filter: 'jr:choice-name(${a}, "${a}") = name' },
          { type: 'image', name: 'photo', label: 'Foto' },
          { type: 'integer', name: 'd', constraint: 'indexed-repeat(${a}, ${a}, 1) > 0' },
        ],
        [{ list_name: 'l', name: 'x', label: 'X' }],
      ),
    );
    assert.deepEqual(issues, [
      { sheet: 'survey', row: 3, column: 'relevant', code: 'unsupported_function', detail: 'pulldata' },
      { sheet: 'survey', row: 4, column: 'choice_filter', code: 'unsupported_function', detail: 'jr:choice-name' },
      { sheet: 'survey', row: 5, column: 'type', code: 'unknown_type', detail: 'image' },
      { sheet: 'survey', row: 6, column: 'constraint', code: 'unsupported_function', detail: 'indexed-repeat' },
    ]);
  });

  test('cell values become text: numbers, booleans, dates, formulas, rich text', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Survey');
    ws.addRow(['type', 'name', 'label', 'required', 'default', 'constraint']);
    ws.addRow([
      'integer',
      'n',
      { richText: [{ text: 'Nú' }, { text: 'mero' }] },
      true,
      5,
      { formula: '"." & " > 1"', result: '. > 1' },
    ]);
    ws.addRow(['date', 'd', 'Fecha', false, new Date(Date.UTC(2026, 0, 31)), null]);
    const sheets = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    assert.deepEqual(sheets.survey, [
      {
        row: 2,
        cells: { type: 'integer', name: 'n', label: 'Número', required: 'true', default: '5', constraint: '. > 1' },
      },
      { row: 3, cells: { type: 'date', name: 'd', label: 'Fecha', required: 'false', default: '2026-01-31' } },
    ]);
    assert.equal(sheets.choices, undefined);
  });

  test('bytes that are not an XLSX are refused', async () => {
    assert.deepEqual(await readXlsformWorkbook(Buffer.from('type,name\ntext,a\n')), { error: 'not_xlsx' });
    assert.deepEqual(await readXlsformWorkbook(Buffer.from('PK\u0003\u0004 broken zip')), { error: 'not_xlsx' });
    // A zip whose directory declares more than a form could need is not unpacked.
    const good = await everyTypeXlsx();
    const bomb = Buffer.from(good);
    const end = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const first = bomb.readUInt32LE(end + 16);
    bomb.writeUInt32LE(0x7fffffff, first + 24);
    assert.deepEqual(await readXlsformWorkbook(bomb), { error: 'too_large' });
  });
});
