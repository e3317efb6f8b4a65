// The CSV files insights hands out (HTCDS, CTDC, synthetic data): csv-stringify with RFC 4180 quoting, CRLF and a
// BOM so Excel reads UTF-8. A text cell a spreadsheet would run as a formula (starting with = + - @ or a control
// character) gets a leading apostrophe, which Excel hides and the HTCDS import removes again.
import { stringify } from 'csv-stringify/sync';

const formula = /^[=+\-@\t\r]/;

/** A text cell defused when a spreadsheet would evaluate it. */
export const csvSafe = (v: string) => (formula.test(v) ? `'${v}` : v);
/** Undoes csvSafe. */
export const csvUnsafe = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

/** One cell's text: numbers as they are, text defused, nothing for null. */
export function csvText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? csvSafe(v) : String(v);
}

/** The whole file from its rows (the first is usually the header). */
export function csvFile(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return stringify(
    rows.map((r) => r.map(csvText)),
    // A line break alone is not quoted by default when records end in CRLF; spreadsheets need it quoted.
    { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

/** Header row, then one row per record in `columns` order. */
export const toCsv = (columns: readonly string[], rows: readonly Record<string, string | number>[]) =>
  csvFile([columns, ...rows.map((r) => columns.map((c) => r[c]))]);
