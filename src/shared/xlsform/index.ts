// The XLSForm engine shared by the server and the browser: pure code, no node: imports, no clock (only EvalContext).
//
//   parseXlsform(sheets, fallbackId)   sheet rows → FormDef, or issues naming sheet, row and column
//   compileExpression(src, known?)     the XPath subset check used by the import (syntax / unsupported / references)
//   validateAnswers(form, answers, ctx)  untrusted answers → cleaned answers and issues (the server, before storing)
//   formState(form, answers, ctx)      the same evaluation for the renderer: relevant(), value(), choices(), …
//   textFor(texts, form, uiLanguage)   a label in the interface language
//   formToSheets(form)                 a stored form written back as XLSForm sheet rows
// The server reads and writes workbooks in src/modules/forms/xlsx-read.ts and xlsx-write.ts.

export { coerce, maxRepeatInstances, maxTextLength, validDate } from './coerce';
export {
  type CompileOptions,
  compileExpression,
  type ExprEnv,
  type ExprValue,
  evaluate,
  evaluateBoolean,
  expressionRefs,
  toBoolean,
  toNumber,
  toText,
} from './expr';
export { supportedFunctions } from './expr-parse';
export { otherChoiceFor } from './other';
export { maxChoiceRows, maxIssues, maxSurveyRows, parseXlsform } from './parse';
export { maxRegexLength, unsafeRegex } from './regex';
export type { SheetRow, Sheets } from './sheets';
export { parseLanguage } from './sheets';
export { type FormState, formState, validateAnswers } from './state';
export { languageMatches, textFor } from './text';
export { findNode, questions } from './tree';
export * from './types';
export { formToSheets, textHeader } from './write';
