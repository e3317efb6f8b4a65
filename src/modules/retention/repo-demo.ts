import type { Db } from '../../platform/db/index';

/** The organisation of the canton's demo caseworker (the demo case's owner). */
export const caseworkerOrg = (q: Db, canton: string) =>
  q
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.organisation_id'])
    .where('r.role_key', '=', 'caseworker')
    .where('u.scope_code', '=', canton)
    .executeTakeFirst();

/** Closes the demo case long ago (its retention runs out soon). */
export const closeLongAgo = (q: Db, caseId: string, closedAt: string) =>
  q
    .updateTable('cases')
    .set({ status: 'Closed', stage: 'Closure', closed_at: closedAt, updated_at: closedAt })
    .where('id', '=', caseId)
    .execute();
