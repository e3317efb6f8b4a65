// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileExpression, type ExprEnv, type ExprValue, evaluate } from './index';

const answers: Record<string, ExprValue> = {
  age: 12,
  name: 'Ana',
  empty: '',
  tags: 'a b c',
  born: '2014-03-01',
  text5: '5',
};

const env = (dot: ExprValue = '', extra: Partial<ExprEnv> = {}): ExprEnv => ({
  ref: (n) => answers[n] ?? '',
  dot: () => dot,
  today: '2026-12-06',
  now: '2026-12-06T10:00:00Z',
  ...extra,
});
const ev = (src: string, dot: ExprValue = '') => evaluate(src, env(dot));

describe('expression syntax and functions', () => {
  test('numbers, strings and references', () => {
    assert.equal(ev('42'), 42);
    assert.equal(ev('.5'), 0.5);
    assert.equal(ev("'hola'"), 'hola');
    assert.equal(ev('"dos"'), 'dos');
    assert.equal(ev('${age}'), 12);
    assert.equal(ev('${missing}'), '');
    assert.equal(ev('.', 7), 7);
  });

  test('arithmetic: + - * div mod and unary minus, precedence and parentheses', () => {
    assert.equal(ev('1 + 2 * 3'), 7);
    assert.equal(ev('(1 + 2) * 3'), 9);
    assert.equal(ev('10 div 4'), 2.5);
    assert.equal(ev('10 mod 4'), 2);
    assert.equal(ev('-${age} + 2'), -10);
    assert.equal(ev('${age} - 2'), 10);
    assert.equal(ev('${text5} * 2'), 10);
    assert.ok(Number.isNaN(ev('${name} + 1') as number));
    assert.ok(Number.isNaN(ev('${empty} + 1') as number));
  });

  test('comparison: numeric when both look numeric, text otherwise; empty is the empty string', () => {
    assert.equal(ev('${age} = 12'), true);
    assert.equal(ev("${age} = '12'"), true);
    assert.equal(ev('${text5} = 5.0'), true);
    assert.equal(ev('${age} != 12'), false);
    assert.equal(ev('${age} < 13'), true);
    assert.equal(ev('${age} <= 12'), true);
    assert.equal(ev('${age} > 12'), false);
    assert.equal(ev('${age} >= 12'), true);
    assert.equal(ev("'10' > '9'"), true, 'numeric strings compare as numbers');
    assert.equal(ev("${born} < '2015-01-01'"), true, 'dates compare as text');
    assert.equal(ev('${born} < today()'), true);
    assert.equal(ev("${empty} = ''"), true);
    assert.equal(ev('${empty} = 0'), false);
    assert.equal(ev('${empty} != 0'), true);
    assert.equal(ev('${empty} > 0'), false);
    assert.equal(ev('${empty} < 0'), false);
    assert.equal(ev('. >= 0', 3), true);
    assert.equal(ev('. >= 0', -1), false);
  });

  test('and, or, not()', () => {
    assert.equal(ev('${age} > 10 and ${name} = "Ana"'), true);
    assert.equal(ev('${age} > 20 and ${name} = "Ana"'), false);
    assert.equal(ev('${age} > 20 or ${name} = "Ana"'), true);
    assert.equal(ev('not(${age} > 20)'), true);
    assert.equal(ev('1 = 1 or 1 = 2 and 1 = 2'), true, 'and binds tighter than or');
  });

  test('selected() and count-selected()', () => {
    assert.equal(ev("selected(${tags}, 'b')"), true);
    assert.equal(ev("selected(${tags}, 'd')"), false);
    assert.equal(ev("selected(${empty}, 'a')"), false);
    assert.equal(ev('count-selected(${tags})'), 3);
    assert.equal(ev('count-selected(${empty})'), 0);
  });

  test('if(), today(), now(), string-length(), regex()', () => {
    assert.equal(ev("if(${age} > 10, 'mayor', 'menor')"), 'mayor');
    assert.equal(ev("if(${age} > 20, 'mayor', 'menor')"), 'menor');
    assert.equal(ev('today()'), '2026-12-06');
    assert.equal(ev('now()'), '2026-12-06T10:00:00Z');
    assert.equal(ev('string-length(${name})'), 3);
    assert.equal(ev('string-length(.)', 'ñandú'), 5);
    assert.equal(ev("regex(${name}, '^[A-Z][a-z]+$')"), true);
    assert.equal(ev("regex(., '^[0-9]{10}$')", '12345'), false);
    const bad = env('x', { ref: (n) => (n === 'pattern' ? '([' : n === 'evil' ? '^(a+)+$' : '') });
    assert.equal(evaluate('regex(., ${pattern})', bad), false, 'an invalid pattern is false, not an error');
    const slow = env(`${'a'.repeat(40)}!`, { ref: () => '^(a+)+$' });
    assert.equal(evaluate('regex(., ${evil})', slow), false, 'a pattern that could backtrack for ever is not run');
  });

  test('conversions: number(), int(), string(), concat(), coalesce(), true(), false(), round()', () => {
    assert.equal(ev("number('3.5') + 1"), 4.5);
    assert.ok(Number.isNaN(ev("number('x')") as number));
    assert.equal(ev('int(3.9)'), 3);
    assert.equal(ev('int(-3.9)'), -3);
    assert.equal(ev('string(${age})'), '12');
    assert.equal(ev("concat(${name}, ' ', ${age})"), 'Ana 12');
    assert.equal(ev("coalesce(${empty}, 'x')"), 'x');
    assert.equal(ev("coalesce(${name}, 'x')"), 'Ana');
    assert.equal(ev('true()'), true);
    assert.equal(ev('false()'), false);
    assert.equal(ev('round(2.5)'), 3);
    assert.equal(ev('round(3.14159, 2)'), 3.14);
    assert.equal(ev('round(-2.5)'), -3);
  });

  test('dates in arithmetic are days since 1970-01-01, as in ODK', () => {
    assert.equal(ev("number('1970-01-02')"), 1);
    assert.equal(ev('int((today() - ${born}) div 365.25)'), 12);
    assert.equal(ev("today() - '2026-12-01'"), 5);
    assert.equal(ev('${born} < today()'), true);
    assert.equal(ev("${born} + 1 > number('2014-03-01')"), true);
    assert.equal(ev("number('2026-12-06T12:00:00Z') - number(today())"), 0.5);
  });

  test('count() of a repeat uses the environment', () => {
    assert.equal(evaluate('count(${kids}) > 1', env('', { count: (n) => (n === 'kids' ? 2 : 0) })), true);
  });

  test('bare names are choice columns in a choice_filter', () => {
    const e = env('', { col: (c) => (c === 'canton' ? 'cuenca' : '') });
    assert.equal(evaluate("canton = 'cuenca'", e), true);
  });
});

