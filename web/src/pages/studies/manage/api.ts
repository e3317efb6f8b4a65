// The studies API as the pages use it: query keys, the calls and the shapes they answer with.

import { useSearchParams } from 'react-router';
import type { FormDef, Texts } from '../../../../../src/shared/xlsform/types';
import { ApiError, client, multipart, ok } from '../../../api';

export type { FormDef, Texts };

export type StudyStatus = 'draft' | 'open' | 'closed';
export type Respondents = 'anonymous' | 'pseudonymous';

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export interface Abilities {
  update: boolean;
  collect: boolean;
  analyse: boolean;
  exportRaw: boolean;
}

export interface StudySummary {
  id: string;
  code: string;
  title: Texts;
  status: StudyStatus;
  respondents: Respondents;
  owner: { id: string; name: string };
  country: string;
  places: { code: string; label: string }[];
  formVersion: number | null;
  abilities: Abilities;
  /** Interviews stored, when the server tells this reader (managers of the owner organisation). */
  submissions?: number | null;
}

export interface Study extends StudySummary {
  purpose: Texts;
  consent: Texts;
  form: { formId: string; versionId: string; number: number; definition: FormDef } | null;
  submissions: number | null;
}

export interface StudyWrite {
  title: Texts;
  purpose: Texts;
  places: string[];
  consent: Texts;
  respondents: Respondents;
}

export interface ProgressRow {
  key: string;
  label: string;
  cell: Cell;
}
export interface StudyProgress {
  k: number;
  total: Cell;
  byPlace: ProgressRow[];
  byInterviewer: ProgressRow[];
}

export interface AnalysisTable {
  k: number;
  questions: { name: string; label: string; multiple: boolean }[];
  question: string | null;
  choices: { name: string; label: string }[];
  rows: { code: string; label: string; cells: Cell[]; total: Cell }[];
  totals: { cells: Cell[]; total: Cell } | null;
}

export interface ImportProblem {
  row: number;
  column?: string;
  message: string;
}

