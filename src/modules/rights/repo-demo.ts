import type { Db } from '../../platform/db/index';

// Demo seeding only: finding the demo cases and closing the fictitious one the legal hold is placed on.

/** The first case registered in a parish (the demo cases each have their own). */
export const firstCaseIn = (q: Db, division: string) =>
  q
    .selectFrom('cases')
    .select(['id', 'code', 'owner_org_id'])
    .where('division_code', '=', division)
    .orderBy('created_at')
    .orderBy('code')
    .executeTakeFirst();

/** The organisation of the canton's demo caseworker. */
export const caseworkerOrg = (q: Db, canton: string) =>
  q
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.organisation_id'])
    .where('r.role_key', '=', 'caseworker')
    .where('u.scope_code', '=', canton)
    .executeTakeFirst();

/** Closes a demo case on a day. */
export const closeCase = (q: Db, caseId: string, closedAt: string) =>
  q
    .updateTable('cases')
    .set({ status: 'Closed', stage: 'Closure', closed_at: closedAt, updated_at: closedAt })
    .where('id', '=', caseId)
    .execute();

/** True once the rights demo ran (any request logged). */
export const seeded = async (q: Db) => Boolean(await q.selectFrom('data_requests').select('id').executeTakeFirst());
