import type { Kysely } from 'kysely';

// Cooperation agreements, local plans on the four axes, actions, indicators with disaggregated values,
// prevention activities and policy instruments. No personal data lives here.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  const id = 'varchar(36)';
  await db.schema
    .createTable('agreements')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('parties', 'text', (c) => c.notNull())
    .addColumn('country_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('signed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)')
    .addColumn('renewed_from', id)
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agreement_commitments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('agreement_id', id, (c) => c.notNull().references('agreements.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('responsible_org_id', id)
    .addColumn('due_on', 'varchar(10)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('local_plans')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('country_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('year_from', 'integer', (c) => c.notNull())
    .addColumn('year_to', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('agreement_id', id)
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('local_plans_place_idx')
    .on('local_plans')
    .columns(['country_code', 'division_code'])
    .execute();
  await db.schema
    .createTable('plan_objectives')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('plan_id', id, (c) => c.notNull().references('local_plans.id'))
    .addColumn('axis', 'varchar(20)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('national_objective', 'varchar(40)')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('plan_actions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('plan_id', id, (c) => c.notNull().references('local_plans.id'))
    .addColumn('objective_id', id, (c) => c.notNull().references('plan_objectives.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('responsible_org_id', id)
    .addColumn('budget_planned', 'numeric(14, 2)', (c) => c.notNull())
    .addColumn('budget_executed', 'numeric(14, 2)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)')
    .addColumn('ends_on', 'varchar(10)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('commitment_id', id)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('plan_indicators')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('plan_id', id, (c) => c.notNull().references('local_plans.id'))
    .addColumn('action_id', id)
    .addColumn('code', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('unit', 'varchar(10)', (c) => c.notNull())
    .addColumn('source', 'varchar(40)', (c) => c.notNull())
    .addColumn('baseline', 'numeric(14, 2)')
    .addColumn('dimensions', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('indicator_values')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('indicator_id', id, (c) => c.notNull().references('plan_indicators.id'))
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('value', 'numeric(14, 2)', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('entered_by', id, (c) => c.notNull())
    .addColumn('entered_at', ts, (c) => c.notNull())
    .addUniqueConstraint('indicator_values_period_uq', ['indicator_id', 'period'])
    .execute();
  await db.schema
    .createTable('prevention_activities')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('plan_id', id, (c) => c.notNull().references('local_plans.id'))
    .addColumn('action_id', id)
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(32)')
    .addColumn('language', 'varchar(10)')
    .addColumn('organisers', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('materials', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('policy_instruments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('plan_id', id, (c) => c.notNull().references('local_plans.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('objective_ids', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // Documents and evidence: of a plan (optionally of one action or instrument) or of an agreement.
  await db.schema
    .createTable('plan_documents')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('parent_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('parent_id', id, (c) => c.notNull())
    .addColumn('action_id', id)
    .addColumn('instrument_id', id)
    .addColumn('mime', 'varchar(60)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(200)')
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_documents_parent_idx')
    .on('plan_documents')
    .columns(['parent_type', 'parent_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'plan_documents',
    'policy_instruments',
    'prevention_activities',
    'indicator_values',
    'plan_indicators',
    'plan_actions',
    'plan_objectives',
    'local_plans',
    'agreement_commitments',
    'agreements',
  ])
    await db.schema.dropTable(t).execute();
}
