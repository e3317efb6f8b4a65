import { AppError } from '../../platform/http/errors';
import { t } from '../../platform/i18n/index';
import { textFor } from '../../shared/xlsform/index';
import type { AnswerIssue, FormDef, FormIssue } from '../../shared/xlsform/types';

// The error shapes of forms, shared with the studies module so both answer alike: an import problem names the
// sheet, row and column of the spreadsheet; an answer problem names the question (`answers.<path>`).

/** One import problem in words, in the reader's language: where it is, then what is wrong. */
export function formIssueMessage(lang: string, i: FormIssue): string {
  // A row with a name or label but no type at all says so, instead of naming an empty type.
  const key = i.code === 'unknown_type' && !i.detail ? 'missing_type' : i.code;
  const problem = t(lang, `formIssues.${key}`, { detail: i.detail ?? '' });
  const where =
    i.row === 0
      ? t(lang, 'formIssues.whereSheet', { sheet: i.sheet })
      : i.column
        ? t(lang, 'formIssues.where', { sheet: i.sheet, row: i.row, column: i.column })
        : t(lang, 'formIssues.whereRow', { sheet: i.sheet, row: i.row });
  return `${where}: ${problem}`;
}

/** Import problems as the error body's `fields` (`survey.12.relevant`, with the code and the message). */
export const formIssueFields = (lang: string, issues: readonly FormIssue[]) =>
  issues.map((i) => ({ path: `${i.sheet}.${i.row}.${i.column}`, problem: i.code, message: formIssueMessage(lang, i) }));

/** The 422 a form with problems answers: nothing is stored; every problem is listed with where it is. */
export const formInvalidError = (issues: readonly FormIssue[], lang = 'es') =>
  new AppError(
    422,
    'form_invalid',
    { count: issues.length },
    { formIssues: issues, fields: formIssueFields(lang, issues) },
  );

/** Answer problems as the error body's `fields`: the form's own message when it has one, else Minka's. */
export const answerIssueFields = (lang: string, issues: readonly AnswerIssue[], form?: FormDef) =>
  issues.map((i) => ({
    path: `answers.${i.path}`,
    problem: i.code,
    message: (i.message && form ? textFor(i.message, form, lang) : '') || t(lang, `errors.answer_${i.code}`),
  }));

/** The 422 invalid answers get: nothing is stored; each problem is at its question. */
export const answerIssueError = (issues: readonly AnswerIssue[], lang = 'es', form?: FormDef) =>
  new AppError(
    422,
    'answers_invalid',
    { count: issues.length },
    { issues, fields: answerIssueFields(lang, issues, form) },
  );
