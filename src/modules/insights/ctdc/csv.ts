// CSV through csv-stringify (RFC 4180 quoting, CRLF) with a BOM so Excel reads UTF-8. A text cell that a
// spreadsheet would run as a formula (starting with = + - @ or a control character) gets a leading apostrophe.
import { stringify } from 'csv-stringify/sync';

const formula = /^[=+\-@\t\r]/;

/** One cell's text, defused when a spreadsheet would evaluate it (numbers are left as they are). */
export function csvText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return typeof v === 'string' && formula.test(s) ? `'${s}` : s;
}

/** The whole file: BOM, header row, then one row per record in `columns` order. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string | number>[]): string {
  return stringify(
    rows.map((r) => columns.map((c) => csvText(r[c]))),
    // A line break alone is not quoted by default when records end in CRLF; spreadsheets need it quoted.
    { bom: true, record_delimiter: 'windows', header: true, columns: [...columns], quoted_match: /[\r\n]/ },
  );
}
