// Sheet rows as the server reads them from an XLSX (or a test writes them by hand), and the reading of XLSForm
// column headers: `label::Kichwa (qu)` is the column `label` in the language coded 'qu' named 'Kichwa'.

import type { FormLanguage, Texts } from './types';

/** One spreadsheet row: header as written → trimmed cell text (empty cells omitted); row = 1-based row number. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

export interface Sheets {
  survey?: SheetRow[];
  choices?: SheetRow[];
  settings?: SheetRow[];
}

export interface Header {
  /** The column, lower-cased (aliases resolved): 'label', 'constraint_message', 'type' … */
  base: string;
  /** The language of a `column::language` header, else null. */
  lang: FormLanguage | null;
}

const aliases: Record<string, string> = {
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  readonly: 'read_only',
  'jr:count': 'repeat_count',
  'list name': 'list_name',
  constraint_msg: 'constraint_message',
};

/** Columns whose text is written per language. */
export const textColumns: ReadonlySet<string> = new Set([
  'label',
  'hint',
  'constraint_message',
  'required_message',
  'form_title',
]);

/** `Kichwa (qu)` → {code 'qu', name 'Kichwa'}; `es` → {code 'es', name 'es'}; `Español` → {code 'español', …}. */
export function parseLanguage(text: string): FormLanguage {
  const s = text.trim();
  const m = /^(.*?)\s*\(\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\s*\)$/.exec(s);
  if (m) return { code: m[2]!, name: m[1]!.trim() || m[2]! };
  if (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(s)) return { code: s, name: s };
  return { code: s.toLowerCase(), name: s };
}

const headerCache = new Map<string, Header>();

export function parseHeader(header: string): Header {
  const hit = headerCache.get(header);
  if (hit) return hit;
  const at = header.indexOf('::');
  const rawBase = (at < 0 ? header : header.slice(0, at)).trim().toLowerCase();
  const base = aliases[rawBase] ?? rawBase;
  const langText = at < 0 ? '' : header.slice(at + 2).trim();
  const parsed: Header = { base, lang: langText ? parseLanguage(langText) : null };
  if (headerCache.size > 2000) headerCache.clear();
  headerCache.set(header, parsed);
  return parsed;
}

/** A row's cells read by column: the plain (language-less) value of a column and its texts per language. */
export class RowCells {
  private readonly plain = new Map<string, { header: string; value: string }>();
  private readonly texts = new Map<string, Texts>();
  /** Headers (as written) of columns not read by the parser, with their values. */
  readonly all: [string, string][] = [];

  constructor(
    readonly row: SheetRow,
    languages: LanguageSet,
  ) {
    const raw: Record<string, unknown> = typeof row?.cells === 'object' && row.cells !== null ? row.cells : {};
    for (const header of Object.keys(raw)) {
      const cell = raw[header];
      const value = (typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : '').trim();
      if (!value) continue;
      const h = parseHeader(header);
      this.all.push([header, value]);
      if (textColumns.has(h.base)) {
        const lang = h.lang ?? { code: 'default', name: 'default' };
        languages.add(lang);
        let t = this.texts.get(h.base);
        if (!t) {
          t = {};
          this.texts.set(h.base, t);
        }
        if (!Object.hasOwn(t, lang.code)) t[lang.code] = value;
      }
      if (!h.lang && !this.plain.has(h.base)) this.plain.set(h.base, { header, value });
    }
  }

  get(base: string): string {
    return this.plain.get(base)?.value ?? '';
  }

  /** The header as written for a column (for issues), or the column name itself. */
  header(base: string): string {
    return this.plain.get(base)?.header ?? base;
  }

  text(base: string): Texts {
    return { ...(this.texts.get(base) ?? {}) };
  }

  hasText(base: string): boolean {
    return this.texts.has(base);
  }

  get isEmpty(): boolean {
    return this.all.length === 0;
  }
}

/** The languages seen in the columns, in order of appearance. */
export class LanguageSet {
  readonly list: FormLanguage[] = [];
  add(lang: FormLanguage): void {
    if (!this.list.some((l) => l.code === lang.code)) this.list.push({ code: lang.code, name: lang.name });
  }
  /** A settings `default_language` (a code, a name, or `Name (code)`) as one of the codes seen. */
  resolve(value: string): string | undefined {
    const v = value.trim().toLowerCase();
    if (!v) return undefined;
    const parsed = parseLanguage(value);
    const found =
      this.list.find((l) => l.code.toLowerCase() === v || l.name.toLowerCase() === v) ??
      this.list.find((l) => l.code.toLowerCase() === parsed.code.toLowerCase());
    return found?.code;
  }
}
