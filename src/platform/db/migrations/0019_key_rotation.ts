import type { Kysely } from 'kysely';

// A data-key or blind-index-key rotation re-encrypts or recomputes every value in batches while the service runs;
// its progress (phase and the last row done in each table) is kept here so that a crash mid-way resumes
// where it stopped instead of starting over or leaving values under a key that gets destroyed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('key_rotations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('new_key_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('old_key_ids', 'text', (c) => c.notNull())
    .addColumn('phase', 'varchar(20)', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('batches', 'integer', (c) => c.notNull())
    .addColumn('changed', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('not_before', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('key_rotations').execute();
}
