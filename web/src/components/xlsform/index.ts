// A form imported from XLSForm, rendered for people: to fill in (XlsFormView) and to read (AnswersSummary).

export { AnswersSummary } from './Summary';
export { formImportProblems, initialAnswers, issuesFromError } from './state';
export { useAnswerIssues } from './useAnswerIssues';
export type { XlsFormViewProps } from './View';
export { XlsFormView } from './View';
