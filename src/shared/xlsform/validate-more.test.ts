// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sheetsOf } from '../../../tests/support/xlsform';
import { formState, parseXlsform, validateAnswers } from './index';

const ctx = { today: '2026-12-06', now: '2026-12-06T10:00:00.000Z' };

describe('validateAnswers: order, cycles, counts and normalisation', () => {
  const g = (() => {
    const r = parseXlsform(
      sheetsOf(
        [
          { type: 'calculate', name: 'double', calculation: '${half} * 4' },
          { type: 'calculate', name: 'half', calculation: '${n} div 2' },
          { type: 'integer', name: 'n' },
          { type: 'text', name: 'shown', read_only: 'yes', calculation: "concat('n=', ${n})" },
          { type: 'text', name: 'why', required: '${n} > 5' },
          { type: 'begin repeat', name: 'r', repeat_count: '${n}' },
          { type: 'integer', name: 'k' },
          { type: 'begin group', name: 'inner', relevant: '${k} > 1' },
          { type: 'text', name: 'deep' },
          { type: 'end group' },
          { type: 'end repeat' },
          { type: 'select_multiple l', name: 'm' },
          { type: 'time', name: 't' },
          { type: 'acknowledge', name: 'ack' },
        ],
        [
          { list_name: 'l', name: 'x' },
          { list_name: 'l', name: 'y' },
        ],
      ),
      'g',
    );
    assert.ok(r.ok);
    return r.form;
  })();
  const v = (a: unknown) => validateAnswers(g, a, ctx);

  test('calculations do not depend on the order of the rows; read-only questions show their calculation', () => {
    const r = v({ n: '6', why: 'x', r: [{ k: 1 }, { k: 2, deep: 'd' }, {}, {}, {}, {}] });
    assert.deepEqual(r.issues, []);
    assert.equal(r.answers.n, 6);
    assert.equal(r.answers.half, 3);
    assert.equal(r.answers.double, 12);
    assert.equal(r.answers.shown, 'n=6');
  });

  test('relevance that depends on itself is refused at import, so it never has to be evaluated', () => {
    const r = parseXlsform(
      sheetsOf([
        { type: 'text', name: 'a', relevant: "${b} = 'x'" },
        { type: 'text', name: 'b', relevant: "${a} = 'x'" },
      ]),
      'cycle',
    );
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.issues.some((i) => i.code === 'invalid_value' && i.column === 'relevant'));
  });

  test('required as an expression; repeat_count fixes the number of instances; groups inside instances', () => {
    assert.deepEqual(
      v({ n: 6, r: [{ k: 2, deep: 'x' }] }).issues.map((i) => `${i.path}:${i.code}`),
      ['why:required', 'r:constraint'],
    );
    const r = v({
      n: 2,
      r: [
        { k: 1, deep: 'hidden' },
        { k: 2, deep: 'shown' },
      ],
    });
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.answers.r, [{ k: 1 }, { k: 2, deep: 'shown' }]);
    const s = formState(g, { n: 2, r: [{ k: 1 }, { k: 2 }] }, ctx);
    assert.equal(s.relevant('r[0].deep'), false);
    assert.equal(s.relevant('r[1].inner'), true);
    assert.equal(s.repeatCount('r'), 2);
    assert.equal(s.required('why'), false);
  });

  test('values are normalised: numbers from text, selections from a space-separated list, times, acknowledge', () => {
    const r = v({ m: 'y x', t: '07:05:09.123-05:00', ack: true, n: '0', r: [] });
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.answers.m, ['y', 'x']);
    assert.equal(r.answers.t, '07:05:09');
    assert.equal(r.answers.ack, 'OK');
    assert.equal(r.answers.n, 0);
  });

  test('unknown keys are reported, but a bounded number of them', () => {
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const r = v({ n: 0, ...many });
    assert.equal(r.ok, false);
    assert.equal(r.issues.length, 50);
  });
});
