import { type ApiBody, client, ok } from '../../api';

/** Every change the case page makes through its one mutation; each answers the updated case. */
export type CaseWrite =
  | { to: 'comments'; body: ApiBody<'/api/cases/{id}/comments'> }
  | { to: 'decision'; body: ApiBody<'/api/cases/{id}/decision'> }
  | { to: 'consents'; body: ApiBody<'/api/cases/{id}/consents'> }
  | { to: 'withdrawConsent'; sub: string }
  | { to: 'followUp'; body: ApiBody<'/api/cases/{id}/tasks'> }
  | { to: 'taskDone'; sub: string; outcome?: string };

/** Runs a change through the case page (which keeps the answer and shows a failure); resolves either way. */
export type Act = (write: CaseWrite) => Promise<unknown>;

/** Sends one change of case `id` to its route. */
export async function writeCase(id: string, w: CaseWrite): Promise<unknown> {
  const path = { id };
  switch (w.to) {
    case 'comments':
      return ok(client.POST('/api/cases/{id}/comments', { params: { path }, body: w.body }));
    case 'decision':
      return ok(client.POST('/api/cases/{id}/decision', { params: { path }, body: w.body }));
    case 'consents':
      return ok(client.POST('/api/cases/{id}/consents', { params: { path }, body: w.body }));
    case 'withdrawConsent':
      return ok(client.POST('/api/cases/{id}/consents/{sub}/withdraw', { params: { path: { id, sub: w.sub } } }));
    case 'followUp':
      // The route answers the new task; the page wants the case with it.
      await ok(client.POST('/api/cases/{id}/tasks', { params: { path }, body: w.body }));
      return ok(client.GET('/api/cases/{id}', { params: { path } }));
    case 'taskDone':
      return ok(
        client.POST('/api/cases/{id}/tasks/{sub}/done', {
          params: { path: { id, sub: w.sub } },
          body: w.outcome ? { outcome: w.outcome } : {},
        }),
      );
  }
}
