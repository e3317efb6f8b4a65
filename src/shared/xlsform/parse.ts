// parseXlsform: sheet rows → a FormDef, or the list of problems naming sheet, row and column so a researcher can fix
// the spreadsheet. Every expression is checked against the supported subset and the names of the form.

import { compileExpression } from './expr';
import { namePattern } from './expr-parse';
import { otherQuestionLabel } from './other';
import { parseChoices, parseSettings } from './parse-choices';
import { findCycles } from './parse-cycles';
import { parseType } from './parse-type';
import { LanguageSet, parseHeader, RowCells, type SheetRow, type Sheets, textColumns } from './sheets';
import type { FormDef, FormIssue, FormNode, Group, Question, Repeat } from './types';

/** The most rows a form may have (the HTCDS form has 34 questions and 331 choices). */
export const maxSurveyRows = 3000;
export const maxChoiceRows = 30000;
/** Problems listed at most (the first ones, in sheet and row order). */
export const maxIssues = 200;

const reservedNames = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);
const yes = /^(yes|true|true\(\))$/i;
const no = /^(no|false|false\(\))$/i;

interface PendingExpr {
  row: number;
  column: string;
  src: string;
  filter: boolean;
}

type Container = (Group | Repeat) & { beginRow: number };

export function parseXlsform(
  sheets: Sheets,
  fallbackId: string,
): { ok: true; form: FormDef } | { ok: false; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const languages = new LanguageSet();
  const list = (rows: unknown): SheetRow[] | undefined =>
    Array.isArray(rows)
      ? rows.filter((r): r is SheetRow => typeof r?.cells === 'object' && r.cells !== null && !Array.isArray(r.cells))
      : undefined;
  const survey = list(sheets?.survey);
  sheets = { survey, choices: list(sheets?.choices), settings: list(sheets?.settings) };
  if (!survey) return { ok: false, issues: [{ sheet: 'survey', row: 0, column: '', code: 'missing_sheet' }] };
  for (const [sheet, rows, max] of [
    ['survey', survey, maxSurveyRows],
    ['choices', sheets.choices, maxChoiceRows],
    ['settings', sheets.settings, maxSurveyRows],
  ] as const) {
    if (rows && rows.length > max) {
      return { ok: false, issues: [{ sheet, row: 0, column: '', code: 'invalid_value', detail: 'too_many_rows' }] };
    }
  }
  if (!survey.some((r) => Object.keys(r.cells).some((h) => parseHeader(h).base === 'type'))) {
    return { ok: false, issues: [{ sheet: 'survey', row: 1, column: 'type', code: 'missing_column' }] };
  }

  const children: FormNode[] = [];
  const stack: Container[] = [];
  const names = new Map<string, number>();
  const pending: PendingExpr[] = [];
  const selects: { q: Question; row: number; column: string }[] = [];
  const others: Question[] = [];
  /** `${name}` written in labels, hints and messages (shown with the answer by the renderer). */
  const textRefs: { row: number; column: string; name: string }[] = [];

  const claim = (name: string, row: number, column: string): boolean => {
    if (names.has(name)) {
      issues.push({ sheet: 'survey', row, column, code: 'duplicate_name', detail: name });
      return false;
    }
    names.set(name, row);
    return true;
  };
  const place = (node: FormNode) => (stack.length ? stack[stack.length - 1]!.children : children).push(node);

  for (const row of survey) {
    const cells = new RowCells(row, languages);
    if (cells.isEmpty) continue;
    const typeText = cells.get('type');
    const typeCol = cells.header('type');
    for (const [header, value] of cells.all) {
      if (!textColumns.has(parseHeader(header).base)) continue;
      for (const m of value.matchAll(/\$\{([^}]*)\}/g))
        textRefs.push({ row: row.row, column: header, name: m[1]!.trim() });
    }
    if (!typeText) {
      // A row with neither type, name nor label is a comment (as pyxform reads it).
      if (!cells.get('name') && !cells.hasText('label')) continue;
      issues.push({ sheet: 'survey', row: row.row, column: typeCol, code: 'unknown_type', detail: '' });
      continue;
    }
    const spec = parseType(typeText);
    if (spec.kind === 'unknown' || spec.kind === 'nolist') {
      issues.push({
        sheet: 'survey',
        row: row.row,
        column: typeCol,
        code: spec.kind === 'nolist' ? 'unknown_list' : 'unknown_type',
        detail: typeText,
      });
      continue;
    }
    if (spec.kind === 'end') {
      const top = stack[stack.length - 1];
      if (!top || top.kind !== spec.node) {
        issues.push({ sheet: 'survey', row: row.row, column: typeCol, code: 'unmatched_end', detail: typeText });
        continue;
      }
      stack.pop();
      const { beginRow: _, ...node } = top;
      place(node as FormNode);
      continue;
    }

    const name = cells.get('name');
    const nameCol = cells.header('name');
    if (!name) issues.push({ sheet: 'survey', row: row.row, column: nameCol, code: 'missing_name' });
    else if (!namePattern.test(name) || reservedNames.has(name))
      issues.push({ sheet: 'survey', row: row.row, column: nameCol, code: 'invalid_name', detail: name });
    else claim(name, row.row, nameCol);

    const expr = (base: string, filter = false): string | undefined => {
      const src = cells.get(base);
      if (!src) return undefined;
      pending.push({ row: row.row, column: cells.header(base), src, filter });
      return src;
    };
    const flag = (base: string): boolean => {
      const v = cells.get(base);
      if (!v || no.test(v)) return false;
      if (yes.test(v)) return true;
      issues.push({ sheet: 'survey', row: row.row, column: cells.header(base), code: 'invalid_value', detail: v });
      return false;
    };
    const base = { name, label: cells.text('label'), hint: cells.text('hint'), row: row.row };
    const relevant = expr('relevant');
    const appearance = cells.get('appearance');
    const common = { ...base, ...(relevant ? { relevant } : {}), ...(appearance ? { appearance } : {}) };

    if (spec.kind === 'begin') {
      if (spec.node === 'repeat' && stack.some((s) => s.kind === 'repeat')) {
        issues.push({ sheet: 'survey', row: row.row, column: typeCol, code: 'invalid_value', detail: typeText });
      }
      const repeatCount = spec.node === 'repeat' ? expr('repeat_count') : undefined;
      const container =
        spec.node === 'group'
          ? { kind: 'group' as const, ...common, children: [] }
          : { kind: 'repeat' as const, ...common, ...(repeatCount ? { repeatCount } : {}), children: [] };
      stack.push({ ...container, beginRow: row.row });
      continue;
    }

    const q: Question = { kind: 'question', type: spec.type, ...common, readOnly: flag('read_only'), aggregate: false };
    const aggregate = flag('aggregate');
    if (aggregate) {
      if (spec.type === 'select_one' || spec.type === 'select_multiple') q.aggregate = true;
      else {
        const column = cells.header('aggregate');
        issues.push({ sheet: 'survey', row: row.row, column, code: 'invalid_value', detail: cells.get('aggregate') });
      }
    }
    if (spec.listName) {
      q.listName = spec.listName;
      selects.push({ q, row: row.row, column: typeCol });
      if (spec.orOther) q.orOther = true;
    }
    const required = cells.get('required');
    if (required && !no.test(required)) q.required = yes.test(required) ? 'true()' : expr('required');
    if (cells.hasText('required_message')) q.requiredMessage = cells.text('required_message');
    const constraint = expr('constraint');
    if (constraint) q.constraint = constraint;
    if (cells.hasText('constraint_message')) q.constraintMessage = cells.text('constraint_message');
    const calculation = expr('calculation');
    if (calculation) q.calculation = calculation;
    else if (spec.type === 'calculate') {
      issues.push({ sheet: 'survey', row: row.row, column: 'calculation', code: 'missing_column' });
    }
    if (spec.listName) {
      const choiceFilter = expr('choice_filter', true);
      if (choiceFilter) q.choiceFilter = choiceFilter;
    }
    const def = cells.get('default');
    if (def) q.default = def;
    if (spec.type === 'geopoint') {
      const p = cells.get('precision');
      q.precision = 2;
      if (p) {
        if (/^[0-6]$/.test(p)) q.precision = Number(p);
        else
          issues.push({
            sheet: 'survey',
            row: row.row,
            column: cells.header('precision'),
            code: 'invalid_value',
            detail: p,
          });
      }
    }
    place(q);
    if (q.orOther && name) {
      const other: Question = {
        kind: 'question',
        type: 'text',
        name: `${name}_other`,
        label: {},
        hint: {},
        row: row.row,
        relevant: `selected(\${${name}}, 'other')`,
        readOnly: false,
        aggregate: false,
      };
      if (claim(other.name, row.row, nameCol)) {
        place(other);
        others.push(other);
      }
    }
  }
  for (const open of stack.reverse()) {
    issues.push({ sheet: 'survey', row: open.beginRow, column: 'type', code: 'unclosed_group', detail: open.name });
  }

  const choices = parseChoices(sheets.choices, languages, issues);
  for (const o of others) o.label = otherQuestionLabel(languages.list);
  for (const s of selects) {
    const list = s.q.listName!;
    if (!Object.hasOwn(choices.lists, list)) {
      const code = choices.seen.has(list) ? 'empty_list' : 'unknown_list';
      issues.push({ sheet: 'survey', row: s.row, column: s.column, code, detail: list });
    }
  }
  const known = new Set(names.keys());
  for (const t of textRefs) {
    if (!known.has(t.name)) {
      issues.push({ sheet: 'survey', row: t.row, column: t.column, code: 'unknown_reference', detail: t.name });
    }
  }
  for (const p of pending) {
    const r = compileExpression(p.src, known, p.filter ? { columns: choices.columns } : {});
    if (!r.ok) issues.push({ sheet: 'survey', row: p.row, column: p.column, code: r.code, detail: r.detail });
  }

  const settings = parseSettings(sheets.settings, new LanguageSet());
  const formId = settings.formId ?? fallbackId;
  if (settings.formId && !namePattern.test(settings.formId)) {
    issues.push({
      sheet: 'settings',
      row: settings.row,
      column: settings.formIdHeader,
      code: 'invalid_value',
      detail: settings.formId,
    });
  }
  if (children.length === 0 && issues.length === 0) {
    issues.push({ sheet: 'survey', row: 0, column: '', code: 'invalid_value', detail: 'empty' });
  }
  if (issues.length) {
    const sorted = issues.sort((a, b) => sheetOrder(a) - sheetOrder(b) || a.row - b.row);
    return { ok: false, issues: sorted.slice(0, maxIssues) };
  }

  const langs = languages.list;
  const defaultLanguage =
    languages.resolve(settings.defaultLanguage) ??
    (langs.some((l) => l.code === 'default') ? 'default' : (langs[0]?.code ?? 'default'));
  const title = Object.keys(settings.title).length ? settings.title : { default: formId };
  const form: FormDef = {
    formatVersion: 1,
    formId,
    title,
    version: settings.version,
    defaultLanguage,
    languages: langs,
    children,
    choices: { ...choices.lists },
  };
  const cycles = findCycles(form);
  if (cycles.length) return { ok: false, issues: cycles };
  return { ok: true, form };
}

const sheetOrder = (i: FormIssue) => (i.sheet === 'survey' ? 0 : i.sheet === 'choices' ? 1 : 2);
