// Fills a benchmark database fast: the rows are built by the app's own code (encryption, blind indexes), then
// written without it. The secondary indexes of the loaded tables are dropped first and built again at the end (one
// sorted build instead of a million random inserts), in large transactions; on SQLite through a second connection
// with prepared statements, on PostgreSQL one array per column unnested into rows.
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { People } from '../src/modules/cases/people';
import type { Context } from '../src/platform/context';
import type { FakePerson } from './generator';

type Row = Record<string, unknown>;

export interface BulkLoader {
  /** Writes rows of one table in one transaction (rows of a table all have the same columns). */
  insert(table: string, rows: Row[]): Promise<void>;
  /**
   * Builds the dropped indexes again; the loader is then closed. PostgreSQL is vacuumed and its statistics refreshed
   * (autovacuum keeps both on a live server); SQLite's are not gathered, as the app never runs ANALYZE.
   */
  finish(): Promise<void>;
}

/** A loader for these tables of the context's database. */
export async function bulkLoader(ctx: Context, tables: string[]): Promise<BulkLoader> {
  return ctx.db.engine === 'sqlite' ? sqliteLoader(ctx, tables) : postgresLoader(ctx, tables);
}

function sqliteLoader(ctx: Context, tables: string[]): BulkLoader {
  const raw = new SQLite(ctx.config.sqlitePath);
  // The bench database is thrown away: no need to wait for the disk on every commit.
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -1000000');
  const indexes = raw
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const i of indexes) raw.exec(`drop index ${i.name}`);
  // Rows go first to a staging table without any index, then into the table in primary-key order: its key index (which
  // cannot be dropped) then grows at its end instead of taking a million inserts at random places.
  const stage = (table: string) => `bench_stage_${table}`;
  for (const t of tables) raw.exec(`create table ${stage(t)} as select * from ${t} where 0`);
  const statements = new Map<string, SQLite.Statement>();
  const write = raw.transaction((table: string, rows: Row[]) => {
    let st = statements.get(table);
    if (!st) {
      const cols = Object.keys(rows[0]!);
      st = raw.prepare(
        `insert into ${stage(table)} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`,
      );
      statements.set(table, st);
    }
    for (const r of rows) st.run(r);
  });
  return {
    insert: async (table, rows) => {
      if (rows.length) write(table, rows);
    },
    finish: async () => {
      for (const t of tables) {
        const key = (raw.pragma(`table_info(${t})`) as { name: string; pk: number }[])
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name);
        raw.exec(`insert into ${t} select * from ${stage(t)} order by ${key.join(', ')}; drop table ${stage(t)}`);
      }
      for (const i of indexes) raw.exec(i.sql);
      raw.close();
    },
  };
}

async function postgresLoader(ctx: Context, tables: string[]): Promise<BulkLoader> {
  const db = ctx.db.db;
  // Indexes that back a constraint (primary keys, unique columns) stay: only plain indexes are dropped.
  const indexes = (
    await sql<{ name: string; def: string }>`
      select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in (${sql.join(tables)})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db)
  ).rows;
  for (const i of indexes) await sql`drop index ${sql.id(i.name)}`.execute(db);
  // Each column goes as one array parameter, unnested into rows: one statement per batch whatever its size.
  const types = new Map<string, Map<string, string>>();
  for (const r of (
    await sql<{ table_name: string; column_name: string; udt_name: string }>`
      select table_name, column_name, udt_name from information_schema.columns
      where table_schema = current_schema() and table_name in (${sql.join(tables)})`.execute(db)
  ).rows) {
    if (!types.has(r.table_name)) types.set(r.table_name, new Map());
    types.get(r.table_name)!.set(r.column_name, r.udt_name);
  }
  return {
    insert: async (table, rows) => {
      if (!rows.length) return;
      const cols = Object.keys(rows[0]!);
      const arrays = cols.map((c) => sql`${rows.map((r) => r[c] ?? null)}::${sql.raw(types.get(table)!.get(c)!)}[]`);
      await sql`insert into ${sql.id(table)} (${sql.join(cols.map((c) => sql.id(c)))})
        select * from unnest(${sql.join(arrays)})`.execute(db);
    },
    finish: async () => {
      for (const i of indexes) await sql.raw(i.def).execute(db);
      // The whole database, as autovacuum would have by then (the divisions seeded just before too): statistics, and
      // the visibility map that lets index-only scans skip the table.
      await sql`vacuum analyze`.execute(db);
    },
  };
}

/** Writes the persons with their encrypted names and blind-indexed name terms, as intake builds them. */
export async function loadPersons(ctx: Context, generated: FakePerson[], each?: (i: number, personId: string) => void) {
  const people = new People(ctx);
  const loader = await bulkLoader(ctx, ['persons', 'person_name_keys']);
  const batch = 20_000;
  for (let i = 0; i < generated.length; i += batch) {
    const persons: Record<string, unknown>[] = [];
    const keys: Record<string, unknown>[] = [];
    for (const [j, g] of generated.slice(i, i + batch).entries()) {
      const { row, keys: k } = people.build({
        prs_FirstName: [g.givenName, g.secondGiven].filter(Boolean).join(' '),
        prs_SecondName: g.surnames.join(' '),
        prs_Birthdate: g.birthDate,
        prs_Gender: g.gender,
        local_Languages: [],
        prs_Citizenship: [],
      });
      persons.push({ ...row });
      for (const key_index of new Set(k)) keys.push({ person_id: row.id, key_index });
      each?.(i + j, row.id);
    }
    await loader.insert('persons', persons);
    await loader.insert('person_name_keys', keys);
  }
  await loader.finish();
}
