import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Request and report limits counted where every node sees them (issue 18). A key is a keyed hash that changes every
// window, never an address; a row is deleted soon after it expires. On PostgreSQL the table is UNLOGGED: a counter
// needs no crash safety or replica, and skipping the write-ahead log keeps a hit per request cheap.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_counters')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_counters_expires').on('rate_counters').column('expires_at').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`alter table rate_counters set unlogged`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_counters').execute();
}
