// Reading uploaded XLSX files safely, for every import (HTCDS, XLSForm, study submissions): a workbook is a zip, so
// its declared unpacked size is checked before exceljs opens it (a small upload must not unpack into gigabytes),
// and cell values of any kind are read as text the same way everywhere.
import ExcelJS from 'exceljs';

/**
 * The sum of the uncompressed sizes a zip's central directory declares (the end record is found from the end of
 * the file); null when the file is not a readable zip. ZIP64 entries are not trusted (counted as too large).
 */
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
      total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return total;
  }
  return null;
}

/** The workbook, or why not: not_xlsx (not a readable XLSX), too_large (would unpack past `maxUnpackedBytes`). */
export async function loadWorkbook(
  data: Buffer,
  maxUnpackedBytes: number,
): Promise<ExcelJS.Workbook | 'not_xlsx' | 'too_large'> {
  if (data.length < 22 || data[0] !== 0x50 || data[1] !== 0x4b) return 'not_xlsx';
  const unpacked = declaredUnpackedSize(data);
  if (unpacked === null) return 'not_xlsx';
  if (unpacked > maxUnpackedBytes) return 'too_large';
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return 'not_xlsx';
  }
  return wb;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A cell's value as text: rich text joined, numbers and booleans written, formulas by their result, dates as
 * YYYY-MM-DD (UTC), hyperlinks by their text, errors and anything else as ''. Not trimmed. */
export function cellText(value: ExcelJS.CellValue | undefined, depth = 0): string {
  if (value === null || value === undefined || depth > 3) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: unknown }[]).map((t) => (typeof t.text === 'string' ? t.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v)
      return cellText(v.result as ExcelJS.CellValue, depth + 1);
    if ('hyperlink' in v || 'text' in v) return cellText(v.text as ExcelJS.CellValue, depth + 1);
  }
  return '';
}
