import { sql } from 'kysely';
import type { Db } from '../db/index';
import type { Database } from '../db/types';

type Row = Database['job_queue'];

/** Stores a queued job. */
export const insertJob = (db: Db, row: Omit<Row, 'attempts'>) => db.insertInto('job_queue').values(row).execute();

/** Queued jobs due at `now` with one of the names, oldest first; `ids` narrows them to these jobs. */
export const dueJobs = (db: Db, names: string[], now: string, limit: number, ids?: string[]) => {
  let q = db
    .selectFrom('job_queue')
    .select(['id', 'name', 'data', 'attempts'])
    .where('state', '=', 'queued')
    .where('run_after', '<=', now)
    .where('name', 'in', names.length ? names : ['-']);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['-']);
  return q.orderBy('run_after').orderBy('id').limit(limit).execute();
};

/** Takes a queued job for this runner; true when this call took it (only one caller can). */
export async function claimJob(db: Db, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('job_queue')
    .set((eb) => ({ state: 'active', attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends a job: done, failed for good, or queued again to run after a moment (a retry, or after a shutdown). */
export const settleJob = (
  db: Db,
  id: string,
  set: { state: 'done' | 'failed' | 'queued'; run_after?: string; error?: string | null; attempts?: number },
  now: string,
) =>
  db
    .updateTable('job_queue')
    .set({ ...set, updated_at: now })
    .where('id', '=', id)
    .execute();

/** Jobs a process left active when it died (single node: nothing else can be running them) go back to the queue. */
export const requeueActive = (db: Db, now: string) =>
  db
    .updateTable('job_queue')
    .set({ state: 'queued', run_after: now, updated_at: now })
    .where('state', '=', 'active')
    .execute();

/** Forgets jobs that ended before `before`. */
export const deleteEnded = (db: Db, before: string) =>
  db.deleteFrom('job_queue').where('state', 'in', ['done', 'failed']).where('updated_at', '<', before).execute();

/** The earliest time a queued job of these names is due, or null. */
export async function nextDue(db: Db, names: string[]): Promise<string | null> {
  const r = await db
    .selectFrom('job_queue')
    .select((eb) => eb.fn.min('run_after').as('at'))
    .where('state', '=', 'queued')
    .where('name', 'in', names.length ? names : ['-'])
    .executeTakeFirst();
  return (r?.at as string | null | undefined) ?? null;
}

/**
 * Runs `fn` while holding a PostgreSQL session advisory lock named by `key`, so nodes starting at once take turns
 * (e.g. creating the job queues, whose DDL can deadlock when two nodes create different queues at once).
 */
export async function withAdvisoryLock<T>(db: Db, key: string, fn: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}
