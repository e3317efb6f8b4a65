import { Migrator, sql } from 'kysely';
import type { Db } from '../db/index';
import { migrations } from '../db/migrations/index';
import { anyKey } from './repo';
import { rotDb, tablesWithColumns } from './repo-rotation';

/** Minka's own tables (migration bookkeeping left out), by name. */
export const appTables = async (db: Db) => (await tablesWithColumns(rotDb(db))).map((t) => t.name);

/** Every row of a table, in a stable order. */
export const allRows = (db: Db, table: string) =>
  rotDb(db).selectFrom(table).selectAll().orderBy(sql`1`).execute() as Promise<Record<string, unknown>[]>;

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

/** Replaces the content of every table with the given rows in one transaction (parents first, children last). */
export async function replaceAll(db: Db, order: string[], rowsOf: (table: string) => Record<string, unknown>[]) {
  await db.transaction().execute(async (trx) => {
    const q = rotDb(trx);
    for (const t of [...order].reverse()) await q.deleteFrom(t).execute();
    for (const t of order) {
      const rows = rowsOf(t);
      for (let i = 0; i < rows.length; i += 200)
        await q
          .insertInto(t)
          .values(rows.slice(i, i + 200) as never)
          .execute();
    }
  });
}
