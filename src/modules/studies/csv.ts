import { stringify } from 'csv-stringify/sync';

// CSV as spreadsheets read it: a UTF-8 BOM, CRLF, line breaks quoted, a cell a spreadsheet would run as a formula
// defused with a leading apostrophe (the Kobo import removes it again).

const formula = /^[=+\-@\t\r]/;

/** The file from its rows (the first is the header). */
export function csvFile(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return stringify(
    rows.map((r) =>
      r.map((v) =>
        v === null || v === undefined ? '' : typeof v === 'string' && formula.test(v) ? `'${v}` : String(v),
      ),
    ),
    { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

/** Undoes the defusing of a cell. */
export const csvUnsafe = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
