// The XPath subset XLSForm expressions are written in, parsed once into a small tree (cached by source text, so the
// browser can evaluate on every keystroke). Anything outside the subset is refused with the function (or path) named.
// No eval, no Function: a hand-written tokenizer and a recursive-descent parser with a depth limit.

import { safeRegex } from './regex';

export type BinOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

export type Ast =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; name: string }
  | { t: 'dot' }
  | { t: 'col'; name: string }
  | { t: 'bin'; op: BinOp; l: Ast; r: Ast }
  | { t: 'neg'; e: Ast }
  | { t: 'call'; fn: string; args: Ast[] };

export type ExprErrorCode = 'syntax' | 'unsupported_function' | 'unknown_reference';

export type Parsed =
  | { ok: true; ast: Ast; refs: string[]; cols: string[] }
  | { ok: false; code: ExprErrorCode; detail: string };

/** Functions of the subset with their number of arguments [min, max]. */
export const supportedFunctions: Readonly<Record<string, readonly [number, number]>> = {
  selected: [2, 2],
  'count-selected': [1, 1],
  count: [1, 1],
  if: [3, 3],
  today: [0, 0],
  now: [0, 0],
  'string-length': [0, 1],
  regex: [2, 2],
  number: [0, 1],
  int: [1, 1],
  string: [0, 1],
  concat: [0, 64],
  coalesce: [2, 2],
  true: [0, 0],
  false: [0, 0],
  round: [1, 2],
  not: [1, 1],
};

/** Longest expression accepted. */
export const maxExpressionLength = 4000;
const maxDepth = 60;

export const namePattern = /^[A-Za-z_][A-Za-z0-9._-]*$/;

type Token =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; v: string }
  | { k: 'name'; v: string }
  | { k: 'op'; v: string }
  | { k: 'dot' }
  | { k: 'bad'; v: string; code: ExprErrorCode }
  | { k: 'end' };

