import { useQuery } from '@tanstack/react-query';
import { type ApiBody, ApiError, type ApiResponse, client, ok } from '../../../api';

export type Prosecution = ApiResponse<'/api/cases/{id}/prosecution'>;
export type Complaint = Prosecution['complaints'][number];
export type ComplaintBody = ApiBody<'/api/cases/{id}/complaints'>;
export type OutcomeBody = ApiBody<'/api/cases/{id}/complaints/{sub}/outcome'>;

// Under the case's own key, so refreshing the case refreshes its proceedings too.
export const prosecutionKey = (caseId: string) => ['case', caseId, 'prosecution'] as const;

/** A legal catalogue's active entries in the reader's language, each with its legal source. */
export function useCatalogue(list: 'offence' | 'proceeding_stage') {
  const q = useQuery({
    queryKey: ['catalogues', list],
    queryFn: () => ok(client.GET('/api/catalogues/{list}', { params: { path: { list } } })),
    staleTime: 5 * 60_000,
  });
  return q.data ?? [];
}

/** "Trata de personas (COIP art. 91)": a catalogue choice named with its legal source. */
export const withSource = (e: { label: string; source: string }) => (e.source ? `${e.label} (${e.source})` : e.label);

/** The server's message for one field of the body, if it refused that field. */
export function errorAt(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const fields = (error.body.fields ?? []) as { path?: string; message?: string }[];
  const hit = fields.find((f) => f.path === `body.${field}` || f.path?.startsWith(`body.${field}.`));
  return hit ? (hit.message ?? error.message) : undefined;
}

/** The error's message when no field shows it. */
export function errorElsewhere(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (fields.some((f) => errorAt(error, f))) return undefined;
  return error instanceof Error ? error.message : String(error);
}

/** Drops blank text from a form's values (the API leaves out what was not given). */
export const given = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as Partial<T>;
