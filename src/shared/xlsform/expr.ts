// Evaluating the XPath subset (see expr-parse.ts) the way ODK and Enketo do for the cases researchers write:
// an unanswered question is '' ; numbers compare numerically when both sides look numeric; dates ('YYYY-MM-DD')
// compare as text; select_multiple answers are space-separated lists for selected()/count-selected().

import { type Ast, type BinOp, type Parsed, parseExpression } from './expr-parse';
import { safeRegex } from './regex';

export type ExprValue = string | number | boolean;

/** What an expression can see: answers by `${name}`, the current value `.`, choice columns (choice_filter) and the
 * number of instances of a repeat (`count(${repeat})`). */
export interface ExprEnv {
  ref(name: string): ExprValue;
  dot(): ExprValue;
  col?(name: string): ExprValue;
  count?(name: string): number;
  today: string;
  now: string;
}

export interface CompileOptions {
  /** choice_filter: bare names are columns of the choices sheet; true = any column, a set = those columns. */
  columns?: boolean | ReadonlySet<string>;
}

/**
 * Checks an expression: syntax, functions of the subset, `${references}` among `known` (when given) and bare names
 * (only allowed, as choice columns, with `opts.columns`).
 */
export function compileExpression(
  src: string,
  known?: ReadonlySet<string>,
  opts: CompileOptions = {},
): { ok: true } | { ok: false; code: 'syntax' | 'unsupported_function' | 'unknown_reference'; detail: string } {
  const parsed = parseExpression(src);
  if (!parsed.ok) return { ok: false, code: parsed.code, detail: parsed.detail };
  if (known) {
    const missing = parsed.refs.find((r) => !known.has(r));
    if (missing !== undefined) return { ok: false, code: 'unknown_reference', detail: missing };
  }
  const cols = opts.columns;
  const badCol = parsed.cols.find((c) => !cols || (cols !== true && !cols.has(c)));
  if (badCol !== undefined) return { ok: false, code: 'unknown_reference', detail: badCol };
  return { ok: true };
}

/** The `${names}` an expression refers to ([] when it does not parse). */
export function expressionRefs(src: string): string[] {
  const parsed = parseExpression(src);
  return parsed.ok ? parsed.refs : [];
}

const numeric = /^\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

const looksNumeric = (v: ExprValue) => typeof v === 'number' || (typeof v === 'string' && numeric.test(v));

const datePattern = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;
const dateTimePattern = /^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})\s*$/;
const dayMs = 86400000;

/** A number as XPath sees it; a date ('YYYY-MM-DD', or a date-time with its offset) is its number of days since
 * 1970-01-01, as in ODK, so `(today() - ${born}) div 365.25` gives an age. */
export function toNumber(v: ExprValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (numeric.test(v)) return Number(v);
  const d = datePattern.exec(v);
  if (d) return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) / dayMs;
  if (dateTimePattern.test(v)) return Date.parse(v.trim()) / dayMs;
  return Number.NaN;
}

export function toText(v: ExprValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return Object.is(v, -0) ? '0' : String(v);
}

export function toBoolean(v: ExprValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v.length > 0;
}

const tokens = (v: ExprValue) => toText(v).split(/\s+/).filter(Boolean);

function compare(op: BinOp, a: ExprValue, b: ExprValue): boolean {
  if (op === '=' || op === '!=') {
    let eq: boolean;
    if (typeof a === 'boolean' || typeof b === 'boolean') eq = toBoolean(a) === toBoolean(b);
    else if (looksNumeric(a) && looksNumeric(b)) eq = toNumber(a) === toNumber(b);
    else eq = toText(a) === toText(b);
    return op === '=' ? eq : !eq;
  }
  let x: number | string;
  let y: number | string;
  if (
    typeof a === 'boolean' ||
    typeof b === 'boolean' ||
    typeof a === 'number' ||
    typeof b === 'number' ||
    (looksNumeric(a) && looksNumeric(b))
  ) {
    x = toNumber(a);
    y = toNumber(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
  } else {
    x = toText(a);
    y = toText(b);
  }
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
}

function arithmetic(op: BinOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case 'div':
      return a / b;
    default:
      return a % b;
  }
}

function regexTest(text: string, pattern: string): boolean {
  const re = text.length > 20000 ? null : safeRegex(pattern);
  if (!re) return false;
  try {
    return re.test(text);
  } catch {
    return false;
  }
}

function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const d = Math.max(-15, Math.min(15, Math.trunc(digits) || 0));
  const f = 10 ** d;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
  return Object.is(r, -0) ? 0 : r;
}

function call(fn: string, args: Ast[], env: ExprEnv): ExprValue {
  const arg = (i: number): ExprValue => (args[i] ? evalAst(args[i], env) : env.dot());
  switch (fn) {
    case 'selected':
      return tokens(arg(0)).includes(toText(arg(1)).trim());
    case 'count-selected':
      return tokens(arg(0)).length;
    case 'count': {
      const a = args[0]!;
      if (a.t !== 'ref') return 0;
      return env.count ? env.count(a.name) : toText(env.ref(a.name)) === '' ? 0 : 1;
    }
    case 'if':
      return toBoolean(arg(0)) ? arg(1) : arg(2);
    case 'today':
      return env.today;
    case 'now':
      return env.now;
    case 'string-length':
      return [...toText(arg(0))].length;
    case 'regex':
      return regexTest(toText(arg(0)), toText(arg(1)));
    case 'number':
      return toNumber(arg(0));
    case 'int':
      return Math.trunc(toNumber(arg(0)));
    case 'string':
      return toText(arg(0));
    case 'concat':
      return args.map((a) => toText(evalAst(a, env))).join('');
    case 'coalesce': {
      const first = arg(0);
      return toText(first) !== '' ? first : arg(1);
    }
    case 'true':
      return true;
    case 'false':
      return false;
    case 'round':
      return roundTo(toNumber(arg(0)), args[1] ? toNumber(arg(1)) : 0);
    case 'not':
      return !toBoolean(arg(0));
    default:
      return '';
  }
}

function evalAst(ast: Ast, env: ExprEnv): ExprValue {
  switch (ast.t) {
    case 'num':
    case 'str':
      return ast.v;
    case 'ref':
      return env.ref(ast.name);
    case 'dot':
      return env.dot();
    case 'col':
      return env.col ? env.col(ast.name) : '';
    case 'neg':
      return -toNumber(evalAst(ast.e, env));
    case 'call':
      return call(ast.fn, ast.args, env);
    case 'bin': {
      const { op } = ast;
      if (op === 'or') return toBoolean(evalAst(ast.l, env)) || toBoolean(evalAst(ast.r, env));
      if (op === 'and') return toBoolean(evalAst(ast.l, env)) && toBoolean(evalAst(ast.r, env));
      const a = evalAst(ast.l, env);
      const b = evalAst(ast.r, env);
      if (op === '=' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') return compare(op, a, b);
      return arithmetic(op, toNumber(a), toNumber(b));
    }
  }
}

/** Evaluates an expression; one that does not parse gives '' (false). */
export function evaluate(src: string, env: ExprEnv): ExprValue {
  const parsed: Parsed = parseExpression(src);
  if (!parsed.ok) return '';
  return evalAst(parsed.ast, env);
}

export const evaluateBoolean = (src: string, env: ExprEnv): boolean => toBoolean(evaluate(src, env));
