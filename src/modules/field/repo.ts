import type { Kysely, Transaction } from 'kysely';
import type { Database, FieldDeviceTable } from '../../platform/db/types';

type Db = Kysely<Database> | Transaction<Database>;

// Plain queries of offline field work: devices, the cases marked for the field, idempotency keys.

export const insertDevice = (db: Db, row: FieldDeviceTable) => db.insertInto('field_devices').values(row).execute();

export const findDevice = (db: Db, id: string) =>
  db.selectFrom('field_devices').selectAll().where('id', '=', id).executeTakeFirst();

export const devicesOf = (db: Db, userIds: string[] | undefined) => {
  let q = db.selectFrom('field_devices').selectAll().orderBy('last_seen_at', 'desc');
  if (userIds) q = q.where('user_id', 'in', userIds.length ? userIds : ['-']);
  return q.limit(500).execute();
};

export const updateDevice = (db: Db, id: string, set: Partial<FieldDeviceTable>) =>
  db.updateTable('field_devices').set(set).where('id', '=', id).execute();

export const markedCaseIds = async (db: Db, userId: string) =>
  (
    await db
      .selectFrom('field_cases')
      .select('case_id')
      .where('user_id', '=', userId)
      .orderBy('marked_at', 'asc')
      .execute()
  ).map((r) => r.case_id);

export const mark = (db: Db, userId: string, caseId: string, at: string) =>
  db
    .insertInto('field_cases')
    .values({ user_id: userId, case_id: caseId, marked_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'case_id']).doNothing())
    .execute();

export const unmark = (db: Db, userId: string, caseId: string) =>
  db.deleteFrom('field_cases').where('user_id', '=', userId).where('case_id', '=', caseId).execute();

export const findKey = (db: Db, userId: string, key: string) =>
  db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();

/** Claims a key for a request about to run; false when it is already claimed (running or done). */
export async function claimKey(db: Db, userId: string, key: string, route: string, at: string): Promise<boolean> {
  const rows = await db
    .insertInto('idempotency_keys')
    .values({ user_id: userId, key, route, status: null, result: null, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .execute();
  return rows.length === 1;
}

/** Takes over a claim whose request never finished (its process stopped), so a resent change can run. */
export async function reclaimStale(db: Db, userId: string, key: string, before: string, at: string) {
  const r = await db
    .updateTable('idempotency_keys')
    .set({ created_at: at })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('status', 'is', null)
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const finishKey = (db: Db, userId: string, key: string, status: number, result: string) =>
  db
    .updateTable('idempotency_keys')
    .set({ status, result })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();

export const releaseKey = (db: Db, userId: string, key: string) =>
  db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).execute();

export const purgeKeys = (db: Db, before: string) =>
  db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();

/** The first open cases registered in a division (for the demo: the cases a caseworker takes to the field). */
export const firstOpenCases = (db: Db, divisionPrefix: string, n: number) =>
  db
    .selectFrom('cases')
    .select('id')
    .where('division_code', 'like', `${divisionPrefix}%`)
    .where('closed_at', 'is', null)
    .orderBy('created_at', 'asc')
    .limit(n)
    .execute();
