// A small CSV writer (RFC 4180: comma, CRLF, double quotes doubled) with a BOM so Excel reads UTF-8. A cell that
// a spreadsheet would run as a formula (starting with = + - @ or a control character) gets a leading apostrophe.

const formula = /^[=+\-@\t\r]/;

/** One cell, quoted when it must be and defused when a spreadsheet would evaluate it. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && formula.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The whole file: BOM, header row, then one row per record in `columns` order. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string | number>[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
