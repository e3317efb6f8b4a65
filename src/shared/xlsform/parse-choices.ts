// The `choices` and `settings` sheets of an XLSForm.

import { type LanguageSet, RowCells, type SheetRow } from './sheets';
import type { Choice, FormIssue, Texts } from './types';

export interface ParsedChoices {
  lists: Record<string, Choice[]>;
  /** Every list_name seen, even when its rows had problems. */
  seen: Set<string>;
  /** Headers (as written) usable as bare names in choice_filter expressions. */
  columns: Set<string>;
}

const choiceName = /^[^\s]+$/;

export function parseChoices(rows: SheetRow[] | undefined, languages: LanguageSet, issues: FormIssue[]): ParsedChoices {
  const lists: Record<string, Choice[]> = Object.create(null);
  const seen = new Set<string>();
  const columns = new Set<string>(['name']);
  if (!rows) return { lists, seen, columns };
  let anyList = false;
  for (const row of rows) {
    const cells = new RowCells(row, languages);
    if (cells.isEmpty) continue;
    const list = cells.get('list_name');
    const name = cells.get('name');
    if (!list) {
      if (name || cells.hasText('label')) {
        issues.push({ sheet: 'choices', row: row.row, column: 'list_name', code: 'missing_name' });
      }
      continue;
    }
    anyList = true;
    seen.add(list);
    if (!name) {
      issues.push({ sheet: 'choices', row: row.row, column: cells.header('name'), code: 'missing_name' });
      continue;
    }
    if (!choiceName.test(name)) {
      issues.push({ sheet: 'choices', row: row.row, column: cells.header('name'), code: 'invalid_name', detail: name });
      continue;
    }
    const choices = Object.hasOwn(lists, list) ? lists[list]! : [];
    lists[list] = choices;
    if (choices.some((c) => c.name === name)) {
      issues.push({
        sheet: 'choices',
        row: row.row,
        column: cells.header('name'),
        code: 'duplicate_name',
        detail: name,
      });
      continue;
    }
    const extra: Record<string, string> = {};
    for (const [header, value] of cells.all) {
      const base = header.split('::')[0]!.trim().toLowerCase();
      if (base === 'list_name' || base === 'list name' || base === 'name' || base === 'label') continue;
      if (header === '__proto__' || Object.hasOwn(extra, header)) continue;
      extra[header] = value;
      columns.add(header);
    }
    choices.push({ name, label: cells.text('label'), extra });
  }
  if (!anyList && rows.some((r) => Object.keys(r.cells).length > 0)) {
    issues.push({ sheet: 'choices', row: 1, column: 'list_name', code: 'missing_column' });
  }
  return { lists, seen, columns };
}

export interface ParsedSettings {
  formId?: string;
  title: Texts;
  version: string;
  defaultLanguage: string;
  row: number;
  formIdHeader: string;
}

export function parseSettings(rows: SheetRow[] | undefined, languages: LanguageSet): ParsedSettings {
  const first = rows?.find((r) => Object.keys(r.cells).length > 0);
  if (!first) return { title: {}, version: '', defaultLanguage: '', row: 0, formIdHeader: 'form_id' };
  const cells = new RowCells(first, languages);
  return {
    formId: cells.get('form_id') || undefined,
    title: cells.text('form_title'),
    version: cells.get('version'),
    defaultLanguage: cells.get('default_language'),
    row: first.row,
    formIdHeader: cells.header('form_id'),
  };
}
