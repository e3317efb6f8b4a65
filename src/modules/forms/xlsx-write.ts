// Writing sheet rows back as an XLSForm workbook (for the form's download and the tests' round trip).

import ExcelJS from 'exceljs';
import type { SheetRow, Sheets } from '../../shared/xlsform';

function headersOf(rows: SheetRow[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (const h of Object.keys(r.cells)) {
      if (!seen.has(h)) {
        seen.add(h);
        out.push(h);
      }
    }
  }
  return out;
}

/** survey, choices and settings sheets (those given); headers = every key of the rows in first-seen order; each row
 * written at its own row number when they increase, else after the previous one. */
export async function writeXlsformWorkbook(sheets: Sheets): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const name of ['survey', 'choices', 'settings'] as const) {
    const rows = sheets[name];
    if (!rows) continue;
    const ws = wb.addWorksheet(name);
    const headers = headersOf(rows);
    headers.forEach((h, i) => {
      ws.getRow(1).getCell(i + 1).value = h;
    });
    let at = 1;
    for (const r of rows) {
      at = Number.isSafeInteger(r.row) && r.row > at ? r.row : at + 1;
      const row = ws.getRow(at);
      headers.forEach((h, i) => {
        const v = Object.hasOwn(r.cells, h) ? r.cells[h] : undefined;
        if (v !== undefined && v !== '') row.getCell(i + 1).value = v;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
