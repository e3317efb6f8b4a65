import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Attachments (case files, plan documents, report files) kept in the database, so that every node reads what any
// node stored: each file's ciphertext in chunks of at most 256 KiB, numbered from 0, written in one transaction.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('blob_chunks')
    .addColumn('blob_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bytes', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('blob_chunks_pk', ['blob_id', 'seq'])
    .execute();
  // The chunks are ciphertext: PostgreSQL would try to compress each one in vain before storing it out of line.
  if (postgres) await sql`alter table blob_chunks alter column bytes set storage external`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('blob_chunks').execute();
}
