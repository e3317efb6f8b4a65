import type { Kysely } from 'kysely';

// The monthly snapshot of the analytical cube that protected dashboards are served from: written once per month
// by the first process that needs it, then read by every process, so all of them publish the same figures.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('insight_snapshots')
    .addColumn('period', 'varchar(7)', (c) => c.primaryKey())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('insight_snapshots').execute();
}
