import { useCallback, useState } from 'react';
import { validateAnswers } from '../../../../src/shared/xlsform';
import type { AnswerIssue, Answers, FormDef } from '../../../../src/shared/xlsform/types';
import { issuesFromError } from './state';

/**
 * The issues to pass to XlsFormView around a save: `check` validates in the browser with the server's own rules
 * (and gives the cleaned answers to send when they pass), `fromError` takes those the server answered with.
 *
 *   const answerIssues = useAnswerIssues(form, today);
 *   const r = answerIssues.check(value); if (r.ok) save.mutate(r.answers);
 *   save's onError: (e) => answerIssues.fromError(e)   // <XlsFormView issues={answerIssues.issues} … />
 */
export function useAnswerIssues(form: FormDef | undefined, today: string) {
  const [issues, setIssues] = useState<AnswerIssue[]>([]);
  const check = useCallback(
    (answers: Answers): { ok: boolean; answers: Answers; issues: AnswerIssue[] } => {
      if (!form) return { ok: false, answers, issues: [] };
      const result = validateAnswers(form, answers, { today, now: new Date().toISOString() });
      setIssues(result.issues);
      return result;
    },
    [form, today],
  );
  /** Takes the answer issues of a failed save; false when the error had none (show its message instead). */
  const fromError = useCallback((error: unknown) => {
    const found = issuesFromError(error);
    setIssues(found);
    return found.length > 0;
  }, []);
  const clear = useCallback(() => setIssues([]), []);
  return { issues, check, fromError, clear };
}
