import type { Db } from '../db/index';
import type { DataKeyTable } from '../db/types';

/** Every data key, oldest first. */
export const allKeys = (db: Db) => db.selectFrom('data_keys').selectAll().orderBy('created_at').execute();

/** True when any data key exists (so encrypted data may exist). */
export const anyKey = async (db: Db) => Boolean(await db.selectFrom('data_keys').select('id').executeTakeFirst());

/** Stores a new wrapped data key. */
export const insertKey = (db: Db, row: DataKeyTable) => db.insertInto('data_keys').values(row).execute();

/** Re-wraps the given keys under the next master key, all or none. */
export const rewrapKeys = (db: Db, rows: { id: string; wrapped: string; masterVersion: number }[]) =>
  db.transaction().execute(async (trx) => {
    for (const r of rows)
      await trx
        .updateTable('data_keys')
        .set({ wrapped: r.wrapped, master_version: r.masterVersion })
        .where('id', '=', r.id)
        .execute();
  });
