import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../platform/http/errors';
import { loadWorkbook } from '../../platform/xlsx';
import type { Answers, AnswerValue, FormDef, Question } from '../../shared/xlsform/types';
import { csvUnsafe } from '../insights/index';
import { placedQuestions } from './form-walk';

// Reading a KoboToolbox/ODK export (CSV or XLSX) of a study's form into interviews: headers are question names or
// `group/name` paths, select_multiple answers are space-separated choice names (the 0/1 column per choice is left
// aside), `_uuid` / `meta/instanceID` / `KEY` is the instance id. Questions inside repeats are not read.

export interface KoboRow {
  /** The spreadsheet row (the header is row 1). */
  row: number;
  instanceId: string;
  division: string | null;
  respondentCode: string | null;
  collectedAt: string | null;
  answers: Answers;
}

type Cell = string | number | Date | null;

/** What an export's zip may unpack to at most (thousands of interviews are a few megabytes). */
const maxUnpackedBytes = 100 * 1024 * 1024;

/** The rows of the file's first sheet (XLSX) or of the CSV (`,` or `;` separated), header first. */
export async function readTable(data: Buffer, filename: string): Promise<Cell[][]> {
  const isXlsx = data.subarray(0, 2).toString('latin1') === 'PK' || /\.xlsx$/i.test(filename);
  if (!isXlsx) {
    const text = data.toString('utf8').replace(/^\uFEFF/, '');
    const first = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
    return (parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][]).map((r) =>
      r.map((v) => csvUnsafe(v)),
    );
  }
  const wb = await loadWorkbook(data, maxUnpackedBytes);
  if (wb === 'too_large') throw new AppError(413, 'payload_too_large');
  if (wb === 'not_xlsx') throw new Error('not an XLSX');
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = r.getCell(c).value as unknown;
      cells.push(
        v === null || v === undefined
          ? null
          : v instanceof Date || typeof v === 'number'
            ? v
            : typeof v === 'object' && v !== null && 'text' in v
              ? String((v as { text: unknown }).text)
              : typeof v === 'object' && v !== null && 'result' in v
                ? ((v as { result: Cell }).result ?? null)
                : String(v),
      );
    }
    out[n - 1] = cells;
  });
  return Array.from(out, (r) => r ?? []);
}

const text = (v: Cell): string | null => {
  if (v === null) return null;
  if (v instanceof Date) return v.toISOString();
  const s = String(v).trim();
  return s === '' ? null : s;
};

/** A cell as the answer its question takes (the validation decides whether it is right). */
function answerOf(q: Question, v: Cell): AnswerValue {
  if (v === null || v === '') return null;
  switch (q.type) {
    case 'integer':
    case 'decimal': {
      if (typeof v === 'number') return v;
      const s = text(v)!;
      return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
    }
    case 'select_multiple':
      return text(v)!.split(/\s+/).filter(Boolean);
    case 'date':
      return v instanceof Date ? v.toISOString().slice(0, 10) : text(v)!.slice(0, 10);
    case 'time': {
      const s = v instanceof Date ? v.toISOString().slice(11) : text(v)!;
      return s.slice(0, 5);
    }
    case 'geopoint':
      return text(v)!.split(/\s+/).slice(0, 2).join(' ');
    case 'acknowledge':
      return /^(ok|1|true|yes)$/i.test(text(v)!) ? 'OK' : text(v);
    default:
      return text(v);
  }
}

// Notes carry no answer; calculations and metadata are filled again by the validation.
const computed = new Set(['note', 'calculate', 'start', 'end', 'today']);

const instanceHeaders = ['_uuid', 'meta/instanceid', 'instanceid', 'key', 'meta/instanceID'];

/** The interviews of a Kobo/ODK table for the form (rows without any answer are left out). */
export function koboRows(form: FormDef, table: Cell[][]): KoboRow[] {
  const header = (table[0] ?? []).map((h) => text(h) ?? '');
  const byName = new Map(
    placedQuestions(form)
      .filter((p) => !p.repeat && !computed.has(p.question.type))
      .map((p) => [p.question.name, p.question]),
  );
  const multiple = new Set([...byName.values()].filter((q) => q.type === 'select_multiple').map((q) => q.name));
  const columns = header.map((h) => {
    const parts = h.split('/');
    const name = parts.at(-1)!;
    // `reasons/work` is the 0/1 column of choice `work`: the space-separated `reasons` column is read instead.
    if (parts.length > 1 && multiple.has(parts.at(-2)!)) return null;
    return byName.get(name) ?? null;
  });
  const find = (names: string[]) => header.findIndex((h) => names.includes(h.toLowerCase()));
  const idCol = find(instanceHeaders);
  const divCol = find(['division', '_division', 'minka/division']);
  const codeCol = find(['respondent_code', '_respondent_code']);
  const whenCol =
    [find(['end']), find(['start']), find(['_submission_time', 'submissiondate'])].find((i) => i >= 0) ?? -1;
  const out: KoboRow[] = [];
  table.slice(1).forEach((cells, i) => {
    const answers: Answers = {};
    columns.forEach((q, c) => {
      if (!q) return;
      const v = answerOf(q, cells[c] ?? null);
      if (v !== null) answers[q.name] = v;
    });
    if (!Object.keys(answers).length) return;
    const given = idCol >= 0 ? text(cells[idCol] ?? null) : null;
    const when = whenCol >= 0 ? text(cells[whenCol] ?? null) : null;
    const parsed = when ? new Date(when) : null;
    out.push({
      row: i + 2,
      // Without an instance id, the row's content is its identity: the same row imported again is recognised.
      instanceId: given
        ? given.replace(/^uuid:/, '')
        : `row:${createHash('sha256').update(JSON.stringify(cells)).digest('hex').slice(0, 40)}`,
      division: divCol >= 0 ? text(cells[divCol] ?? null) : null,
      respondentCode: codeCol >= 0 ? text(cells[codeCol] ?? null) : null,
      collectedAt: parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : null,
      answers,
    });
  });
  return out;
}
