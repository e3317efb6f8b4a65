// formState / validateAnswers: the answers of a form evaluated the same way in the browser (on every change) and on
// the server (before storing). Relevance, calculations and choice filters are computed lazily and memoised per path;
// the walk in form order then builds the cleaned answers and the issues.

import { Evaluation } from './evaluation';
import type { AnswerIssue, Answers, AnswerValue, Choice, EvalContext, FormDef, Question } from './types';
import { walkForm } from './walk';

export interface FormState {
  /** Path 'name' or 'repeatName[0].name' (0-based); groups and repeats by their name too. */
  relevant(path: string): boolean;
  /** The value after calculations (null when not relevant or not answered). */
  value(path: string): AnswerValue;
  /** The answers with calculations and metadata filled in and the values of non-relevant questions removed. */
  answers: Answers;
  /** The choices of a select in the context of a path (choice_filter applied; 'other' added for or_other). */
  choices(question: Question, path: string): Choice[];
  /** Exactly what validateAnswers reports. */
  issues: AnswerIssue[];
  /** Whether the question at a path must be answered (relevant, and its `required` true there). */
  required(path: string): boolean;
  /** The number of instances a repeat's repeat_count fixes (0…200), or null when the person adds them. */
  repeatCount(name: string): number | null;
}

function view(e: Evaluation, answers: Answers, issues: AnswerIssue[]): FormState {
  return {
    answers,
    issues,
    relevant: (path) => {
      const { frame, name } = e.frameOf(path);
      const node = e.idx.nodes.get(name);
      return node ? e.relevant(node, frame) : false;
    },
    value: (path) => {
      const { frame, name } = e.frameOf(path);
      const node = e.idx.nodes.get(name);
      if (node?.kind === 'question') return e.value(node, e.frameFor(node, frame));
      if (node?.kind === 'repeat') return (answers[node.name] as Answers[] | undefined) ?? null;
      return null;
    },
    required: (path) => {
      const { frame, name } = e.frameOf(path);
      const node = e.idx.nodes.get(name);
      return node?.kind === 'question' ? e.mustAnswer(node, e.frameFor(node, frame)) : false;
    },
    repeatCount: (path) => {
      const node = e.idx.nodes.get(e.frameOf(path).name);
      return node?.kind === 'repeat' ? e.fixedCount(node) : null;
    },
    choices: (question, path) => {
      const { frame } = e.frameOf(path);
      return e.choices(question, e.frameFor(question, frame));
    },
  };
}

export function formState(form: FormDef, answers: Answers, ctx: EvalContext): FormState {
  const e = new Evaluation(form, answers, ctx);
  const r = walkForm(e, answers);
  return view(e, r.answers, r.issues);
}

/** Validates untrusted answers: cleaned answers (see FormState.answers) and the issues found. */
export function validateAnswers(
  form: FormDef,
  answers: unknown,
  ctx: EvalContext,
): { ok: boolean; answers: Answers; issues: AnswerIssue[] } {
  const r = walkForm(new Evaluation(form, answers, ctx), answers);
  return { ok: r.issues.length === 0, answers: r.answers, issues: r.issues };
}
