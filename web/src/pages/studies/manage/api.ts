// The studies API as the pages use it: query keys, the typed calls, and the shapes the tables draw.

import { useSearchParams } from 'react-router';
import type { FormDef, Texts } from '../../../../../src/shared/xlsform/types';
import { type ApiBody, ApiError, type ApiQuery, type ApiResponse, client, multipart, ok } from '../../../api';

export type { FormDef, Texts };

type Detail = ApiResponse<'/api/studies/{id}'>;
export type StudySummary = ApiResponse<'/api/studies'>[number] & {
  /** Interviews stored, when the server tells this reader (managers of the owner organisation). */
  submissions?: number | null;
};
/** A study as its page reads it; the form's definition is the shared FormDef. */
export type Study = Omit<Detail, 'form'> & {
  form: (Omit<NonNullable<Detail['form']>, 'definition'> & { definition: FormDef }) | null;
};
export type StudyStatus = Detail['status'];
export type Respondents = Detail['respondents'];
export type StudyWrite = ApiBody<'/api/studies'>;
export type Cell = ApiResponse<'/api/studies/{id}/progress'>['total'];

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
  /** The question counted (the one asked for, or none yet). */
  question: string | null;
  choices: { name: string; label: string }[];
  rows: { code: string; label: string; cells: Cell[]; total: Cell }[];
  totals: { cells: Cell[]; total: Cell };
}

export interface ImportProblem {
  row: number;
  column?: string;
  message: string;
}

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

const path = (id: string) => ({ path: { id } });
type AnalysisLang = NonNullable<ApiQuery<'/api/studies/{id}/analysis'>['lang']>;
const analysisLang = (lang: string): AnalysisLang => (lang === 'en' || lang === 'qu-EC' ? lang : 'es');

export const listStudies = (): Promise<StudySummary[]> => ok(client.GET('/api/studies'));
export const getStudy = async (id: string) =>
  (await ok(client.GET('/api/studies/{id}', { params: path(id) }))) as Study;
export const createStudy = (body: StudyWrite) => ok(client.POST('/api/studies', { body }));
export const updateStudy = (id: string, body: ApiBody<'/api/studies/{id}', 'patch'>) =>
  ok(client.PATCH('/api/studies/{id}', { params: path(id), body }));

export async function getProgress(id: string): Promise<StudyProgress> {
  const p = await ok(client.GET('/api/studies/{id}/progress', { params: path(id) }));
  return {
    k: p.k,
    total: p.total,
    byPlace: p.byPlace.map((r) => ({ key: r.code, label: r.label, cell: r.count })),
    byInterviewer: p.byInterviewer.map((r, i) => ({ key: r.id ?? `none-${i}`, label: r.name, cell: r.count })),
  };
}

export async function getAnalysis(id: string, question: string | null, lang: string): Promise<AnalysisTable> {
  const a = await ok(
    client.GET('/api/studies/{id}/analysis', {
      params: { ...path(id), query: { lang: analysisLang(lang), ...(question ? { question } : {}) } },
    }),
  );
  return { ...a, question: a.question?.name ?? null };
}

export async function uploadForm(id: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return ok(client.POST('/api/studies/{id}/form', { params: path(id), ...multipart(form) }));
}

export async function importAnswers(id: string, file: File, division: string | null) {
  const form = new FormData();
  form.append('file', file);
  return ok(
    client.POST('/api/studies/{id}/imports', {
      params: { ...path(id), query: division ? { division } : {} },
      ...multipart(form),
    }),
  );
}

/** The rows a refused Kobo/ODK import names, one line per problem, with the server's message. */
export function problemsOf(e: unknown): { rows: ImportProblem[] } {
  const body = e instanceof ApiError ? e.body : {};
  // An import's refused rows: [{ row, issues: [{ path, problem, message }] }], one line per problem.
  const raw = (Array.isArray(body.rows) ? body.rows : []) as { row?: number; issues?: Record<string, unknown>[] }[];
  const rows = raw.flatMap((r) =>
    (r.issues?.length ? r.issues : [{}]).map((i) => ({
      row: Number(r.row ?? 0),
      column: typeof i.path === 'string' ? i.path.replace(/^answers\./, '') : undefined,
      message: String(i.message ?? i.problem ?? ''),
    })),
  );
  return { rows };
}