describe('compileExpression', () => {
  test('accepts the subset', () => {
    for (const src of [
      '${a} > 1 and not(${b} = "x")',
      "selected(${a}, 'x') or count-selected(${a}) >= 2",
      "if(${a} = '', 0, ${a} div 2)",
      "regex(., '^[0-9]+$') and string-length(.) <= 10",
      "regex(., '^(\\+593|0)[0-9]{9}$')",
      "regex(., '^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$')",
      "regex(., '^(?:[A-Z]{2})-[0-9]{3}$')",
      '. >= today()',
      "concat(${a}, '-', string(round(${b}, 1)))",
      'count(${a}) mod 2 = 0',
    ]) {
      assert.deepEqual(compileExpression(src), { ok: true }, src);
    }
  });

  test('refuses functions outside the subset, naming them', () => {
    for (const [src, fn] of [
      ["pulldata('x','y','z','w')", 'pulldata'],
      ['jr:choice-name(${a}, "${a}")', 'jr:choice-name'],
      ['indexed-repeat(${a}, ${r}, 1)', 'indexed-repeat'],
      ['position(..)', 'position'],
      ['random()', 'random'],
      ["format-date(${d}, '%Y')", 'format-date'],
      ["instance('list')/root/item", 'instance'],
      ['sum(${a})', 'sum'],
      ['constructor()', 'constructor'],
    ] as const) {
      assert.deepEqual(compileExpression(src), { ok: false, code: 'unsupported_function', detail: fn }, src);
    }
    assert.equal(compileExpression('/data/a = 1').ok, false);
    assert.equal((compileExpression('/data/a = 1') as { code: string }).code, 'unsupported_function');
    assert.equal((compileExpression('${a}[1]') as { code: string }).code, 'unsupported_function');
  });

  test('syntax errors', () => {
    for (const src of [
      '${a} >',
      '(${a} = 1',
      "'open",
      '${a',
      '${1a}',
      '1 2',
      'selected(${a})',
      'if(1, 2)',
      '${a} ! 1',
      '',
      '#',
      `regex(., '${'a'.repeat(201)}')`,
      "regex(., '([')",
      "regex(., '^(a+)+$')",
      "regex(., '^([A-Z][a-z]+ ?)*$')",
      "regex(., '(a*){3,}')",
      "regex(., '(x)\\1')",
      `${'('.repeat(500)}1${')'.repeat(500)}`,
    ]) {
      const r = compileExpression(src);
      assert.equal(r.ok, false, src);
      assert.equal((r as { code: string }).code, 'syntax', src);
    }
  });

  test('unknown references against the names of the form; bare names only as choice columns', () => {
    const known = new Set(['a', 'b']);
    assert.deepEqual(compileExpression('${a} = ${c}', known), { ok: false, code: 'unknown_reference', detail: 'c' });
    assert.deepEqual(compileExpression('${a} = ${b}', known), { ok: true });
    assert.deepEqual(compileExpression('age > 3', known), { ok: false, code: 'unknown_reference', detail: 'age' });
    assert.deepEqual(compileExpression('canton = ${a}', known, { columns: new Set(['canton']) }), { ok: true });
    assert.deepEqual(compileExpression('parish = ${a}', known, { columns: new Set(['canton']) }), {
      ok: false,
      code: 'unknown_reference',
      detail: 'parish',
    });
  });

  test('a long hostile expression is refused without work', () => {
    assert.equal(compileExpression('1+'.repeat(5000)).ok, false);
  });
});
