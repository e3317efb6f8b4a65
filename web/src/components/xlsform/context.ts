import { createContext, use } from 'react';
import type { FormState } from '../../../../src/shared/xlsform';
import type {
  AnswerIssue,
  AnswerValue,
  Choice,
  FormDef,
  Question,
  Repeat,
  Texts,
} from '../../../../src/shared/xlsform/types';

/** What every part of a rendered form needs: the form, its live state, the language and how to change an answer. */
export interface XlsFormContext {
  form: FormDef;
  /** The form's logic over the current answers (relevance, calculations, choices, live issues). */
  state: FormState;
  /** The person's text for a label, hint or message ('' when the form has none); with a path, `${name}` in it
   * shows the answer given there (as XLSForm labels may ask: "¿Qué edad tenía ${child} …?"). */
  text(texts: Texts | undefined, path?: string): string;
  /** A node's label, falling back to its name only when the form gives it no label at all. */
  label(node: { name: string; label: Texts }, path?: string): string;
  /** A choice's label (never its code when the form labels it). */
  choiceLabel(choice: Choice): string;
  /** Whether a question must be answered, at this path. */
  required(q: Question, path: string): boolean;
  /** The number of instances a repeat's repeat_count fixes at this path; null when the person adds them. */
  repeatCount(r: Repeat, path: string): number | null;
  /** The words of an issue: the form's own message, or Minka's for its code. */
  message(issue: AnswerIssue): string;
  /** The message to show at a field, if any. */
  issueAt(path: string): string | undefined;
  /** The answer as typed (the live state may hold it normalised). */
  answer(path: string): AnswerValue;
  set(path: string, value: AnswerValue): void;
  readOnly: boolean;
  idPrefix: string;
  today: string;
}

export const XlsFormCtx = createContext<XlsFormContext | null>(null);

export function useXlsForm(): XlsFormContext {
  const ctx = use(XlsFormCtx);
  if (!ctx) throw new Error('xlsform parts render inside XlsFormView');
  return ctx;
}
