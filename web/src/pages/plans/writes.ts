import { type ApiBody, client, ok } from '../../api';

/** Every change a plan's page makes, each with the body its route accepts. */
export type PlanWrite =
  | { to: 'objectives'; body: ApiBody<'/api/local-plans/{id}/objectives'> }
  | { to: 'actions'; body: ApiBody<'/api/local-plans/{id}/actions'> }
  | { to: 'action'; sub: string; body: ApiBody<'/api/local-plans/{id}/actions/{sub}', 'patch'> }
  | { to: 'indicators'; body: ApiBody<'/api/local-plans/{id}/indicators'> }
  | { to: 'values'; sub: string; body: ApiBody<'/api/local-plans/{id}/indicators/{sub}/values', 'put'> }
  | { to: 'activities'; body: ApiBody<'/api/local-plans/{id}/activities'> }
  | { to: 'instruments'; body: ApiBody<'/api/local-plans/{id}/instruments'> }
  | { to: 'instrumentStatus'; sub: string; body: ApiBody<'/api/local-plans/{id}/instruments/{sub}/status'> };

/** Runs a change through the page (which refreshes the plan and shows a failure); resolves either way. */
export type Call = (write: PlanWrite) => Promise<unknown>;

/** Sends one change of plan `id` to its route. */
export function writePlan(id: string, w: PlanWrite): Promise<unknown> {
  const path = { id };
  switch (w.to) {
    case 'objectives':
      return ok(client.POST('/api/local-plans/{id}/objectives', { params: { path }, body: w.body }));
    case 'actions':
      return ok(client.POST('/api/local-plans/{id}/actions', { params: { path }, body: w.body }));
    case 'action':
      return ok(
        client.PATCH('/api/local-plans/{id}/actions/{sub}', { params: { path: { id, sub: w.sub } }, body: w.body }),
      );
    case 'indicators':
      return ok(client.POST('/api/local-plans/{id}/indicators', { params: { path }, body: w.body }));
    case 'values':
      return ok(
        client.PUT('/api/local-plans/{id}/indicators/{sub}/values', {
          params: { path: { id, sub: w.sub } },
          body: w.body,
        }),
      );
    case 'activities':
      return ok(client.POST('/api/local-plans/{id}/activities', { params: { path }, body: w.body }));
    case 'instruments':
      return ok(client.POST('/api/local-plans/{id}/instruments', { params: { path }, body: w.body }));
    case 'instrumentStatus':
      return ok(
        client.POST('/api/local-plans/{id}/instruments/{sub}/status', {
          params: { path: { id, sub: w.sub } },
          body: w.body,
        }),
      );
  }
}