class ExprError extends Error {
  constructor(
    readonly code: ExprErrorCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const syntax = (detail: string) => new ExprError('syntax', detail);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0') {
      i++;
    } else if (c === '$' && src[i + 1] === '{') {
      const close = src.indexOf('}', i + 2);
      if (close < 0) throw syntax('${');
      const name = src.slice(i + 2, close).trim();
      if (!namePattern.test(name)) throw syntax(`\${${name}}`);
      out.push({ k: 'ref', v: name });
      i = close + 1;
    } else if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)/.exec(src.slice(i, i + 64))!;
      out.push({ k: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (c === '.') {
      if (src[i + 1] === '.') {
        out.push({ k: 'bad', v: '..', code: 'unsupported_function' });
        i += 2;
      } else {
        out.push({ k: 'dot' });
        i++;
      }
    } else if (c === "'" || c === '"') {
      const close = src.indexOf(c, i + 1);
      if (close < 0) throw syntax(c);
      out.push({ k: 'str', v: src.slice(i + 1, close) });
      i = close + 1;
    } else if (c === '/' || c === '[' || c === ']' || c === '@' || c === '|') {
      const m = /^[/[\]@|A-Za-z0-9_:.*-]*/.exec(src.slice(i, i + 80))!;
      out.push({ k: 'bad', v: m[0] || c, code: 'unsupported_function' });
      i += m[0].length || 1;
    } else if (c === '!' || c === '<' || c === '>') {
      if (src[i + 1] === '=') {
        out.push({ k: 'op', v: `${c}=` });
        i += 2;
      } else if (c === '!') {
        out.push({ k: 'bad', v: c, code: 'syntax' });
        i++;
      } else {
        out.push({ k: 'op', v: c });
        i++;
      }
    } else if ('=+-*(),'.includes(c)) {
      out.push({ k: 'op', v: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?/.exec(src.slice(i, i + 200))!;
      out.push({ k: 'name', v: m[0] });
      i += m[0].length;
    } else {
      out.push({ k: 'bad', v: c, code: 'syntax' });
      i++;
    }
  }
  out.push({ k: 'end' });
  return out;
}

class Parser {
  private pos = 0;
  private depth = 0;
  readonly refs = new Set<string>();
  readonly cols = new Set<string>();
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return (t.k === 'op' || t.k === 'name') && t.v === v;
  }
  private expectOp(v: string): void {
    if (!this.isOp(v)) throw this.fail();
    this.pos++;
  }
  /** The error for the current token: a path or predicate is outside the subset, anything else is syntax. */
  private fail(): ExprError {
    const t = this.peek();
    return t.k === 'bad' ? new ExprError(t.code, t.v) : syntax(this.describe());
  }
  private describe(): string {
    const t = this.peek();
    if (t.k === 'end') return 'end';
    if (t.k === 'dot') return '.';
    if (t.k === 'ref') return `\${${t.v}}`;
    return String(t.v);
  }

  parseAll(): Ast {
    const ast = this.expr();
    if (this.peek().k !== 'end') throw this.fail();
    return ast;
  }

  private expr(): Ast {
    if (++this.depth > maxDepth) throw syntax('nesting');
    const ast = this.binary(0);
    this.depth--;
    return ast;
  }

  private static levels: BinOp[][] = [
    ['or'],
    ['and'],
    ['=', '!='],
    ['<', '<=', '>', '>='],
    ['+', '-'],
    ['*', 'div', 'mod'],
  ];

  private binary(level: number): Ast {
    if (level >= Parser.levels.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = Parser.levels[level]!.find((o) => this.isOp(o));
      if (!op) return left;
      this.pos++;
      const right = this.binary(level + 1);
      left = { t: 'bin', op, l: left, r: right };
    }
  }

  private unary(): Ast {
    if (this.isOp('-')) {
      this.pos++;
      if (++this.depth > maxDepth) throw syntax('nesting');
      const e = this.unary();
      this.depth--;
      return { t: 'neg', e };
    }
    return this.primary();
  }

  private primary(): Ast {
    const t = this.peek();
    switch (t.k) {
      case 'num':
        this.pos++;
        return { t: 'num', v: t.v };
      case 'str':
        this.pos++;
        return { t: 'str', v: t.v };
      case 'ref':
        this.pos++;
        this.refs.add(t.v);
        return { t: 'ref', name: t.v };
      case 'dot':
        this.pos++;
        return { t: 'dot' };
      case 'op':
        if (t.v === '(') {
          this.pos++;
          const e = this.expr();
          this.expectOp(')');
          return e;
        }
        throw syntax(t.v);
      case 'name': {
        this.pos++;
        const next = this.peek();
        if (next.k === 'op' && next.v === '(') return this.call(t.v);
        if (t.v.includes(':')) throw new ExprError('unsupported_function', t.v);
        this.cols.add(t.v);
        return { t: 'col', name: t.v };
      }
      default:
        throw this.fail();
    }
  }

  private call(fn: string): Ast {
    const arity = Object.hasOwn(supportedFunctions, fn) ? supportedFunctions[fn] : undefined;
    if (!arity) throw new ExprError('unsupported_function', fn);
    this.expectOp('(');
    const args: Ast[] = [];
    if (!this.isOp(')')) {
      args.push(this.expr());
      while (this.isOp(',')) {
        this.pos++;
        args.push(this.expr());
      }
    }
    this.expectOp(')');
    if (args.length < arity[0] || args.length > arity[1]) throw syntax(`${fn}()`);
    if (fn === 'count' && args[0]!.t !== 'ref') throw syntax('count()');
    if (fn === 'regex' && args[1]!.t === 'str' && !safeRegex(args[1]!.v)) throw syntax('regex()');
    return { t: 'call', fn, args };
  }
}

const cache = new Map<string, Parsed>();
const maxCache = 5000;

/** Parses an expression (cached by source text). */
export function parseExpression(src: string): Parsed {
  const hit = cache.get(src);
  if (hit) return hit;
  let parsed: Parsed;
  try {
    if (src.length > maxExpressionLength) throw syntax('length');
    if (src.trim() === '') throw syntax('empty');
    const p = new Parser(tokenize(src));
    const ast = p.parseAll();
    parsed = { ok: true, ast, refs: [...p.refs], cols: [...p.cols] };
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    parsed = { ok: false, code: e.code, detail: e.detail };
  }
  if (cache.size >= maxCache) cache.clear();
  cache.set(src, parsed);
  return parsed;
}
