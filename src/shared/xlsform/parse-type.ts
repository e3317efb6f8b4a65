// The `type` column of the survey sheet: a question type, `select_one list [or_other]`, or the start or end of a
// group or repeat (`begin group`, `begin_group` …).

import { type Question, questionTypes } from './types';

export type TypeSpec =
  | { kind: 'begin'; node: 'group' | 'repeat' }
  | { kind: 'end'; node: 'group' | 'repeat' }
  | { kind: 'question'; type: Question['type']; listName?: string; orOther?: boolean }
  | { kind: 'unknown' }
  | { kind: 'nolist' };

export function parseType(raw: string): TypeSpec {
  const t = raw.replace(/\s+/g, ' ').trim();
  const lower = t.toLowerCase();
  const m = /^(begin|end)[ _](group|repeat)$/.exec(lower);
  if (m) return { kind: m[1] === 'begin' ? 'begin' : 'end', node: m[2] as 'group' | 'repeat' };
  const sel = /^(select_one|select_multiple|select one|select multiple)(?: (.+?))?$/i.exec(t);
  if (sel) {
    const type = sel[1]!.toLowerCase().replace(' ', '_') as 'select_one' | 'select_multiple';
    const rest = (sel[2] ?? '').split(' ');
    const orOther = rest.length === 2 && rest[1]!.toLowerCase() === 'or_other';
    if (!rest[0] || rest.length > (orOther ? 2 : 1)) return rest[0] ? { kind: 'unknown' } : { kind: 'nolist' };
    return { kind: 'question', type, listName: rest[0], orOther };
  }
  if ((questionTypes as readonly string[]).includes(lower))
    return { kind: 'question', type: lower as Question['type'] };
  return { kind: 'unknown' };
}
