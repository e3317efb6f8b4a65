import {
  type ExprEnv,
  type ExprValue,
  evaluate,
  type FormState,
  maxRepeatInstances,
  toBoolean,
  toNumber,
} from '../../../../src/shared/xlsform';
import type { AnswerValue, Question, Repeat } from '../../../../src/shared/xlsform/types';

// The two pieces of a form's logic the view needs beyond FormState: whether a question is required at a path (the
// `required` column may be an expression) and how many instances a repeat_count fixes.

const asExpr = (v: AnswerValue): ExprValue => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? v.join(' ') : v.length;
  return v;
};

/** Scopes of a path, innermost first: 'a[0].b[1].q' → ['a[0].b[1].', 'a[0].', '']. */
function scopes(path: string): string[] {
  const out: string[] = [];
  const re = /\[\d+\]\./g;
  for (let m = re.exec(path); m; m = re.exec(path)) out.unshift(path.slice(0, m.index + m[0].length));
  return [...out, ''];
}

/** The answer `${name}` stands for where `path` is: its own instance first, then the form's top. */
export function nearest(state: FormState, path: string, name: string): AnswerValue {
  for (const scope of scopes(path)) {
    const v = state.value(`${scope}${name}`);
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

/** Answers as an expression at `path` sees them: `${name}` is the nearest one (its own instance first). */
function envAt(state: FormState, path: string, today: string): ExprEnv {
  const find = (name: string) => nearest(state, path, name);
  return {
    ref: (name) => asExpr(find(name)),
    dot: () => asExpr(state.value(path)),
    count: (name) => {
      const v = find(name);
      return Array.isArray(v) ? v.length : 0;
    },
    today,
    now: new Date().toISOString(),
  };
}

const safely = <T>(f: () => T, fallback: T): T => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

/** Whether the question must be answered where it stands (its `required` column, evaluated when an expression). */
export function mustAnswer(state: FormState, q: Question, path: string, today: string): boolean {
  const own = (state as Partial<{ required(path: string): boolean }>).required;
  if (typeof own === 'function') return own.call(state, path);
  const src = q.required?.trim();
  if (!src || src === 'false()') return false;
  if (src === 'true()') return true;
  return safely(() => toBoolean(evaluate(src, envAt(state, path, today))), false);
}

/** The number of instances a repeat_count fixes (null: the person adds them), within the engine's limit. */
export function fixedCount(state: FormState, r: Repeat, path: string, today: string): number | null {
  const own = (state as Partial<{ repeatCount(path: string): number | null }>).repeatCount;
  if (typeof own === 'function') return own.call(state, path);
  const src = r.repeatCount?.trim();
  if (!src) return null;
  const n = safely(() => toNumber(evaluate(src, envAt(state, path, today))), Number.NaN);
  return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), maxRepeatInstances) : 0;
}
