// The form model an XLSForm imports into: pure data, the same on the server (validation, storage, exports) and in
// the browser (rendering, the same validation before sending). Nothing here reads a file: the server turns an XLSX
// into sheet rows (exceljs) and `parseXlsform` turns rows into a FormDef or into issues naming sheet, row, column.

/** Texts per language, keyed by the language code of the XLSForm column (`label::Kichwa (qu)` → 'qu'); a column
 * without a language (`label`) is keyed 'default'. */
export type Texts = Record<string, string>;

/** The question types Minka supports (XLSForm names). `start`/`end`/`today` are metadata the app fills in. */
export const questionTypes = [
  'text',
  'integer',
  'decimal',
  'select_one',
  'select_multiple',
  'date',
  'time',
  'geopoint',
  'note',
  'acknowledge',
  'calculate',
  'start',
  'end',
  'today',
] as const;
export type QuestionType = (typeof questionTypes)[number];

interface NodeBase {
  name: string;
  label: Texts;
  hint: Texts;
  /** XPath-subset expression source (validated at import); absent = always relevant. */
  relevant?: string;
  appearance?: string;
  /** Row of the survey sheet it came from (1-based, as a spreadsheet shows it). */
  row: number;
}

export interface Question extends NodeBase {
  kind: 'question';
  type: QuestionType;
  /** The choices list of a select (choices sheet `list_name`). */
  listName?: string;
  /** `select_one x or_other`: a choice 'other' and a text question `<name>_other` relevant when it is chosen. */
  orOther?: boolean;
  /** Expression source; 'yes'/'true' are stored as 'true()'. Absent = not required. */
  required?: string;
  requiredMessage?: Texts;
  constraint?: string;
  constraintMessage?: Texts;
  calculation?: string;
  choiceFilter?: string;
  /** Default value as written in the form (a literal, or 'today()' style expression for dates). */
  default?: string;
  readOnly: boolean;
  /** Minka column `aggregate` = yes: the answer is an aggregatable fact stored in plain (counted without
   * decryption); every other answer is personal data and stored encrypted. Selects only. */
  aggregate: boolean;
  /** geopoint: decimal places kept (2 ≈ 1 km, the default; column `precision` may ask for more, at most 6). */
  precision?: number;
}

export interface Group extends NodeBase {
  kind: 'group';
  children: FormNode[];
}

export interface Repeat extends NodeBase {
  kind: 'repeat';
  /** Expression source for a fixed number of instances; absent = the person adds them. */
  repeatCount?: string;
  children: FormNode[];
}

export type FormNode = Question | Group | Repeat;

export interface Choice {
  name: string;
  label: Texts;
  /** Extra columns of the choices sheet (used by choice_filter expressions, e.g. `canton`). */
  extra: Record<string, string>;
}

export interface FormLanguage {
  /** The code used as key of Texts ('es', 'qu', 'en', or 'default'). */
  code: string;
  /** As written in the column header ('Español', 'Kichwa'), or the code when none was written. */
  name: string;
}

export interface FormDef {
  formatVersion: 1;
  /** settings `form_id` (or the file name without extension). */
  formId: string;
  /** settings `form_title`, per language (a plain title is keyed 'default'). */
  title: Texts;
  /** settings `version` (free text; Minka also numbers each import of a form). */
  version: string;
  /** settings `default_language`, as a code present in `languages`. */
  defaultLanguage: string;
  languages: FormLanguage[];
  children: FormNode[];
  choices: Record<string, Choice[]>;
}

/**
 * Answers: by question name. Groups do not nest answers (names are unique in a form); a repeat holds a list of
 * instances, each its own Answers. Values: text/date ('YYYY-MM-DD')/time ('HH:MM')/select_one/acknowledge ('OK')
 * as strings, integer/decimal as numbers, select_multiple as a list of choice names, geopoint as 'lat lon'.
 * A missing key or null = not answered. Calculations and metadata are filled by `validateAnswers`.
 */
export type AnswerValue = string | number | string[] | Answers[] | null;
export interface Answers {
  [name: string]: AnswerValue;
}

/** A problem found at import, naming where it is so a person can fix the spreadsheet. */
export interface FormIssue {
  sheet: 'survey' | 'choices' | 'settings';
  /** 1-based spreadsheet row; 0 = the sheet as a whole (e.g. missing). */
  row: number;
  /** Column header as written (e.g. 'relevant', 'label::Kichwa (qu)'); '' = the row as a whole. */
  column: string;
  code:
    | 'missing_sheet'
    | 'missing_column'
    | 'missing_name'
    | 'invalid_name'
    | 'duplicate_name'
    | 'unknown_type'
    | 'unknown_list'
    | 'empty_list'
    | 'unclosed_group'
    | 'unmatched_end'
    | 'syntax'
    | 'unsupported_function'
    | 'unknown_reference'
    | 'invalid_value';
  /** The offending text (function name, type, reference) for the message. */
  detail?: string;
}

/** A problem with one answer: `path` is the question name, or `repeat[index].name` inside a repeat (0-based). */
export interface AnswerIssue {
  path: string;
  code: 'required' | 'constraint' | 'type' | 'choice' | 'unknown_question' | 'too_long' | 'not_relevant';
  /** The form's own constraint/required message, per language, when it has one. */
  message?: Texts;
}

/** The context an evaluation needs that is not in the answers. */
export interface EvalContext {
  /** Today's date 'YYYY-MM-DD' (the server's, or the device's when collected offline). */
  today: string;
  /** Now as ISO text, for `start`/`end` metadata. */
  now?: string;
}
