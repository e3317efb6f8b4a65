// The XLSForm engine shared by the server and the browser: pure code, no node: imports, no clock (only EvalContext).

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
export { parseXlsform } from './parse';
export { maxRegexLength, unsafeRegex } from './regex';
export type { SheetRow, Sheets } from './sheets';
export { parseLanguage } from './sheets';
export { type FormState, formState, validateAnswers } from './state';
export { languageMatches, textFor } from './text';
export { findNode, questions } from './tree';
export * from './types';
export { formToSheets, textHeader } from './write';
