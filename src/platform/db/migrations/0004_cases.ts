import type { Kysely } from 'kysely';

// Victim case management on the HTCDS 2.0 vocabulary. Names, dates of birth, identity numbers and free
// text are encrypted; sex, age, ethnicity, place, month and forms of exploitation stay plain for statistics.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  const id = (n: string) => db.schema.createTable(n).addColumn('id', 'varchar(36)', (c) => c.primaryKey());
  await id('persons')
    .addColumn('given_names_enc', 'text')
    .addColumn('surnames_enc', 'text')
    .addColumn('birthdate_enc', 'text')
    .addColumn('birthdate_index', 'varchar(64)')
    .addColumn('birth_year', 'integer')
    .addColumn('gender', 'varchar(30)')
    .addColumn('ethnicity', 'varchar(30)')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('citizenship', 'text', (c) => c.notNull())
    .addColumn('identity_enc', 'text')
    .addColumn('identity_index', 'varchar(64)')
    .addColumn('merged_into', 'varchar(36)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_identity_idx').on('persons').column('identity_index').execute();
  await db.schema
    .createTable('person_name_keys')
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id'))
    .addColumn('key_index', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_name_keys_pk', ['key_index', 'person_id'])
    .execute();

  await id('cases')
    .addColumn('code', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('persons.id'))
    .addColumn('original_person_id', 'varchar(36)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('country_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('owner_org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('owner_user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('assigned_user_id', 'varchar(36)')
    .addColumn('is_minor', 'integer', (c) => c.notNull())
    .addColumn('age_at_intake', 'integer')
    .addColumn('age_when_trafficked', 'integer')
    .addColumn('trafficking_status', 'varchar(40)')
    .addColumn('decision_org', 'varchar(40)')
    .addColumn('decision_reason_enc', 'text')
    .addColumn('decided_at', ts)
    .addColumn('exploitation', 'text', (c) => c.notNull())
    .addColumn('recruitment_methods', 'text', (c) => c.notNull())
    .addColumn('relationship_to_trafficker', 'varchar(20)')
    .addColumn('guardian_enc', 'text')
    .addColumn('best_interest_enc', 'text')
    .addColumn('closure_reason_enc', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('closed_at', ts)
    .execute();
  await db.schema.createIndex('cases_list_idx').on('cases').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('cases_division_idx').on('cases').columns(['division_code', 'created_at']).execute();
  await db.schema.createIndex('cases_person_idx').on('cases').column('person_id').execute();

  await id('case_events')
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('country_code', 'varchar(2)')
    .addColumn('division_code', 'varchar(32)')
    .addColumn('month', 'varchar(7)')
    .addColumn('description_enc', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await id('case_perpetrators')
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('details_enc', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await id('case_comments')
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('author_user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await id('case_tasks')
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('assignee_user_id', 'varchar(36)')
    .addColumn('note_enc', 'text')
    .addColumn('notified_at', 'varchar(30)')
    .addColumn('authority', 'varchar(60)')
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('done_at', ts)
    .addColumn('done_by', 'varchar(36)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_tasks_open_idx').on('case_tasks').columns(['case_id', 'done_at']).execute();
  await id('case_screenings')
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('config_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('version', 'varchar(40)', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await id('consents')
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('scope', 'varchar(40)', (c) => c.notNull())
    .addColumn('organisation_id', 'varchar(36)')
    .addColumn('given_by', 'varchar(20)', (c) => c.notNull())
    .addColumn('giver_name_enc', 'text')
    .addColumn('given_at', ts, (c) => c.notNull())
    .addColumn('withdrawn_at', ts)
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'consents',
    'case_screenings',
    'case_tasks',
    'case_comments',
    'case_events',
    'cases',
    'person_name_keys',
    'persons',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
