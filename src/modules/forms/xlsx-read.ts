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

/** The XLSForm sheets of a workbook, or not_xlsx when the bytes are not a readable XLSX. */
export async function readXlsformWorkbook(data: Buffer): Promise<Sheets | { error: 'not_xlsx' }> {
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) return { error: 'not_xlsx' };
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
