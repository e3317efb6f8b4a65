import type { Db } from '../../platform/db/index';

/** The first case opened in a division, with its organisation and caseworker (the demo's returned child). */
export const firstCaseIn = (db: Db, division: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'owner_org_id', 'assigned_user_id'])
    .where('division_code', '=', division)
    .orderBy('created_at')
    .executeTakeFirst();

/** True when the case already has a return recorded (the demo seed is then done). */
export const hasReturn = async (db: Db, caseId: string) =>
  Boolean(await db.selectFrom('case_returns').select('id').where('case_id', '=', caseId).executeTakeFirst());
