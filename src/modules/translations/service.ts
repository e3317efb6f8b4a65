import ExcelJS from 'exceljs';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import type { TranslationTable } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { applyStrings, setStringsToReview, stringsToReview } from '../../platform/i18n/index';
import { setLabel } from '../../shared/labels/index';
import type { Actor } from '../access/index';
import {
  type CatalogueLanguage,
  catalogueLanguages,
  kichwaProvenance,
  placeholders,
  type Source,
  shipped,
  splitKey,
} from './catalogues';
import { TranslationRepo } from './repo';

export interface ExportRow {
  key: string;
  es: string;
  en: string;
  value: string;
  status: Source | 'shipped';
  note: string;
}

export interface ImportResult {
  reviewed: number;
  unchanged: number;
}

const columns = ['key', 'es', 'en'] as const;
const maxRows = 20_000;

/**
 * The community review of translations: every string with its origin, an XLSX a translator works in, and the
 * reviewed strings taken back (placeholders checked) into a table that upgrades leave alone.
 */
export class TranslationService {
  private readonly repo: TranslationRepo;

  constructor(private readonly ctx: Context) {
    this.repo = new TranslationRepo(ctx.db.db);
  }

  static language(lang: string): CatalogueLanguage {
    if (!catalogueLanguages.includes(lang as CatalogueLanguage)) throw new AppError(404, 'not_found');
    return lang as CatalogueLanguage;
  }

  /** Every string of a language as a translator sees it: the shipped value or the installation's reviewed one. */
  async rows(lang: CatalogueLanguage): Promise<ExportRow[]> {
    const es = shipped('es');
    const en = shipped('en');
    const own = shipped(lang);
    const reviewed = new Map((await this.repo.list(lang)).map((r) => [r.key, r]));
    return Object.keys(es).map((key) => {
      const mine = reviewed.get(key);
      const origin = lang === 'qu-EC' ? kichwaProvenance[key] : undefined;
      return {
        key,
        es: es[key]!,
        en: en[key] ?? '',
        value: mine?.value ?? own[key] ?? '',
        status: mine ? 'reviewed' : (origin?.source ?? (own[key] === undefined ? 'composed' : 'shipped')),
        note: mine?.note ?? origin?.note ?? '',
      };
    });
  }

  /** What the web app needs: the installation's reviewed strings (web and labels) and how many wait for review. */
  async forInterface(lang: CatalogueLanguage): Promise<{ strings: Record<string, string>; toReview: number }> {
    const strings: Record<string, string> = {};
    for (const r of await this.repo.list(lang)) {
      const [name, key] = splitKey(r.key) ?? [];
      if (name === 'web' || name === 'labels') strings[key!] = r.value;
    }
    return { strings, toReview: stringsToReview(lang) };
  }

  /**
   * Puts every reviewed string over the shipped ones in this process, and counts the Kichwa still to review (at
   * start, and after an import; other nodes catch up when they restart).
   */
  async apply(): Promise<void> {
    for (const lang of catalogueLanguages) {
      const server: Record<string, string> = {};
      const rows = await this.repo.list(lang);
      if (lang === 'qu-EC') {
        const reviewed = new Set(rows.map((r) => r.key));
        const waiting = Object.entries(kichwaProvenance).filter(
          ([k, p]) => p.source !== 'reviewed' && !reviewed.has(k),
        );
        setStringsToReview(lang, waiting.length);
      }
      for (const r of rows) {
        const [name, key] = splitKey(r.key) ?? [];
        if (name === 'server') server[key!] = r.value;
        if (name === 'labels') setLabel(lang, key!, r.value);
      }
      applyStrings(lang, server);
    }
  }

  async exportXlsx(lang: CatalogueLanguage): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(lang);
    ws.columns = [
      { header: 'key', key: 'key', width: 40 },
      { header: 'es', key: 'es', width: 50 },
      { header: 'en', key: 'en', width: 50 },
      { header: lang, key: 'value', width: 50 },
      { header: 'status', key: 'status', width: 12 },
      { header: 'note', key: 'note', width: 50 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of await this.rows(lang)) ws.addRow(row);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /**
   * Takes a reviewed sheet back. A row counts as reviewed when its value changed or its status says `reviewed`;
   * one bad row (unknown key, a dropped or added placeholder) refuses the whole sheet, naming the key.
   */
  async importXlsx(bytes: Buffer, actor: Actor | null, requestId?: string): Promise<ImportResult> {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new AppError(400, 'translation_file_unreadable');
    }
    const ws = wb.worksheets[0];
    const header = ws ? (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim()) : [];
    const lang = header[4] as CatalogueLanguage;
    if (!ws || columns.some((c, i) => header[i + 1] !== c) || !catalogueLanguages.includes(lang))
      throw new AppError(400, 'translation_file_unreadable');
    if (ws.rowCount > maxRows + 1) throw new AppError(400, 'translation_file_unreadable');
    const current = new Map((await this.rows(lang)).map((r) => [r.key, r]));
    const now = nowIso();
    const changed: TranslationTable[] = [];
    let unchanged = 0;
    for (let i = 2; i <= ws.rowCount; i++) {
      const cells = ws.getRow(i).values as unknown[];
      const key = cell(cells[1]);
      const value = cell(cells[4]);
      if (!key) continue;
      const was = current.get(key);
      if (!was) throw new AppError(400, 'translation_unknown_key', { key });
      const marked = cell(cells[5]).toLowerCase() === 'reviewed';
      if (!value || (value === was.value && (!marked || was.status === 'reviewed'))) {
        unchanged++;
        continue;
      }
      const expected = placeholders(was.es);
      if (placeholders(value).join('|') !== expected.join('|'))
        throw new AppError(400, 'translation_placeholders', { key, expected: expected.join(' ') || '—' });
      const note = cell(cells[6]) || null;
      changed.push({ lang, key, value, note, reviewed_by: actor?.userId ?? null, reviewed_at: now });
    }
    await this.ctx.db.db.transaction().execute(async (trx) => {
      await this.repo.save(trx, changed);
      await this.ctx.audit.record(
        {
          actor: actor ? { userId: actor.userId, orgId: actor.orgId } : null,
          action: 'translations.import',
          recordType: 'translations',
          recordId: lang,
          details: { reviewed: changed.length, unchanged },
          requestId,
        },
        trx,
      );
    });
    await this.apply();
    return { reviewed: changed.length, unchanged };
  }
}

/** A cell's text (rich text, formulas and numbers included), trimmed. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (o.richText)
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (o.text !== undefined) return String(o.text).trim();
    if (o.result !== undefined) return String(o.result).trim();
  }
  return String(v).trim();
}
