import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok } from '../../api';

// The rights module's answers as the staff pages read them (GET /api/rights/…, GET /api/cases/{id}/privacy).

/** The ways a request reaches the organisation. */
export const channels = ['in_person', 'letter', 'email', 'phone'] as const;
/** The languages an answer (and the access export) is written in. */
export const answerLanguages = ['es', 'qu-EC', 'en'] as const;
/** How a request may be closed from its page. */
export const outcomes = ['answered', 'refused', 'withdrawn'] as const;

/** One request in the log. */
export interface RequestSummary {
  id: string;
  code: string;
  right: string;
  caseId: string;
  caseCode: string;
  receivedOn: string;
  dueOn: string;
  /** Days until the deadline (negative once it has passed); null once the request is closed. */
  daysLeft: number | null;
  overdue: boolean;
  status: string;
}

/** A request with everything its page shows. */
export interface RequestDetail extends RequestSummary {
  requester: string | null;
  channel: string;
  language: string;
  note: string | null;
  answeredOn: string | null;
  answeredBy: string | null;
  outcome: string | null;
  refusalReason: string | null;
  /** For an erasure: what keeps the person's records now (computed when read). */
  blockers?: { reason: string; caseCode: string }[];
  personAnonymisedAt?: string | null;
}

/** A restriction or objection flag on the person. */
export interface Flag {
  id: string;
  flag: string;
  setOn?: string;
  setAt?: string;
  requestCode?: string | null;
}

/** A legal hold on a case. */
export interface Hold {
  id: string;
  reason: string | null;
  basis: string | null;
  placedAt: string;
  placedBy?: string | null;
  liftedAt?: string | null;
}

/** The privacy card of a case. */
export interface Privacy {
  flags: Flag[];
  holds: Hold[];
  anonymisedAt: string | null;
  retention?: { dueOn: string; warnedAt?: string | null; held?: boolean } | null;
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
  list: (query: Record<string, string>) => get<RequestSummary[]>('/api/rights/requests', query),
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
