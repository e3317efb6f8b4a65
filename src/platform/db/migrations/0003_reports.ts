import type { Kysely } from 'kysely';

// The anonymous reporting channel. Free text, contact details and files are encrypted; the facts used
// for triage and statistics (forms of exploitation, a child involved, place, month) stay plain.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  // Human-friendly codes (DEN-2027-0001, GUA-2027-0042) come from counters, never from counting rows.
  await db.schema
    .createTable('sequences')
    .addColumn('name', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('reports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('language', 'varchar(10)', (c) => c.notNull())
    .addColumn('country_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('place_known', 'integer', (c) => c.notNull())
    .addColumn('forms', 'text', (c) => c.notNull())
    .addColumn('child_involved', 'integer')
    .addColumn('people_count', 'integer')
    .addColumn('danger_now', 'integer', (c) => c.notNull())
    .addColumn('occurred_month', 'varchar(7)')
    .addColumn('what_enc', 'text', (c) => c.notNull())
    .addColumn('place_text_enc', 'text')
    .addColumn('when_text_enc', 'text')
    .addColumn('contact_enc', 'text')
    .addColumn('contact_index', 'varchar(64)')
    .addColumn('receipt_locator', 'varchar(6)', (c) => c.unique())
    .addColumn('receipt_hash', 'text')
    .addColumn('assignee_user_id', 'varchar(36)')
    .addColumn('case_code', 'varchar(30)')
    .addColumn('reporter_activity_at', ts, (c) => c.notNull())
    .addColumn('purge_warned_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_queue_idx').on('reports').columns(['status', 'created_at']).execute();
  await db.schema
    .createIndex('reports_division_idx')
    .on('reports')
    .columns(['country_code', 'division_code'])
    .execute();
  await db.schema.createIndex('reports_contact_idx').on('reports').column('contact_index').execute();

  await db.schema
    .createTable('report_messages')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('report_id', 'varchar(36)', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('author', 'varchar(10)', (c) => c.notNull())
    .addColumn('staff_user_id', 'varchar(36)')
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_messages_report_idx').on('report_messages').column('report_id').execute();

  await db.schema
    .createTable('report_files')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('report_id', 'varchar(36)', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('mime', 'varchar(40)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('report_id', 'varchar(36)', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['report_sessions', 'report_files', 'report_messages', 'reports', 'sequences'])
    await db.schema.dropTable(t).execute();
}
