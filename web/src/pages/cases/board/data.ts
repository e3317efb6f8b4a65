import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, ApiError, type ApiResponse, client, ok } from '../../../api';
import { caseKeys } from '../../../api/keys';

export type BoardView = ApiResponse<'/api/cases/{id}/board'>;
export type Notice = BoardView['notifications'][number];
export type Measure = BoardView['measures'][number];
export type MeasureBody = ApiBody<'/api/cases/{id}/board/measures'>;

// Under the case's own key: refreshing the case refreshes its board procedure too.
export const boardKey = (caseId: string) => [...caseKeys.detail(caseId), 'board'] as const;

export function useBoard(caseId: string) {
  return useQuery({
    queryKey: boardKey(caseId),
    queryFn: () => ok(client.GET('/api/cases/{id}/board', { params: { path: { id: caseId } } })),
  });
}

/**
 * A write that answers the whole board: the answer replaces the cached board, and the case (its tasks: the 24-hour
 * notification, reviews and ratifications) is read again.
 */
export function useBoardWrite<V>(caseId: string, write: (v: V) => Promise<BoardView>, onDone?: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (b) => {
      qc.setQueryData(boardKey(caseId), b);
      void qc.invalidateQueries({ queryKey: caseKeys.detail(caseId), exact: true });
      onDone?.();
    },
  });
}

/** The measure types of the legal catalogue in the reader's language, each with its legal source. */
export function useMeasureTypes() {
  const q = useQuery({
    queryKey: ['catalogues', 'measure_type'],
    queryFn: () => ok(client.GET('/api/catalogues/{list}', { params: { path: { list: 'measure_type' } } })),
    staleTime: 5 * 60_000,
  });
  return q.data ?? [];
}

/** "Custodia de emergencia (CONA art. 217 num. 5)": a catalogue choice named with its legal source. */
export const withSource = (e: { label: string; source: string }) => (e.source ? `${e.label} (${e.source})` : e.label);

/** The server's message for one field of the body, if it refused that field. */
export function errorAt(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const fields = (error.body.fields ?? []) as { path?: string; message?: string }[];
  const hit = fields.find((f) => f.path === `body.${field}` || f.path?.startsWith(`body.${field}.`));
  return hit ? (hit.message ?? error.message) : undefined;
}

/** The error's message when none of these fields shows it. */
export function errorElsewhere(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (fields.some((f) => errorAt(error, f))) return undefined;
  return error instanceof Error ? error.message : String(error);
}

/** Leaves out blank text (the API leaves out what was not given). */
export const given = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => !(typeof v === 'string' && v.trim() === ''))) as T;

/** Today in the browser, for date inputs (YYYY-MM-DD, local). */
export const today = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};
