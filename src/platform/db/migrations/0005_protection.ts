import type { Kysely } from 'kysely';

// Service directory and referrals between organisations, with consent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await upFiles(db);
  const ts = 'varchar(30)';
  await db.schema
    .createTable('providers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)')
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('country_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(32)')
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('min_age', 'integer')
    .addColumn('max_age', 'integer')
    .addColumn('sexes', 'text', (c) => c.notNull())
    .addColumn('contact', 'varchar(300)')
    .addColumn('hours', 'varchar(200)')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('providers_place_idx')
    .on('providers')
    .columns(['country_code', 'division_code'])
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('provider_id', 'varchar(36)', (c) => c.references('providers.id'))
    .addColumn('to_org_id', 'varchar(36)')
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('override_reason_enc', 'text')
    .addColumn('response_reason_enc', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referrals_case_idx').on('referrals').column('case_id').execute();
  await db.schema.createIndex('referrals_org_idx').on('referrals').columns(['to_org_id', 'status']).execute();

  await db.schema
    .createTable('referral_services')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('referral_id', 'varchar(36)', (c) => c.notNull().references('referrals.id'))
    .addColumn('service', 'varchar(60)', (c) => c.notNull())
    .addColumn('notes_enc', 'text')
    .addColumn('delivered_at', ts, (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)', (c) => c.notNull())
    .execute();
}

export async function upFiles(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  await db.schema
    .createTable('case_files')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('mime', 'varchar(40)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('name_enc', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('case_id', 'varchar(36)')
    .addColumn('task_id', 'varchar(36)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  await db.schema
    .createTable('support_plans')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('objectives_enc', 'text', (c) => c.notNull())
    .addColumn('action_plan_enc', 'text')
    .addColumn('types', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'varchar(10)')
    .addColumn('actual_end', 'varchar(10)')
    .addColumn('review_comment_enc', 'text')
    .addColumn('reviewed_by', 'varchar(36)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('legal_proceedings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('authority', 'varchar(200)')
    .addColumn('file_number_enc', 'text')
    .addColumn('outcome_enc', 'text')
    .addColumn('protection_measures_enc', 'text')
    .addColumn('victim_participates', 'integer')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('case_transfers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('to_org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('to_user_id', 'varchar(36)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason_enc', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('responded_at', ts)
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'legal_proceedings',
    'support_plans',
    'notifications',
    'case_files',
    'referral_services',
    'referrals',
    'providers',
  ])
    await db.schema.dropTable(t).execute();
}
