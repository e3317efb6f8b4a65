// Fixtures for the XLSForm tests: sheets written by hand, and a form covering every supported type and column.

import type { SheetRow, Sheets } from '../../src/shared/xlsform';

/** Rows of a sheet from plain objects (header → text), numbered from spreadsheet row 2 (row 1 is the header). */
export function rowsOf(rows: Record<string, string>[]): SheetRow[] {
  return rows.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== '')),
  }));
}

/** Sheets from plain rows. */
export function sheetsOf(
  survey: Record<string, string>[],
  choices?: Record<string, string>[],
  settings?: Record<string, string>[],
): Sheets {
  return {
    survey: rowsOf(survey),
    ...(choices ? { choices: rowsOf(choices) } : {}),
    ...(settings ? { settings: rowsOf(settings) } : {}),
  };
}
