import type { AnswerIssue, Answers, FormDef } from '../../../../../src/shared/xlsform/types';
import { initialAnswers } from '../../../components/xlsform';
import { localToday } from '../../../format';

/** One interview on the page: its Idempotency-Key (made on the device, kept through retries), consent, place, answers. */
export interface Interview {
  key: string;
  /** When it was first saved (kept through retries and corrections). */
  collectedAt?: string;
  agreed: boolean;
  division: string | null;
  code: string;
  /** null until the form is known. */
  answers: Answers | null;
  issues: AnswerIssue[];
  errors: { division?: string; respondentCode?: string };
  /** A message for the whole interview (the server's refusal). */
  alert: string | null;
  /** A kept interview the server refused, opened to be corrected. */
  correcting: boolean;
}

export function newInterview(form?: FormDef): Interview {
  return {
    key: crypto.randomUUID(),
    agreed: false,
    division: null,
    code: '',
    answers: form ? initialAnswers(form, localToday()) : null,
    issues: [],
    errors: {},
    alert: null,
    correcting: false,
  };
}
