// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sheetsOf } from '../../../tests/support/xlsform';
import { type Answers, type FormDef, formState, parseXlsform, type Question, validateAnswers } from './index';

const ctx = { today: '2026-12-06', now: '2026-12-06T10:00:00.000Z' };

function form(): FormDef {
  const r = parseXlsform(
    sheetsOf(
      [
        { type: 'start', name: 'start' },
        { type: 'today', name: 'day' },
        { type: 'text', name: 'nick', required: 'yes', 'required_message::es': 'Falta el apodo' },
        {
          type: 'integer',
          name: 'age',
          required: 'yes',
          constraint: '. >= 0 and . <= 17',
          'constraint_message::es': 'Entre 0 y 17',
        },
        { type: 'select_one yesno', name: 'in_school', relevant: '${age} >= 5' },
        { type: 'text', name: 'school', relevant: "${in_school} = 'yes'", required: 'yes' },
        { type: 'select_one canton', name: 'canton' },
        { type: 'select_one parish', name: 'parish', choice_filter: 'canton = ${canton}' },
        { type: 'select_multiple reasons or_other', name: 'reasons' },
        { type: 'geopoint', name: 'place' },
        { type: 'date', name: 'visit', constraint: '. <= today()' },
        { type: 'time', name: 'at' },
        { type: 'decimal', name: 'weight' },
        { type: 'acknowledge', name: 'ok' },
        { type: 'note', name: 'info' },
        { type: 'text', name: 'fixed', read_only: 'yes' },
        { type: 'calculate', name: 'months', calculation: '${age} * 12' },
        { type: 'begin group', name: 'g', relevant: '${age} > 10' },
        { type: 'text', name: 'teen_note' },
        { type: 'end group' },
        { type: 'begin repeat', name: 'kids' },
        { type: 'text', name: 'kid_name', required: 'yes' },
        { type: 'integer', name: 'kid_age', constraint: '. < ${age}' },
        { type: 'select_one yesno', name: 'kid_works', relevant: '${kid_age} >= 10' },
        { type: 'end repeat' },
        { type: 'calculate', name: 'n_kids', calculation: 'count(${kids})' },
      ],
      [
        { list_name: 'yesno', name: 'yes', label: 'Sí' },
        { list_name: 'yesno', name: 'no', label: 'No' },
        { list_name: 'canton', name: 'cuenca', label: 'Cuenca' },
        { list_name: 'canton', name: 'giron', label: 'Girón' },
        { list_name: 'parish', name: 'banos', label: 'Baños', canton: 'cuenca' },
        { list_name: 'parish', name: 'ricaurte', label: 'Ricaurte', canton: 'cuenca' },
        { list_name: 'parish', name: 'asuncion', label: 'La Asunción', canton: 'giron' },
        { list_name: 'reasons', name: 'work', label: 'Trabajo' },
        { list_name: 'reasons', name: 'family', label: 'Familia' },
      ],
    ),
    'f',
  );
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  return r.form;
}

const f = form();
const codes = (answers: unknown) => validateAnswers(f, answers, ctx).issues.map((i) => `${i.path}:${i.code}`);