// Until the studies routes are in the generated types, the pages call them through the same client (same cookie,
// language and CSRF token) without its path types; `normalise*` below read what the server answers defensively.
type Loose = {
  GET: (path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  POST: (path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  PATCH: (path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
};
const api = client as unknown as Loose;
const path = (id: string) => ({ params: { path: { id } } });

/** The select question chosen on the analysis tab, kept in the address (?question=) so exports use it too. */
export function useQuestionParam(): [string | null, (q: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = (q: string | null) =>
    setParams(
      (p) => {
        if (q) p.set('question', q);
        else p.delete('question');
        return p;
      },
      { replace: true },
    );
  return [params.get('question'), set];
}

export const studyKeys = {
  list: () => ['studies'] as const,
  detail: (id: string) => ['studies', id] as const,
  progress: (id: string) => ['studies', id, 'progress'] as const,
  analysis: (id: string, question: string | null, lang: string) =>
    ['studies', id, 'analysis', question ?? '', lang] as const,
};

export const listStudies = async () => normaliseList(await ok(api.GET('/api/studies')));
export const getStudy = async (id: string) => (await ok(api.GET('/api/studies/{id}', path(id)))) as Study;
export const createStudy = async (body: StudyWrite) => (await ok(api.POST('/api/studies', { body }))) as Study;
export const updateStudy = async (id: string, body: Partial<StudyWrite> & { status?: StudyStatus }) =>
  (await ok(api.PATCH('/api/studies/{id}', { ...path(id), body }))) as Study;
export const getProgress = async (id: string) =>
  normaliseProgress(await ok(api.GET('/api/studies/{id}/progress', path(id))));
export const getAnalysis = async (id: string, question: string | null, lang: string) =>
  normaliseAnalysis(
    await ok(
      api.GET('/api/studies/{id}/analysis', {
        ...path(id),
        params: { path: { id }, query: { lang, ...(question ? { question } : {}) } },
      }),
    ),
    question,
  );

export async function uploadForm(id: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return ok(api.POST('/api/studies/{id}/form', { ...path(id), ...multipart(form) }));
}

export async function importAnswers(id: string, file: File, division: string | null) {
  const form = new FormData();
  form.append('file', file);
  const r = (await ok(
    api.POST('/api/studies/{id}/imports', {
      params: { path: { id }, query: division ? { division } : {} },
      ...multipart(form),
    }),
  )) as { imported?: number; skipped?: number };
  return { imported: r.imported ?? 0, skipped: r.skipped ?? 0 };
}

/** Problems a refused upload names: the form's (sheet, row, column) and the rows of an import. */
export function problemsOf(e: unknown): {
  formIssues: FormIssueLike[];
  rows: ImportProblem[];
  fields: { path: string; message: string }[];
} {
  const body = e instanceof ApiError ? e.body : {};
  const formIssues = Array.isArray(body.formIssues) ? (body.formIssues as FormIssueLike[]) : [];
  // An import's refused rows: [{ row, issues: [{ path, problem, message }] }], one line per problem.
  const raw = (Array.isArray(body.rows) ? body.rows : []) as { row?: number; issues?: Record<string, unknown>[] }[];
  const rows = raw.flatMap((r) =>
    (r.issues?.length ? r.issues : [{}]).map((i) => ({
      row: Number(r.row ?? 0),
      column: typeof i.path === 'string' ? i.path.replace(/^answers\./, '') : undefined,
      message: String(i.message ?? i.problem ?? ''),
    })),
  );
  const fields = Array.isArray(body.fields) ? (body.fields as { path: string; message: string }[]) : [];
  return { formIssues, rows, fields };
}

export interface FormIssueLike {
  sheet: string;
  row: number;
  column: string;
  code: string;
  detail?: string;
  message?: string;
}

// ---- reading answers ----

const cell = (c: unknown): Cell => {
  if (typeof c === 'number') return { value: c, suppressed: false };
  const o = (c ?? {}) as { value?: unknown; count?: unknown; suppressed?: unknown };
  const v = typeof o.value === 'number' ? o.value : typeof o.count === 'number' ? o.count : null;
  return { value: o.suppressed ? null : v, suppressed: Boolean(o.suppressed) };
};

function normaliseList(d: unknown): StudySummary[] {
  return (Array.isArray(d) ? d : ((d as { items?: unknown[] })?.items ?? [])) as StudySummary[];
}

function rowsOf(d: unknown): ProgressRow[] {
  if (!Array.isArray(d)) return [];
  return (d as Record<string, unknown>[]).map((r, i) => {
    const key = String(r.code ?? r.id ?? r.key ?? i);
    const label = String(r.label ?? r.name ?? key);
    return { key, label, cell: cell(r.cell ?? r.count ?? r.interviews ?? r) };
  });
}

function normaliseProgress(d: unknown): StudyProgress {
  const o = (d ?? {}) as Record<string, unknown>;
  return {
    k: typeof o.k === 'number' ? o.k : 11,
    total: cell(o.total),
    byPlace: rowsOf(o.byPlace ?? o.byParish ?? o.places),
    byInterviewer: rowsOf(o.byInterviewer ?? o.interviewers),
  };
}

function normaliseAnalysis(d: unknown, asked: string | null): AnalysisTable {
  const o = (d ?? {}) as Record<string, unknown>;
  const list = (x: unknown) =>
    Array.isArray(x)
      ? (x as Record<string, unknown>[]).map((q) => ({
          name: String(q.name),
          label: String(q.label ?? q.name),
          multiple: Boolean(q.multiple),
        }))
      : [];
  const choices = list(o.choices);
  const cellsOf = (x: unknown) => (Array.isArray(x) ? x.map(cell) : []);
  const rows = Array.isArray(o.rows)
    ? (o.rows as Record<string, unknown>[]).map((r) => ({
        code: String(r.code ?? ''),
        label: String(r.label ?? r.code ?? ''),
        cells: cellsOf(r.cells),
        total: cell(r.total),
      }))
    : [];
  const totals = o.totals as { cells?: unknown; total?: unknown } | undefined;
  return {
    k: typeof o.k === 'number' ? o.k : 11,
    questions: list(o.questions),
    question: typeof o.question === 'string' ? o.question : ((o.question as { name?: string } | null)?.name ?? asked),
    choices: choices.map(({ name, label }) => ({ name, label })),
    rows,
    totals: totals ? { cells: cellsOf(totals.cells), total: cell(totals.total) } : null,
  };
}
