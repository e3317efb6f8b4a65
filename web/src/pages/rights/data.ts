import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok } from '../../api';

// The rights module's answers as the staff pages read them (GET /api/rights/…, GET /api/cases/{id}/privacy).

// The closed lists (channels, languages, outcomes, refusal reasons) are the module's own vocabulary.
export {
  answerLanguages,
  answerOutcomes as outcomes,
  requestChannels as channels,
} from '../../../../src/modules/rights/vocabulary';

/** One request in the log. */
export interface RequestSummary {
  id: string;
  code: string;
  right: string;
  status: string;
  caseId: string;
  caseCode: string;
  channel: string;
  language: string;
  receivedOn: string;
  dueOn: string;
  /** Days until the deadline (negative once it has passed); null once the request is closed. */
  daysLeft: number | null;
  overdue: boolean;
  answeredOn: string | null;
}

/** A restriction or objection flag on the person (lifted ones too). */
export interface Flag {
  id: string;
  flag: string;
  requestCode: string | null;
  setAt: string;
  active: boolean;
  liftedAt: string | null;
}

/** A request with everything its page shows. */
export interface RequestDetail extends RequestSummary {
  personName: string | null;
  requester: string | null;
  note: string | null;
  answeredBy: string | null;
  outcome: string | null;
  refusalReason: string | null;
  /** For an erasure: what keeps the person's records now (computed when read). */
  blockers: { reason: string; caseCode: string }[] | null;
  rectifyCaseId: string | null;
  flags: Flag[];
  anonymisedAt: string | null;
  abilities: { answer: boolean; erase: boolean; flag: boolean; export: boolean };
}

/** A legal hold on a case. */
export interface Hold {
  id: string;
  reason: string | null;
  basis: string | null;
  placedAt: string;
  placedBy: string | null;
  active: boolean;
  liftedAt: string | null;
}

/** The privacy card of a case. */
export interface Privacy {
  flags: Flag[];
  holds: Hold[];
  openProceeding: boolean;
  anonymisedAt: string | null;
  retention: { dueOn: string; held?: boolean } | null;
  abilities: { manage: boolean };
}

// The routes are read untyped until the API types carry them (then the generated types take over).
const get = <T>(path: string, query?: Record<string, string>) =>
  ok(client.GET(path as never, (query ? { params: { query } } : {}) as never)) as Promise<T>;
const post = <T>(path: string, body: unknown) => ok(client.POST(path as never, { body } as never)) as Promise<T>;
const del = <T>(path: string, body: unknown) => ok(client.DELETE(path as never, { body } as never)) as Promise<T>;

export const rightsKeys = {
  all: () => ['rights'] as const,
  list: (filters: string) => ['rights', 'list', filters] as const,
  detail: (id: string) => ['rights', 'request', id] as const,
  /** Under the case's own key, so refreshing the case refreshes its privacy card. */
  privacy: (caseId: string) => ['case', caseId, 'privacy'] as const,
};

export const api = {
  list: (query: Record<string, string>) =>
    get<{ items: RequestSummary[]; abilities: { create: boolean } }>('/api/rights/requests', query),
  detail: (id: string) => get<RequestDetail>(`/api/rights/requests/${id}`),
  create: (body: Record<string, unknown>) => post<RequestDetail>('/api/rights/requests', body),
  answer: (id: string, body: Record<string, unknown>) => post<RequestDetail>(`/api/rights/requests/${id}/answer`, body),
  erase: (id: string, confirmCode: string) => post<RequestDetail>(`/api/rights/requests/${id}/erase`, { confirmCode }),
  setFlag: (id: string, flag: string) => post<unknown>(`/api/rights/requests/${id}/flags`, { flag }),
  liftFlag: (flagId: string, reason: string) => del<unknown>(`/api/rights/flags/${flagId}`, { reason }),
  privacy: (caseId: string) => get<Privacy>(`/api/cases/${caseId}/privacy`),
  placeHold: (caseId: string, body: { reason: string; basis: string }) =>
    post<unknown>(`/api/cases/${caseId}/holds`, body),
  liftHold: (caseId: string, holdId: string, reason: string) =>
    post<unknown>(`/api/cases/${caseId}/holds/${holdId}/lift`, { reason }),
};

/** A request's page data. */
export const useRequest = (id: string) =>
  useQuery({ queryKey: rightsKeys.detail(id), queryFn: () => api.detail(id), enabled: Boolean(id) });

/** A case's privacy card data. */
export const usePrivacy = (caseId: string) =>
  useQuery({ queryKey: rightsKeys.privacy(caseId), queryFn: () => api.privacy(caseId) });

/**
 * A write on the rights pages: once saved, the request log, the request and the case (with its privacy card) are read
 * again, and `done` runs (e.g. to close the form).
 */
export function useRightsWrite<V, R>(send: (v: V) => Promise<R>, done?: (r: R) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: rightsKeys.all() });
      void qc.invalidateQueries({ queryKey: ['case'] });
      done?.(r);
    },
  });
}
