// Reading an XLSForm workbook (XLSX) into sheet rows for parseXlsform: the sheets `survey`, `choices` and
// `settings` (names matched case-insensitively), header in row 1, every cell turned into trimmed text.

import type ExcelJS from 'exceljs';
import { cellText, loadWorkbook } from '../../platform/xlsx';
import type { SheetRow, Sheets } from '../../shared/xlsform';

const sheetNames = ['survey', 'choices', 'settings'] as const;
/** Rows and columns read at most per sheet: past parseXlsform's limits (30000 choices), so that a bigger sheet is
 * refused there with an issue rather than cut silently. */
const maxRows = 30002;
const maxColumns = 300;

function readSheet(ws: ExcelJS.Worksheet): SheetRow[] {
  const headers: (string | undefined)[] = [];
  const headerRow = ws.getRow(1);
  const width = Math.min(ws.columnCount, maxColumns);
  const seen = new Set<string>();
  for (let c = 1; c <= width; c++) {
    const h = cellText(headerRow.getCell(c).value).trim();
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
      const text = cellText(row.getCell(c).value).trim();
      if (text) Object.defineProperty(cells, h, { value: text, enumerable: true, writable: true, configurable: true });
    }
    if (Object.keys(cells).length) rows.push({ row: r, cells });
  }
  return rows;
}

/** What the zip's files unpack to at most (a form workbook is a few hundred kilobytes unpacked). */
const maxUnpackedBytes = 64 * 1024 * 1024;

/** The XLSForm sheets of a workbook; not_xlsx when the bytes are not a readable XLSX, too_large when it would
 * unpack to more than a form could need. */
export async function readXlsformWorkbook(data: Buffer): Promise<Sheets | { error: 'not_xlsx' | 'too_large' }> {
  const wb = await loadWorkbook(data, maxUnpackedBytes);
  if (typeof wb === 'string') return { error: wb };
  const sheets: Sheets = {};
  for (const ws of wb.worksheets) {
    const name = ws.name.trim().toLowerCase();
    const key = sheetNames.find((s) => s === name);
    if (key && !sheets[key]) sheets[key] = readSheet(ws);
  }
  return sheets;
}
