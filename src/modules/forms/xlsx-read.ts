// Reading an XLSForm workbook (XLSX) into sheet rows for parseXlsform: the sheets `survey`, `choices` and
// `settings` (names matched case-insensitively), header in row 1, every cell turned into trimmed text.

import ExcelJS from 'exceljs';
import type { SheetRow, Sheets } from '../../shared/xlsform';

const sheetNames = ['survey', 'choices', 'settings'] as const;
/** Rows and columns read at most per sheet: past parseXlsform's limits (30000 choices), so that a bigger sheet is
 * refused there with an issue rather than cut silently. */
const maxRows = 30002;
const maxColumns = 300;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A cell's value as text: rich text joined, numbers and booleans written, formulas by their result, dates as
 * YYYY-MM-DD, hyperlinks by their text, errors as ''. */
export function cellText(value: ExcelJS.CellValue | undefined, depth = 0): string {
  if (value === null || value === undefined || depth > 3) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: unknown }[])
        .map((t) => (typeof t.text === 'string' ? t.text : ''))
        .join('')
        .trim();
    }
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result as ExcelJS.CellValue, depth + 1);
    if ('hyperlink' in v || 'text' in v) return cellText(v.text as ExcelJS.CellValue, depth + 1);
  }
  return '';
}

function readSheet(ws: ExcelJS.Worksheet): SheetRow[] {
  const headers: (string | undefined)[] = [];
  const headerRow = ws.getRow(1);
  const width = Math.min(ws.columnCount, maxColumns);
  const seen = new Set<string>();
  for (let c = 1; c <= width; c++) {
    const h = cellText(headerRow.getCell(c).value);
    // A repeated header keeps its first column (later ones are ignored).
    headers[c] = h && !seen.has(h) ? h : undefined;
    if (h) seen.add(h);
  }
  const rows: SheetRow[] = [];
  const last = Math.min(ws.rowCount, maxRows);
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const cells: Record<string, string> = {};
    for (let c = 1; c <= width; c++) {
      const h = headers[c];
      if (!h) continue;
      const text = cellText(row.getCell(c).value);
      if (text) Object.defineProperty(cells, h, { value: text, enumerable: true, writable: true, configurable: true });
    }
    if (Object.keys(cells).length) rows.push({ row: r, cells });
  }
  return rows;
}

/** What the zip's files unpack to at most (a form workbook is a few hundred kilobytes unpacked). */
const maxUnpackedBytes = 64 * 1024 * 1024;

/** The total uncompressed size the zip's central directory declares, or null when there is none to read. */
export function declaredUnpackedSize(zip: Buffer): number | null {
  const endLength = 22;
  const lowest = Math.max(0, zip.length - endLength - 0xffff);
  for (let end = zip.length - endLength; end >= lowest; end--) {
    if (zip.readUInt32LE(end) !== 0x06054b50) continue;
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
      const size = zip.readUInt32LE(at + 24);
      total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size; // ZIP64: not trusted
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return total;
  }
  return null;
}

/** The XLSForm sheets of a workbook; not_xlsx when the bytes are not a readable XLSX, too_large when it would
 * unpack to more than a form could need. */
export async function readXlsformWorkbook(data: Buffer): Promise<Sheets | { error: 'not_xlsx' | 'too_large' }> {
  if (data.length < 22 || data[0] !== 0x50 || data[1] !== 0x4b) return { error: 'not_xlsx' };
  const unpacked = declaredUnpackedSize(data);
  if (unpacked === null) return { error: 'not_xlsx' };
  if (unpacked > maxUnpackedBytes) return { error: 'too_large' };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { error: 'not_xlsx' };
  }
  const sheets: Sheets = {};
  for (const ws of wb.worksheets) {
    const name = ws.name.trim().toLowerCase();
    const key = sheetNames.find((s) => s === name);
    if (key && !sheets[key]) sheets[key] = readSheet(ws);
  }
  return sheets;
}
