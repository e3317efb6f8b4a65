import type { Kysely } from 'kysely';

// Jobs. `job_queue` keeps on-demand jobs (an HTCDS import) of a single-node installation (SQLite) so a restart
// resumes them; on PostgreSQL pg-boss keeps its queue in its own schema (`pgboss`, created by pg-boss at start).
// `htcds_import_rows` records each imported row with the case it opened, in the same transaction as the case,
// so an import that resumes after its process died imports every row exactly once.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  await db.schema
    .createTable('job_queue')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_after', ts, (c) => c.notNull())
    .addColumn('error', 'varchar(200)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_queue_due_idx').on('job_queue').columns(['state', 'run_after']).execute();

  await db.schema
    .createTable('htcds_import_rows')
    .addColumn('import_id', 'varchar(36)', (c) => c.notNull().references('htcds_imports.id').onDelete('cascade'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'varchar(36)')
    .addColumn('linked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addPrimaryKeyConstraint('htcds_import_rows_pk', ['import_id', 'row_no'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('htcds_import_rows').execute();
  await db.schema.dropTable('job_queue').execute();
}
