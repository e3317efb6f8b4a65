import type { Kysely } from 'kysely';

// Issue 21, rights: the data-subject request log, legal holds on cases and restriction/objection flags on persons
// (src/modules/rights). Codes, rights, dates and statuses stay plain so the log can be listed and counted; who asked,
// what was asked (a note), the answer's note, a hold's reason and basis and a lifting's reason are sealed. Supervisors handle the requests.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  const id = 'varchar(36)';
  const day = 'varchar(10)';
  await db.schema
    .createTable('data_requests')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('code', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('person_id', id, (c) => c.notNull())
    .addColumn('case_id', id, (c) => c.notNull())
    .addColumn('right', 'varchar(20)', (c) => c.notNull())
    .addColumn('requester_enc', 'text')
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('language', 'varchar(10)', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('received_on', day, (c) => c.notNull())
    .addColumn('due_on', day, (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('answered_on', day)
    .addColumn('answered_by', id)
    .addColumn('outcome_enc', 'text')
    .addColumn('refusal_reason', 'varchar(30)')
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_requests_status_idx').on('data_requests').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('data_requests_person_idx').on('data_requests').columns(['person_id']).execute();
  await db.schema.createIndex('data_requests_case_idx').on('data_requests').columns(['case_id']).execute();

  await db.schema
    .createTable('legal_holds')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('case_id', id, (c) => c.notNull())
    .addColumn('reason_enc', 'text')
    .addColumn('basis_enc', 'text')
    .addColumn('placed_by', id, (c) => c.notNull())
    .addColumn('placed_at', ts, (c) => c.notNull())
    .addColumn('lifted_by', id)
    .addColumn('lifted_at', ts)
    .addColumn('lift_reason_enc', 'text')
    .execute();
  await db.schema.createIndex('legal_holds_case_idx').on('legal_holds').columns(['case_id']).execute();

  await db.schema
    .createTable('person_flags')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('person_id', id, (c) => c.notNull())
    .addColumn('flag', 'varchar(20)', (c) => c.notNull())
    .addColumn('request_id', id)
    .addColumn('set_by', id, (c) => c.notNull())
    .addColumn('set_at', ts, (c) => c.notNull())
    .addColumn('lifted_by', id)
    .addColumn('lifted_at', ts)
    .addColumn('lift_reason_enc', 'text')
    .execute();
  await db.schema.createIndex('person_flags_person_idx').on('person_flags').columns(['person_id']).execute();

  // Supervisors handle the requests (roles are data: add to what an installation has).
  const q = db as Kysely<Record<string, Record<string, unknown>>>;
  const role = await q.selectFrom('roles').select('permissions').where('key', '=', 'supervisor').executeTakeFirst();
  if (role) {
    const perms = new Set(JSON.parse(String(role.permissions)) as string[]);
    perms.add('rights:manage');
    await q
      .updateTable('roles')
      .set({ permissions: JSON.stringify([...perms].sort()) })
      .where('key', '=', 'supervisor')
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['person_flags', 'legal_holds', 'data_requests']) await db.schema.dropTable(t).execute();
}
