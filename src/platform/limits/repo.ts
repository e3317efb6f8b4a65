import type { Db } from '../db/index';

/**
 * Adds `amount` to a counter (created to expire at `expiresAt`) and reads another in the same statement: one round trip,
 * and the row lock of the upsert makes concurrent hits from any node add up exactly.
 */
export async function hitCounter(
  db: Db,
  key: string,
  previousKey: string,
  expiresAt: number,
  now: number,
  amount = 1,
): Promise<{ count: number; previous: number }> {
  const row = await db
    .insertInto('rate_counters')
    .values({ key, count: amount, expires_at: expiresAt })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ count: eb('rate_counters.count', '+', amount) })))
    .returning((eb) => [
      'rate_counters.count',
      eb
        .selectFrom('rate_counters as p')
        .select('p.count')
        .where('p.key', '=', previousKey)
        .where('p.expires_at', '>', now)
        .as('previous'),
    ])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), previous: Number(row.previous ?? 0) };
}

/** Deletes counters that expired before `now`; returns how many. */
export async function deleteExpiredCounters(db: Db, now: number): Promise<number> {
  const r = await db.deleteFrom('rate_counters').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
