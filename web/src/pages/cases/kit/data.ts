import { type InvalidateQueryFilters, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok } from '../../../api';
import { caseKeys } from '../../../api/keys';

/** A part of the case page (board, returns, prosecution) under the case's own key: refreshing the case refreshes it. */
export const partKey = (caseId: string, part: string) => [...caseKeys.detail(caseId), part] as const;

/**
 * A write of a case part whose answer is the part's whole view: the answer replaces the cached view, the queries in
 * `refresh` are read again, and `done` runs (e.g. to close the form).
 */
export function usePartWrite<V, R>(
  key: readonly unknown[],
  send: (v: V) => Promise<R>,
  done?: () => void,
  refresh: readonly InvalidateQueryFilters[] = [],
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => {
      qc.setQueryData(key, answer);
      for (const r of refresh) void qc.invalidateQueries(r);
      done?.();
    },
  });
}

/** A legal catalogue's entries in the reader's language, each with its legal source. */
export function useCatalogue(list: 'measure_type' | 'offence' | 'proceeding_stage') {
  const q = useQuery({
    queryKey: ['catalogues', list],
    queryFn: () => ok(client.GET('/api/catalogues/{list}', { params: { path: { list } } })),
    staleTime: 5 * 60_000,
  });
  return q.data ?? [];
}

/** "Trata de personas (COIP art. 91)": a catalogue choice named with its legal source. */
export const withSource = (e: { label: string; source: string }) => (e.source ? `${e.label} (${e.source})` : e.label);

/** Leaves out blank text and empty choices (the API leaves out what was not given; the server checks the rest). */
export const given = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')),
  ) as T;