describe('validateAnswers', () => {
  test('a valid submission: cleaned answers with calculations and metadata filled', () => {
    const r = validateAnswers(
      f,
      {
        nick: 'Demo',
        age: 12,
        in_school: 'yes',
        school: 'Escuela Prueba',
        canton: 'cuenca',
        parish: 'banos',
        reasons: ['work', 'other'],
        reasons_other: 'Migración',
        place: '-2.900123 -79.004567 2500 5',
        visit: '2026-12-01',
        at: '09:30',
        weight: '31.5',
        ok: 'OK',
        teen_note: 'x',
        kids: [
          { kid_name: 'Demo uno', kid_age: 3 },
          { kid_name: 'Demo dos', kid_age: 11, kid_works: 'no' },
        ],
      },
      ctx,
    );
    assert.deepEqual(r.issues, []);
    assert.equal(r.ok, true);
    assert.deepEqual(r.answers, {
      start: ctx.now,
      day: ctx.today,
      nick: 'Demo',
      age: 12,
      in_school: 'yes',
      school: 'Escuela Prueba',
      canton: 'cuenca',
      parish: 'banos',
      reasons: ['work', 'other'],
      reasons_other: 'Migración',
      place: '-2.9 -79',
      visit: '2026-12-01',
      at: '09:30',
      weight: 31.5,
      ok: 'OK',
      months: 144,
      teen_note: 'x',
      kids: [
        { kid_name: 'Demo uno', kid_age: 3 },
        { kid_name: 'Demo dos', kid_age: 11, kid_works: 'no' },
      ],
      n_kids: 2,
    });
  });

  test('required, with the form message', () => {
    const r = validateAnswers(f, { age: 3 }, ctx);
    assert.deepEqual(r.issues, [{ path: 'nick', code: 'required', message: { es: 'Falta el apodo' } }]);
    assert.equal(r.ok, false);
  });

  test('relevant hides questions and drops their values', () => {
    const r = validateAnswers(f, { nick: 'D', age: 3, in_school: 'yes', school: 'X', teen_note: 'y' }, ctx);
    assert.deepEqual(r.issues, []);
    assert.equal(r.answers.in_school, undefined);
    assert.equal(r.answers.school, undefined);
    assert.equal(r.answers.teen_note, undefined, 'a hidden group drops its questions');
    assert.deepEqual(codes({ nick: 'D', age: 8, in_school: 'yes' }), ['school:required']);
    const s = formState(f, { nick: 'D', age: 8, in_school: 'no' }, ctx);
    assert.equal(s.relevant('in_school'), true);
    assert.equal(s.relevant('school'), false);
    assert.equal(s.relevant('g'), false);
    assert.equal(s.relevant('teen_note'), false);
  });

  test('constraint with its message; . is the answer', () => {
    const r = validateAnswers(f, { nick: 'D', age: 30 }, ctx);
    assert.deepEqual(r.issues, [{ path: 'age', code: 'constraint', message: { es: 'Entre 0 y 17' } }]);
    assert.deepEqual(codes({ nick: 'D', age: 3, visit: '2027-01-01' }), ['visit:constraint']);
  });

  test('a repeat of two children: each instance validated, in-instance references, paths with indexes', () => {
    const answers: Answers = {
      nick: 'D',
      age: 12,
      kids: [
        { kid_age: 14, kid_works: 'yes' },
        { kid_name: 'B', kid_age: 11, kid_works: 'yes', stray: 1 },
      ],
    };
    assert.deepEqual(codes(answers), [
      'kids[0].kid_name:required',
      'kids[0].kid_age:constraint',
      'kids[1].stray:unknown_question',
    ]);
    const s = formState(f, answers, ctx);
    assert.equal(s.relevant('kids[0].kid_works'), true);
    assert.equal(s.value('kids[1].kid_works'), 'yes');
    assert.equal(s.value('n_kids'), 2);
    assert.equal(s.relevant('kids[5].kid_works'), false);
    const small = formState(f, { nick: 'D', age: 12, kids: [{ kid_name: 'A', kid_age: 4, kid_works: 'yes' }] }, ctx);
    assert.equal(small.relevant('kids[0].kid_works'), false);
    assert.deepEqual(small.answers.kids, [{ kid_name: 'A', kid_age: 4 }]);
  });

  test('select with choice_filter: the list depends on the answers; a choice outside it is refused', () => {
    const parish = f.children.find((n) => n.name === 'parish') as Question;
    const s = formState(f, { canton: 'giron' }, ctx);
    assert.deepEqual(
      s.choices(parish, 'parish').map((c) => c.name),
      ['asuncion'],
    );
    assert.deepEqual(codes({ nick: 'D', age: 3, canton: 'giron', parish: 'banos' }), ['parish:choice']);
    assert.deepEqual(codes({ nick: 'D', age: 3, canton: 'nowhere' }), ['canton:choice']);
  });

  test('or_other: the choice other and the specify question', () => {
    const reasons = f.children.find((n) => n.name === 'reasons') as Question;
    const s = formState(f, { reasons: ['other'] }, ctx);
    assert.deepEqual(
      s.choices(reasons, 'reasons').map((c) => c.name),
      ['work', 'family', 'other'],
    );
    assert.equal(s.relevant('reasons_other'), true);
    assert.equal(formState(f, { reasons: ['work'] }, ctx).relevant('reasons_other'), false);
    assert.deepEqual(
      validateAnswers(f, { nick: 'D', age: 3, reasons: ['work'], reasons_other: 'x' }, ctx).answers.reasons_other,
      undefined,
    );
  });

  test('geopoint is stored coarse (2 decimals by default)', () => {
    assert.equal(validateAnswers(f, { place: '-2.89731 -79.00451' }, ctx).answers.place, '-2.9 -79');
    assert.equal(validateAnswers(f, { place: '-2.8873 -79.0163' }, ctx).answers.place, '-2.89 -79.02');
    assert.deepEqual(codes({ nick: 'D', age: 3, place: '95 10' }), ['place:type']);
    assert.deepEqual(codes({ nick: 'D', age: 3, place: 'here' }), ['place:type']);
  });

  test('type errors', () => {
    assert.deepEqual(
      codes({
        nick: 5,
        age: 3.5,
        weight: 'heavy',
        visit: '2026-02-30',
        at: '25:00',
        reasons: ['work', 'work'],
        ok: 'yes',
        kids: { kid_name: 'x' },
      }),
      ['age:type', 'reasons:type', 'visit:type', 'at:type', 'weight:type', 'ok:type', 'kids:type'],
    );
    assert.deepEqual(codes({ nick: 'x'.repeat(10001), age: 3 }), ['nick:too_long']);
    assert.deepEqual(codes('not an object'), [':type', 'nick:required', 'age:required']);
  });

  test('unknown keys, read-only and calculated values supplied by the client are ignored', () => {
    const r = validateAnswers(f, { nick: 'D', age: 3, bogus: 1, fixed: 'x', months: 999, info: 'note', g: 'x' }, ctx);
    assert.deepEqual(
      r.issues.map((i) => `${i.path}:${i.code}`),
      ['bogus:unknown_question', 'g:unknown_question'],
    );
    assert.equal(r.answers.fixed, undefined);
    assert.equal(r.answers.months, 36);
    assert.equal(r.answers.info, undefined);
  });

  test('hostile input does not throw', () => {
    let deep: unknown = [];
    for (let i = 0; i < 10000; i++) deep = [deep];
    const proto = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}, "nick": "D", "age": 3}',
    );
    for (const input of [
      deep,
      proto,
      { nick: deep, age: { toString: 1 }, kids: deep, reasons: deep, place: 'x'.repeat(1e6) },
      { nick: 'D', age: 3, kids: Array.from({ length: 1000 }, () => ({ kid_name: 'x' })) },
      { nick: 'x'.repeat(5e6) },
      null,
      undefined,
      42,
    ]) {
      const r = validateAnswers(f, input, ctx);
      assert.equal(typeof r.ok, 'boolean');
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const r = validateAnswers(f, proto, ctx);
    assert.deepEqual(
      r.issues.map((i) => `${i.path}:${i.code}`),
      ['__proto__:unknown_question', 'constructor:unknown_question'],
    );
    assert.equal(Object.getPrototypeOf(r.answers), Object.prototype);
    assert.deepEqual(codes({ nick: 'D', age: 3, kids: Array.from({ length: 201 }, () => ({ kid_name: 'x' })) }), [
      'kids:too_long',
    ]);
  });

  test('a read-only question keeps its default, whatever the device sends', () => {
    const r = parseXlsform(
      sheetsOf(
        [
          { type: 'text', name: 'office', read_only: 'yes', default: 'Junta de Guamote (prueba)' },
          { type: 'date', name: 'opened', read_only: 'yes', default: 'today()' },
          { type: 'integer', name: 'free' },
        ],
        [],
      ),
      'ro',
    );
    assert.ok(r.ok);
    const out = validateAnswers(r.form, { office: 'Cambiado', opened: '2020-01-01', free: 2 }, ctx);
    assert.equal(out.ok, true);
    assert.deepEqual(out.answers, { office: 'Junta de Guamote (prueba)', opened: '2026-12-06', free: 2 });
  });
});
