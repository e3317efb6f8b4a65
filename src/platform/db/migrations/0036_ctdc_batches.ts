import type { Kysely } from 'kysely';

// Issue 21, CTDC batches (src/modules/insights/ctdc/batches.ts, store.ts): the CTDC-style file of a jurisdiction is
// the rows of its published batches, one batch at most per release period, each k-anonymous on its own; a
// published row is never changed. ctdc_batches: one row per (scope, period) decided, with the scope's fixed
// generalisation; ctdc_rows: the published generalised rows under an opaque random id (no link to a person);
// ctdc_published: which persons a scope has published, so that the others are held back for a later batch
// (kept apart from the rows: nothing here says which row is whose).
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = 'varchar(36)';
  await db.schema
    .createTable('ctdc_batches')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('scope', 'varchar(40)', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('generalisation', 'text')
    .addColumn('rows_published', 'integer', (c) => c.notNull())
    .addColumn('held_back', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('ctdc_batches_scope_period_uq', ['scope', 'period'])
    .addUniqueConstraint('ctdc_batches_scope_number_uq', ['scope', 'number'])
    .execute();
  await db.schema
    .createTable('ctdc_rows')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('batch_id', id, (c) => c.notNull().references('ctdc_batches.id'))
    .addColumn('scope', 'varchar(40)', (c) => c.notNull())
    .addColumn('batch_number', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('row', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ctdc_rows_scope_idx')
    .on('ctdc_rows')
    .columns(['scope', 'batch_number', 'position'])
    .execute();
  await db.schema
    .createTable('ctdc_published')
    .addColumn('scope', 'varchar(40)', (c) => c.notNull())
    .addColumn('person_id', id, (c) => c.notNull())
    .addColumn('batch_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ctdc_published_pk', ['scope', 'person_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ctdc_published').execute();
  await db.schema.dropTable('ctdc_rows').execute();
  await db.schema.dropTable('ctdc_batches').execute();
}
