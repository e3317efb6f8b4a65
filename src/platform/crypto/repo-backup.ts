import { Migrator, sql } from 'kysely';
import type { Db } from '../db/index';
import { migrations } from '../db/migrations/index';
import { anyKey } from './repo';
import { rotDb, tablesWithColumns } from './repo-rotation';

// Short-lived request counters (keyed hashes that expire within minutes): nothing to keep or restore.
const transientTables = new Set(['rate_counters']);

/** Minka's own tables (migration bookkeeping and transient counters left out), by name. */
export const appTables = async (db: Db) =>
  (await tablesWithColumns(rotDb(db))).map((t) => t.name).filter((n) => !transientTables.has(n));

/**
 * Reads every listed table (PostgreSQL) from one consistent snapshot through a server-side cursor, handing each
 * table's rows to `take` a page of `pageOf(table)` rows at a time, so no table is ever held in memory whole.
 */
export async function readTables(
  db: Db,
  tables: string[],
  pageOf: (table: string) => number,
  take: (table: string, rows: Record<string, unknown>[]) => void,
): Promise<void> {
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      for (const t of tables) {
        await sql`declare minka_backup no scroll cursor for select * from ${sql.table(t)}`.execute(trx);
        for (;;) {
          const page = await sql<
            Record<string, unknown>
          >`fetch forward ${sql.lit(pageOf(t))} from minka_backup`.execute(trx);
          if (!page.rows.length) break;
          take(t, page.rows);
        }
        await sql`close minka_backup`.execute(trx);
      }
    });
}

/** Names of the migrations applied to this database, oldest first (none on an empty database). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const list = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).getMigrations();
  return list.filter((m) => m.executedAt).map((m) => m.name);
}

/** Brings an empty (or older) database to exactly the given migration, so a backup's rows fit its tables. */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const r = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(name);
  if (r.error) throw r.error;
}

/** True when the database holds encrypted data (a data key exists). */
export const holdsData = async (db: Db) => (await appTables(db)).includes('data_keys') && anyKey(db);

/**
 * Replaces the content of every table in one transaction (parents first, children last), inserting the batches
 * `batchesOf` yields for each table.
 */
export async function replaceAll(
  db: Db,
  order: string[],
  batchesOf: (table: string) => Iterable<Record<string, unknown>[]>,
) {
  await db.transaction().execute(async (trx) => {
    const q = rotDb(trx);
    for (const t of [...order].reverse()) await q.deleteFrom(t).execute();
    for (const t of order)
      for (const rows of batchesOf(t))
        await q
          .insertInto(t)
          .values(rows as never)
          .execute();
  });
}
