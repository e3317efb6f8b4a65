// Reads an uploaded HTCDS flat file (CSV or XLSX) into rows keyed by field name. Pure apart from the XLSX
// reader; refuses what is not a spreadsheet with a stable code.
import { parse } from 'csv-parse/sync';
import { AppError } from '../../../platform/http/errors';
import { cellText, loadWorkbook } from '../../../platform/xlsx';
import { csvUnsafe } from '../csv';
import { templateHeader, templateLabels } from './fields';

export const maxImportBytes = 10 * 1024 * 1024;
export const maxImportRows = 10_000;

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  /** Data rows: the row number as the user sees it (header = row 1 when it is the first line) and the cells by field. */
  rows: { row: number; cells: Record<string, string> }[];
  /** Non-empty header cells that are not HTCDS template fields. */
  unknownColumns: string[];
}

const known = new Set<string>(templateHeader.filter(Boolean));
// The standard spells the decision field correctly; the template does not. Both are read.
const aliases: Record<string, string> = {
  vic_TraffickingStatusDecisionMakingOrg: 'vic_TraffickinStatusDecisionMakingOrg',
  cas_ReasonForOutgoingReferral: 'cas_ReasonForOutgoingReferral',
};

/** Largest total the workbook may expand to: a small upload must not unpack into gigabytes. */
const maxUnpackedBytes = 200 * 1024 * 1024;

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const wb = await loadWorkbook(bytes, maxUnpackedBytes);
  if (wb === 'too_large') throw new AppError(413, 'htcds_too_large');
  if (wb === 'not_xlsx') throw new AppError(400, 'htcds_unreadable');
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError(400, 'htcds_no_header');
  if (ws.rowCount > maxImportRows + 10) throw new AppError(413, 'htcds_too_many_rows', { max: maxImportRows });
  const out: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    // Only the template's columns (and a few beside them) are read, however wide the sheet says it is.
    for (let c = 1; c <= templateHeader.length + 10; c++) cells.push(cellText(row.getCell(c).value));
    out.push(cells);
  }
  return out;
}

function readCsv(bytes: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(415, 'htcds_file_type');
  }
  if (text.includes('\u0000')) throw new AppError(415, 'htcds_file_type');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const grid = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return grid.map((r) => r.map(csvUnsafe));
  } catch {
    throw new AppError(400, 'htcds_unreadable');
  }
}

/** Reads the file; 415 htcds_file_type for anything but CSV text or an XLSX (zip) workbook. */
export async function readHtcdsFile(bytes: Buffer, filename: string | undefined): Promise<ParsedFile> {
  const zip = bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;
  const ext = (filename ?? '').toLowerCase().split('.').pop();
  if (zip && ext && ext !== 'xlsx') throw new AppError(415, 'htcds_file_type');
  if (!zip && ext && ext !== 'csv' && ext !== 'txt') throw new AppError(415, 'htcds_file_type');
  const format = zip ? 'xlsx' : 'csv';
  const grid = zip ? await readXlsx(bytes) : readCsv(bytes);
  // The header is the first row (of the first ten) that names at least three template fields.
  const headerAt = grid
    .slice(0, 10)
    .findIndex((r) => r.filter((c) => known.has(c.trim()) || aliases[c.trim()]).length >= 3);
  if (headerAt < 0) throw new AppError(400, 'htcds_no_header');
  const header = grid[headerAt]!.map((c) => {
    const name = c.trim();
    return aliases[name] && !known.has(name) ? aliases[name]! : name;
  });
  const unknownColumns = header.filter((h) => h && !known.has(h) && !aliases[h]);
  const labelCells = new Set<string>(templateLabels.filter(Boolean));
  const rows: ParsedFile['rows'] = [];
  for (let i = headerAt + 1; i < grid.length; i++) {
    const cells: Record<string, string> = {};
    let filled = 0;
    let labels = 0;
    header.forEach((name, c) => {
      if (!name || (!known.has(name) && name !== 'cas_ReasonForOutgoingReferral')) return;
      const v = (grid[i]![c] ?? '').trim();
      if (!v) return;
      cells[name] = v;
      filled++;
      if (labelCells.has(v)) labels++;
    });
    // Blank (the template's numbered empty rows) and label rows carry no record.
    if (!filled || labels >= 3) continue;
    rows.push({ row: i + 1, cells });
    if (rows.length > maxImportRows) throw new AppError(413, 'htcds_too_many_rows', { max: maxImportRows });
  }
  return { format, rows, unknownColumns };
}
