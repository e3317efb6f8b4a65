import type { Kysely } from 'kysely';

// Issue 21, retention: how long each type of record is kept (src/modules/retention) and the notices of the daily job
// (warned, held, done). Schedules are configuration an administrator edits; these rows are the starting point.
// Periods are months, except public reports, which count days: their row's `days` null means the configured
// MINKA_REPORT_RETENTION_DAYS. Notices hold ids, dates and flags only, never personal data.
const schedules: [recordType: string, months: number | null, days: number | null, warningDays: number][] = [
  ['closed_cases', 120, null, 30],
  ['persons', 120, null, 30],
  ['referrals', 60, null, 30],
  ['attachments', 60, null, 30],
  ['audit', 120, null, 30],
  ['reports', null, null, 7],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  const id = 'varchar(36)';
  await db.schema
    .createTable('retention_schedules')
    .addColumn('record_type', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('months', 'integer')
    .addColumn('days', 'integer')
    .addColumn('warning_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', id)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('retention_notices')
    .addColumn('record_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('record_id', id, (c) => c.notNull())
    // The case the record belongs to (the person's latest case for a person): scope checks and the upcoming list.
    .addColumn('case_id', id)
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('warned_at', ts)
    .addColumn('done_at', ts)
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_notices_pk', ['record_type', 'record_id'])
    .execute();
  await db.schema
    .createIndex('retention_notices_open')
    .on('retention_notices')
    .columns(['done_at', 'due_on'])
    .execute();
  const now = new Date().toISOString();
  const q = db as Kysely<Record<string, Record<string, unknown>>>;
  await q
    .insertInto('retention_schedules')
    .values(
      schedules.map(([record_type, months, days, warning_days]) => ({
        record_type,
        months,
        days,
        warning_days,
        updated_by: null,
        updated_at: now,
      })),
    )
    .execute();
  // Administrators edit the schedules (roles are data: add to what an installation has).
  const role = await q.selectFrom('roles').select('permissions').where('key', '=', 'administrator').executeTakeFirst();
  if (role) {
    const perms = new Set(JSON.parse(String(role.permissions)) as string[]);
    perms.add('retention:manage');
    await q
      .updateTable('roles')
      .set({ permissions: JSON.stringify([...perms].sort()) })
      .where('key', '=', 'administrator')
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retention_notices').execute();
  await db.schema.dropTable('retention_schedules').execute();
}
