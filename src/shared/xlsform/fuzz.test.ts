// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
// Random and hostile inputs: the expression parser, the evaluator and the validator answer without throwing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { everyTypeSheets, fixtureContext } from '../../../tests/support/xlsform';
import { compileExpression, evaluate, parseXlsform, validateAnswers } from './index';

/** A small deterministic generator (the same inputs on every run). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pieces = [
  '${a}',
  '${b}',
  '.',
  '..',
  '/',
  '[',
  ']',
  '(',
  ')',
  ',',
  "'x'",
  '"y"',
  "'",
  '1',
  '2.5',
  '-',
  '+',
  '*',
  'div',
  'mod',
  '=',
  '!=',
  '<',
  '>=',
  'and',
  'or',
  'not(',
  'selected(',
  'count-selected(',
  'if(',
  'regex(',
  'today()',
  'concat(',
  'round(',
  'pulldata(',
  'jr:choice-name(',
  '${',
  '}',
  ' ',
  '@',
  '|',
  '#',
  'name',
];

test('random expressions never throw, in parsing or evaluation', () => {
  const next = random(19);
  const env = {
    ref: () => 'a b',
    dot: () => 3,
    col: () => 'c',
    count: () => 2,
    today: '2026-12-06',
    now: '2026-12-06',
  };
  let accepted = 0;
  for (let i = 0; i < 5000; i++) {
    const n = 1 + Math.floor(next() * 12);
    let src = '';
    for (let j = 0; j < n; j++) src += pieces[Math.floor(next() * pieces.length)];
    const r = compileExpression(src, new Set(['a', 'b']), { columns: true });
    if (r.ok) {
      accepted++;
      evaluate(src, env);
    } else {
      assert.ok(['syntax', 'unsupported_function', 'unknown_reference'].includes(r.code), src);
      assert.equal(typeof r.detail, 'string');
    }
  }
  assert.ok(accepted > 50, `some random expressions are valid (${accepted})`);
});

test('random submissions never throw', () => {
  const parsed = parseXlsform(everyTypeSheets(), 'f');
  assert.ok(parsed.ok);
  const next = random(7);
  const values = [
    null,
    '',
    'x',
    'OK',
    12,
    -1,
    1.5,
    true,
    [],
    ['work'],
    ['a', 'a'],
    {},
    [{}],
    '2026-01-01',
    '1 2',
    'NaN',
  ];
  const keys = ['consent', 'age', 'income', 'reasons', 'children', 'location', 'canton', 'parish', 'x', '__proto__'];
  for (let i = 0; i < 2000; i++) {
    const answers: Record<string, unknown> = {};
    for (const k of keys) {
      if (next() < 0.5)
        Object.defineProperty(answers, k, { value: values[Math.floor(next() * values.length)], enumerable: true });
    }
    const r = validateAnswers(parsed.form, answers, fixtureContext);
    assert.equal(r.ok, r.issues.length === 0);
  }
});
