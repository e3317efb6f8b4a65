import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiQuery, type ApiResponse, client, ok } from '../../api';

// The rights module's answers as the staff pages read them (GET /api/rights/…, GET /api/cases/{id}/privacy).

// The closed lists (channels, languages, outcomes, refusal reasons) are the module's own vocabulary.
export {
  answerLanguages,
  answerOutcomes as outcomes,
  requestChannels as channels,
} from '../../../../src/modules/rights/vocabulary';

/** One request in the log. */
export type RequestSummary = ApiResponse<'/api/rights/requests'>['items'][number];
/** A request with everything its page shows. */
export type RequestDetail = ApiResponse<'/api/rights/requests/{id}'>;
/** The privacy card of a case. */
export type Privacy = ApiResponse<'/api/cases/{id}/privacy'>;
/** A restriction or objection flag on the person (lifted ones too). */
export type Flag = Privacy['flags'][number];
/** A legal hold on a case. */
export type Hold = Privacy['holds'][number];

export const rightsKeys = {
  all: () => ['rights'] as const,
  list: (filters: string) => ['rights', 'list', filters] as const,
  detail: (id: string) => ['rights', 'request', id] as const,
  /** Under the case's own key, so refreshing the case refreshes its privacy card. */
  privacy: (caseId: string) => ['case', caseId, 'privacy'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export const api = {
  list: (query: ApiQuery<'/api/rights/requests'>) => ok(client.GET('/api/rights/requests', { params: { query } })),
  detail: (id: string) => ok(client.GET('/api/rights/requests/{id}', path(id))),
  create: (body: ApiBody<'/api/rights/requests'>) => ok(client.POST('/api/rights/requests', { body })),
  answer: (id: string, body: ApiBody<'/api/rights/requests/{id}/answer'>) =>
    ok(client.POST('/api/rights/requests/{id}/answer', { ...path(id), body })),
  erase: (id: string, confirmCode: string) =>
    ok(client.POST('/api/rights/requests/{id}/erase', { ...path(id), body: { confirmCode } })),
  setFlag: (id: string, flag: ApiBody<'/api/rights/requests/{id}/flags'>['flag']) =>
    ok(client.POST('/api/rights/requests/{id}/flags', { ...path(id), body: { flag } })),
  liftFlag: (flagId: string, reason: string) =>
    ok(client.DELETE('/api/rights/flags/{flagId}', { params: { path: { flagId } }, body: { reason } })),
  privacy: (caseId: string) => ok(client.GET('/api/cases/{id}/privacy', path(caseId))),
  placeHold: (caseId: string, body: ApiBody<'/api/cases/{id}/holds'>) =>
    ok(client.POST('/api/cases/{id}/holds', { ...path(caseId), body })),
  liftHold: (caseId: string, holdId: string, reason: string) =>
    ok(
      client.POST('/api/cases/{id}/holds/{holdId}/lift', {
        params: { path: { id: caseId, holdId } },
        body: { reason },
      }),
    ),
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
