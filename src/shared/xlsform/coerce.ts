// One answer checked against its question type: untrusted JSON in, a clean value (or null) and the problem out.

import type { ExprValue } from './expr';
import type { AnswerValue, Question } from './types';

export const maxTextLength = 10000;
export const maxRepeatInstances = 200;
const maxChoiceName = 200;
const maxSelected = 1000;

export interface Coerced {
  value: AnswerValue;
  problem?: 'type' | 'too_long';
}

const bad: Coerced = { value: null, problem: 'type' };
const none: Coerced = { value: null };

export function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const intPattern = /^\s*-?\d{1,16}\s*$/;
const decimalPattern = /^\s*-?(?:\d{1,20}(?:\.\d{0,20})?|\.\d{1,20})\s*$/;

function roundCoord(x: number, digits: number): string {
  const r = Number(x.toFixed(digits));
  return String(Object.is(r, -0) ? 0 : r);
}

function geopoint(raw: string, precision: number): Coerced {
  if (raw.length > 200) return bad;
  const parts = raw.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => decimalPattern.test(p))) return bad;
  const lat = Number(parts[0]);
  const lon = Number(parts[1]);
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return bad;
  return { value: `${roundCoord(lat, precision)} ${roundCoord(lon, precision)}` };
}

function selectMultiple(raw: unknown): Coerced {
  let list: unknown[];
  if (typeof raw === 'string') list = raw.length > 100000 ? [] : raw.trim().split(/\s+/).filter(Boolean);
  else if (Array.isArray(raw)) list = raw;
  else return bad;
  if (list.length > maxSelected) return bad;
  const out: string[] = [];
  for (const v of list) {
    if (typeof v !== 'string' || v === '' || v.length > maxChoiceName || /\s/.test(v) || out.includes(v)) return bad;
    out.push(v);
  }
  return out.length ? { value: out } : none;
}

/** Checks a supplied answer against the question type (choices are checked elsewhere, against the filtered list). */
export function coerce(q: Question, raw: unknown): Coerced {
  if (raw === undefined || raw === null || raw === '') return none;
  switch (q.type) {
    case 'note':
    case 'calculate':
      return none;
    case 'text':
      if (typeof raw === 'number' && Number.isFinite(raw)) return { value: String(raw) };
      if (typeof raw !== 'string') return bad;
      return raw.length > maxTextLength ? { value: null, problem: 'too_long' } : { value: raw };
    case 'integer': {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && intPattern.test(raw) ? Number(raw) : Number.NaN;
      return Number.isSafeInteger(n) ? { value: Object.is(n, -0) ? 0 : n } : bad;
    }
    case 'decimal': {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && decimalPattern.test(raw) ? Number(raw) : Number.NaN;
      return Number.isFinite(n) ? { value: Object.is(n, -0) ? 0 : n } : bad;
    }
    case 'date':
    case 'today':
      return typeof raw === 'string' && validDate(raw) ? { value: raw } : bad;
    case 'time': {
      if (typeof raw !== 'string') return bad;
      const m = timePattern.exec(raw);
      if (!m) return bad;
      return { value: m[3] ? `${m[1]}:${m[2]}:${m[3]}` : `${m[1]}:${m[2]}` };
    }
    case 'start':
    case 'end':
      return typeof raw === 'string' && raw.length <= 40 && dateTimePattern.test(raw) && validDate(raw.slice(0, 10))
        ? { value: raw }
        : bad;
    case 'geopoint':
      return typeof raw === 'string' ? geopoint(raw, q.precision ?? 2) : bad;
    case 'select_one':
      return typeof raw === 'string' && raw.length <= maxChoiceName && !/\s/.test(raw) ? { value: raw } : bad;
    case 'select_multiple':
      return selectMultiple(raw);
    case 'acknowledge':
      return raw === 'OK' || raw === true ? { value: 'OK' } : bad;
    default:
      return bad;
  }
}

/** A calculation's result as the answer of its question. */
export function fromCalculation(q: Question, v: ExprValue): AnswerValue {
  if (q.type === 'calculate') {
    if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return v === '' ? null : v.slice(0, maxTextLength);
  }
  const raw = typeof v === 'boolean' ? (v ? 'true' : 'false') : typeof v === 'number' && !Number.isFinite(v) ? null : v;
  return coerce(q, raw).value;
}

/** An answer as expressions see it: unanswered = '', a select_multiple = its choices separated by spaces. */
export function exprValue(v: AnswerValue | undefined): ExprValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (v.every((x) => typeof x === 'string')) return (v as string[]).join(' ');
  return '';
}

export const isEmptyAnswer = (v: AnswerValue | undefined) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
