import { sql, type Transaction } from 'kysely';
import type { Db } from './index';
import type { Database } from './types';

/** The next value of a named counter; call inside the transaction that uses it (the update locks the row). */
export async function nextSequence(trx: Transaction<Database>, name: string): Promise<number> {
  await trx
    .insertInto('sequences')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  await trx
    .updateTable('sequences')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .execute();
  const row = await trx.selectFrom('sequences').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return Number(row.value);
}

/** True when the installation fact `key` is recorded. */
export const hasMeta = async (db: Db, key: string) =>
  Boolean(await db.selectFrom('meta').select('key').where('key', '=', key).executeTakeFirst());

/** Records an installation fact. */
export const putMeta = (db: Db, key: string, value: string, at: string) =>
  db.insertInto('meta').values({ key, value, updated_at: at }).execute();

/** True when some installation fact's key starts with `prefix`. */
export const hasMetaPrefix = async (db: Db, prefix: string) =>
  Boolean(await db.selectFrom('meta').select('key').where('key', 'like', `${prefix}%`).executeTakeFirst());

/** True when the installation has at least one account (of any status). */
export const hasAnyUser = async (db: Db) => Boolean(await db.selectFrom('users').select('id').executeTakeFirst());

/**
 * After an erasure has committed: on SQLite, writes the write-ahead log back into the database file and truncates
 * it, so the destroyed values (already zeroed in freed pages by secure_delete) leave no copy in the -wal file.
 * PostgreSQL reclaims dead rows by its own vacuum.
 */
export async function flushErased(h: { db: Db; engine: string }): Promise<void> {
  if (h.engine !== 'sqlite') return;
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(h.db);
}
