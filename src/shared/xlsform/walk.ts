// The walk over a form in order: the cleaned answers (only relevant questions, calculations and metadata filled in)
// and the issues (type, choice, required, constraint, unknown keys), the same in the browser and on the server.

import { coerce, exprValue, isEmptyAnswer, maxRepeatInstances } from './coerce';
import { type Evaluation, type Frame, isObject, own } from './evaluation';
import { evaluate, toBoolean } from './expr';
import type { AnswerIssue, Answers, FormNode, Question, Repeat } from './types';

/** Unknown keys reported at most (per submission). */
const maxUnknownReported = 50;

export function walkForm(e: Evaluation, input: unknown): { answers: Answers; issues: AnswerIssue[] } {
  const issues: AnswerIssue[] = [];
  let unknownCount = 0;
  if (!isObject(input) && input !== undefined && input !== null) issues.push({ path: '', code: 'type' });

  const unknownKeys = (frame: Frame) => {
    for (const key of Object.keys(frame.raw)) {
      const node = e.idx.nodes.get(key);
      const known = frame.repeat
        ? node?.kind === 'question' && e.idx.repeatOf.get(key) === frame.repeat
        : node !== undefined && node.kind !== 'group' && !e.idx.repeatOf.has(key);
      if (known) continue;
      // A hostile submission with thousands of keys gets a bounded list.
      if (++unknownCount > maxUnknownReported) return;
      issues.push({ path: `${frame.prefix}${key.slice(0, 100)}`, code: 'unknown_question' });
    }
  };

  const check = (q: Question, frame: Frame, out: Answers) => {
    const path = `${frame.prefix}${q.name}`;
    const v = e.value(q, frame);
    const passive = q.type === 'note' || q.type === 'calculate' || !!q.calculation || q.readOnly;
    const meta = q.type === 'start' || q.type === 'end' || q.type === 'today';
    let reported = false;
    if (!passive && !meta) {
      const c = coerce(q, own(frame.raw, q.name));
      if (c.problem) {
        issues.push({ path, code: c.problem });
        reported = true;
      } else if (c.value !== null && v === null) {
        issues.push({ path, code: 'choice' });
        reported = true;
      }
    }
    if (!reported && !meta && isEmptyAnswer(v) && e.mustAnswer(q, frame)) {
      issues.push({ path, code: 'required', ...(q.requiredMessage ? { message: q.requiredMessage } : {}) });
    }
    if (!reported && q.constraint && !isEmptyAnswer(v)) {
      const ok = toBoolean(
        evaluate(
          q.constraint,
          e.env(frame, () => exprValue(v)),
        ),
      );
      if (!ok) {
        issues.push({ path, code: 'constraint', ...(q.constraintMessage ? { message: q.constraintMessage } : {}) });
      }
    }
    if (v !== null) out[q.name] = v;
  };

  const walkRepeat = (rep: Repeat, out: Answers) => {
    const raw = own(e.top.raw, rep.name);
    if (raw !== undefined && raw !== null && !Array.isArray(raw)) issues.push({ path: rep.name, code: 'type' });
    if (Array.isArray(raw) && raw.length > maxRepeatInstances) issues.push({ path: rep.name, code: 'too_long' });
    const frames = e.instances(rep);
    const want = e.fixedCount(rep);
    if (want !== null && frames.length !== want) issues.push({ path: rep.name, code: 'constraint' });
    const list: Answers[] = [];
    for (const frame of frames) {
      const item = Array.isArray(raw) ? raw[frame.index] : undefined;
      if (!isObject(item)) issues.push({ path: `${rep.name}[${frame.index}]`, code: 'type' });
      const o: Answers = {};
      walk(rep.children, frame, o);
      unknownKeys(frame);
      list.push(o);
    }
    if (list.length) out[rep.name] = list;
  };

  const walk = (nodes: FormNode[], frame: Frame, out: Answers) => {
    for (const node of nodes) {
      if (!e.relevant(node, frame)) continue;
      if (node.kind === 'group') walk(node.children, frame, out);
      else if (node.kind === 'repeat') walkRepeat(node, out);
      else check(node, frame, out);
    }
  };

  const answers: Answers = {};
  walk(e.form.children, e.top, answers);
  unknownKeys(e.top);
  return { answers, issues };
}
