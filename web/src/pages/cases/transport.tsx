import { createContext, useContext } from 'react';
import { type ApiBody, type ApiResponse, client, ok } from '../../api';
import type { RecordWrite } from './record/EditRecord';
import { type CaseWrite, writeCase } from './writes';

// How the case parts send their changes. Online, each goes to its route and the updated case comes back. On the
// field device (offline), the same parts queue the change in the encrypted store and show the case as the device
// holds it: the parts do not know the difference.

type CaseDetail = ApiResponse<'/api/cases/{id}'>;
export type ScreeningBody = ApiBody<'/api/cases/{id}/screening'>;
export type ScreeningResult = ApiResponse<'/api/cases/{id}/screening', 'post'>;
/** The record an edit goes to: the case itself, its person, or one event or perpetrator. */
export type RecordPath = '' | '/person' | `/events/${string}` | `/perpetrators/${string}`;

export interface CaseTransport {
  /** True on the field device: changes wait in the queue until the next sync. */
  offline: boolean;
  write(caseId: string, w: CaseWrite): Promise<CaseDetail>;
  patch(caseId: string, path: RecordPath, w: RecordWrite): Promise<CaseDetail>;
  add(caseId: string, collection: 'events' | 'perpetrators', fields: Record<string, unknown>): Promise<CaseDetail>;
  remove(caseId: string, collection: 'events' | 'perpetrators', sub: string, version: number): Promise<CaseDetail>;
  /** Online the server scores the checklist at once; offline the answers wait and the result comes after sync. */
  screen(caseId: string, body: ScreeningBody): Promise<ScreeningResult | null>;
}

const path = (id: string) => ({ params: { path: { id } } });

export const onlineTransport: CaseTransport = {
  offline: false,
  write: (id, w) => writeCase(id, w) as Promise<CaseDetail>,
  patch: (id, p, w) => {
    if (p === '') return ok(client.PATCH('/api/cases/{id}', { ...path(id), body: w as never })) as Promise<CaseDetail>;
    if (p === '/person')
      return ok(client.PATCH('/api/cases/{id}/person', { ...path(id), body: w as never })) as Promise<CaseDetail>;
    const [, collection, sub] = p.split('/');
    return ok(
      client.PATCH(`/api/cases/{id}/${collection}/{sub}` as '/api/cases/{id}/events/{sub}', {
        params: { path: { id, sub: sub ?? '' } },
        body: w as never,
      }),
    ) as Promise<CaseDetail>;
  },
  add: (id, collection, fields) =>
    ok(
      client.POST(`/api/cases/{id}/${collection}` as '/api/cases/{id}/events', { ...path(id), body: fields as never }),
    ) as Promise<CaseDetail>,
  remove: (id, collection, sub, version) =>
    ok(
      client.DELETE(`/api/cases/{id}/${collection}/{sub}` as '/api/cases/{id}/events/{sub}', {
        params: { path: { id, sub }, query: { version } },
      }),
    ) as Promise<CaseDetail>,
  screen: (id, body) => ok(client.POST('/api/cases/{id}/screening', { ...path(id), body })),
};

export const CaseTransportContext = createContext<CaseTransport>(onlineTransport);
export const useTransport = () => useContext(CaseTransportContext);
