// Parsers for division and boundary files. Pure: they take text and return inputs or errors.
import { parse as parseCsv } from 'csv-parse/sync';
import type { BoundaryInput, DivisionInput } from './schema';

export class ImportFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : ''));
    this.name = 'ImportFileError';
  }
}

const codePattern = /^[A-Za-z0-9._-]{1,32}$/;
// INEC DPA codes lose their leading zero in the JSON tree; these are the real widths per level.
const inecWidths: Record<number, number> = { 1: 2, 2: 4, 3: 6 };

const pad = (code: string, level: number) => code.padStart(inecWidths[level] ?? code.length, '0');

export interface ParsedDivisions {
  divisions: DivisionInput[];
  /** Entries deliberately left out, with why (e.g. INEC zone 90, the non-delimited areas). */
  skipped: string[];
}

interface InecProvince {
  provincia?: string;
  cantones?: Record<string, { canton?: string; parroquias?: Record<string, string> | null }>;
}

/** Reads INEC's province → canton → parish JSON tree, padding codes to 2/4/6 digits. */
/**
 * INEC's file writes six province names without their accents (its cantons and parishes have them): their
 * official spelling, so a person reads "Bolívar", not "Bolivar".
 */
const provinceAccents: Record<string, string> = {
  BOLIVAR: 'BOLÍVAR',
  'LOS RIOS': 'LOS RÍOS',
  MANABI: 'MANABÍ',
  GALAPAGOS: 'GALÁPAGOS',
  SUCUMBIOS: 'SUCUMBÍOS',
  'SANTO DOMINGO DE LOS TSACHILAS': 'SANTO DOMINGO DE LOS TSÁCHILAS',
};

export function parseInecTree(text: string, country: string): ParsedDivisions {
  let tree: unknown;
  try {
    tree = JSON.parse(text);
  } catch (e) {
    throw new ImportFileError([`not valid JSON: ${(e as Error).message}`]);
  }
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) {
    throw new ImportFileError(['expected an object keyed by province code']);
  }
  const divisions: DivisionInput[] = [];
  const skipped: string[] = [];
  const problems: string[] = [];
  for (const [pKey, raw] of Object.entries(tree as Record<string, InecProvince>)) {
    const pCode = pad(pKey, 1);
    if (!raw || typeof raw !== 'object' || !raw.cantones || typeof raw.cantones !== 'object') {
      problems.push(`province ${pKey}: missing "cantones"`);
      continue;
    }
    if (!raw.provincia) {
      // Key 90 holds the non-delimited zones: not a province, and their areas have no parishes.
      skipped.push(`${pCode}: ${Object.keys(raw.cantones).length} non-delimited areas without a province`);
      continue;
    }
    divisions.push({
      code: pCode,
      name: provinceAccents[raw.provincia] ?? raw.provincia,
      parentCode: country,
      level: 1,
    });
    for (const [cKey, canton] of Object.entries(raw.cantones)) {
      const cCode = pad(cKey, 2);
      if (!canton?.canton) {
        problems.push(`canton ${cKey}: missing "canton" name`);
        continue;
      }
      divisions.push({ code: cCode, name: canton.canton, parentCode: pCode, level: 2 });
      for (const [qKey, name] of Object.entries(canton.parroquias ?? {})) {
        if (typeof name !== 'string' || !name.trim()) {
          problems.push(`parish ${qKey}: missing name`);
          continue;
        }
        divisions.push({ code: pad(qKey, 3), name, parentCode: cCode, level: 3 });
      }
    }
  }
  if (problems.length) throw new ImportFileError(problems);
  return { divisions, skipped };
}

/** Reads a plain CSV with a header row: code, name, parent_code, level (1-3). Rows are checked one by one. */
export function parseDivisionCsv(text: string, country: string): ParsedDivisions {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    throw new ImportFileError([`not valid CSV: ${(e as Error).message}`]);
  }
  const first = records[0];
  const needed = ['code', 'name', 'parent_code', 'level'];
  if (!first) throw new ImportFileError(['the file has no rows']);
  const missing = needed.filter((c) => !(c in first));
  if (missing.length) throw new ImportFileError([`missing column(s): ${missing.join(', ')}`]);
  const problems: string[] = [];
  const divisions: DivisionInput[] = [];
  records.forEach((r, i) => {
    const line = i + 2;
    const code = r.code ?? '';
    const level = Number(r.level);
    if (!codePattern.test(code)) problems.push(`line ${line}: code "${code}" is not a valid code`);
    if (!Number.isInteger(level) || level < 1 || level > 3) problems.push(`line ${line}: level must be 1, 2 or 3`);
    if (!r.name) problems.push(`line ${line}: name is empty`);
    else if (r.name.length > 200) problems.push(`line ${line}: name is longer than 200 characters`);
    const parent = r.parent_code || (level === 1 ? country : '');
    if (!parent) problems.push(`line ${line}: parent_code is empty`);
    divisions.push({ code, name: r.name ?? '', parentCode: parent, level });
  });
  if (problems.length) throw new ImportFileError(problems);
  return { divisions, skipped: [] };
}

const knownCodeProperties: Record<string, number> = { DPA_PARROQ: 6, DPA_CANTON: 4, DPA_PROVIN: 2 };

/** Reads a GeoJSON FeatureCollection; the code comes from `codeProperty` (INEC DPA_* properties are found and padded). */
export function parseBoundaries(text: string, codeProperty?: string): BoundaryInput[] {
  let fc: {
    type?: string;
    features?: { properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } }[];
  };
  try {
    fc = JSON.parse(text);
  } catch (e) {
    throw new ImportFileError([`not valid JSON: ${(e as Error).message}`]);
  }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new ImportFileError(['expected a GeoJSON FeatureCollection']);
  }
  const props = fc.features[0]?.properties ?? {};
  const prop = codeProperty ?? Object.keys(knownCodeProperties).find((k) => k in props);
  if (!prop) throw new ImportFileError(['cannot tell which property holds the code: pass --code-property']);
  const width = knownCodeProperties[prop];
  const problems: string[] = [];
  const out: BoundaryInput[] = [];
  fc.features.forEach((f, i) => {
    const raw = f?.properties?.[prop];
    const code = raw === undefined || raw === null ? '' : String(raw).trim();
    const g = f?.geometry;
    if (!codePattern.test(code)) problems.push(`feature ${i + 1}: property ${prop} is missing or not a code`);
    else if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
      problems.push(`feature ${i + 1} (${code}): geometry must be a Polygon or MultiPolygon`);
    } else {
      out.push({
        code: width ? code.padStart(width, '0') : code,
        geometry: { type: g.type, coordinates: g.coordinates as unknown[] },
      });
    }
  });
  if (problems.length) throw new ImportFileError(problems);
  return out;
}

/** Chooses the divisions parser by file name: .json is INEC's tree, .csv the plain format. */
export function parseDivisionsFile(fileName: string, text: string, country: string): ParsedDivisions {
  if (/\.json$/i.test(fileName)) return parseInecTree(text, country);
  if (/\.csv$/i.test(fileName)) return parseDivisionCsv(text, country);
  throw new ImportFileError([`unknown divisions format for ${fileName}: use .json (INEC tree) or .csv`]);
}
