import type { Kysely } from 'kysely';

// HTCDS import jobs: the validation report (rows, columns and codes, never values), progress counters, and the
// parsed rows encrypted until the commit step has used them.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  await db.schema
    .createTable('htcds_imports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('country_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('format', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('linked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('ignored_columns', 'text', (c) => c.notNull())
    .addColumn('rows_enc', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
  await db.schema.createIndex('htcds_imports_creator_idx').on('htcds_imports').column('created_by').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('htcds_imports').execute();
}
