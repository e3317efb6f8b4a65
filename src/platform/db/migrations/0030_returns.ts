import type { Kysely } from 'kysely';

// Issue 20, returns: cross-border cases and returns. Directory providers get a kind (a service provider, a foreign
// authority or a consulate); a case records what it exchanged with foreign authorities (and the documents, which are
// case files), the family tracing and assessment before a return, the return itself and the reintegration plan with
// its monitoring visits (each visit a `case_tasks` row of kind 'monitoring_visit' until it is recorded).
// Personal data (names, contacts, notes, the child's view, routes, reference numbers) is sealed (`_enc`); places,
// dates, directions, results and decisions stay plain so that figures need no decryption.
export async function up(db: Kysely<unknown>): Promise<void> {
  const providers = (await db.introspection.getTables()).find((t) => t.name === 'providers');
  if (!providers?.columns.some((c) => c.name === 'kind'))
    await db.schema
      .alterTable('providers')
      .addColumn('kind', 'varchar(20)', (c) => c.notNull().defaultTo('service'))
      .execute();
  const audit = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t
      .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull());
  await audit(
    db.schema
      .createTable('cross_border_exchanges')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
      // incoming (the case was received from the authority) | outgoing (referred to it)
      .addColumn('direction', 'varchar(10)', (c) => c.notNull())
      .addColumn('authority_provider_id', 'varchar(36)')
      .addColumn('country', 'varchar(2)', (c) => c.notNull())
      .addColumn('division', 'varchar(10)')
      .addColumn('exchanged_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('reference_enc', 'text')
      .addColumn('notes_enc', 'text'),
  ).execute();
  await db.schema.createIndex('cross_border_exchanges_case').on('cross_border_exchanges').column('case_id').execute();
  await audit(
    db.schema
      .createTable('cross_border_documents')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('exchange_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('file_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('doc_type', 'varchar(30)', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('cross_border_documents_case').on('cross_border_documents').column('case_id').execute();
  await audit(
    db.schema
      .createTable('family_tracings')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('traced_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('traced_by_enc', 'text', (c) => c.notNull())
      .addColumn('country', 'varchar(2)', (c) => c.notNull())
      .addColumn('division', 'varchar(32)', (c) => c.notNull())
      // found | not_found
      .addColumn('result', 'varchar(12)', (c) => c.notNull())
      .addColumn('family_contact_enc', 'text')
      .addColumn('notes_enc', 'text'),
  ).execute();
  await db.schema.createIndex('family_tracings_case').on('family_tracings').column('case_id').execute();
  await audit(
    db.schema
      .createTable('family_assessments')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('assessed_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('assessor_enc', 'text', (c) => c.notNull())
      .addColumn('findings_enc', 'text', (c) => c.notNull())
      .addColumn('child_view_enc', 'text', (c) => c.notNull())
      // The best-interest decision: return | do_not_return | defer
      .addColumn('decision', 'varchar(16)', (c) => c.notNull())
      .addColumn('reasons_enc', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('family_assessments_case').on('family_assessments').column('case_id').execute();
  await audit(
    db.schema
      .createTable('case_returns')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('assessment_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('from_country', 'varchar(2)', (c) => c.notNull())
      .addColumn('from_division', 'varchar(10)')
      .addColumn('to_country', 'varchar(2)', (c) => c.notNull())
      .addColumn('to_division', 'varchar(32)', (c) => c.notNull())
      .addColumn('departed_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('arrived_on', 'varchar(10)')
      .addColumn('route_enc', 'text')
      .addColumn('accompanying_enc', 'text')
      // family | caseworker | consular | police | other
      .addColumn('accompanying_role', 'varchar(16)')
      .addColumn('receiving_org_id', 'varchar(36)')
      .addColumn('receiving_provider_id', 'varchar(36)')
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('case_returns_case').on('case_returns').column('case_id').execute();
  await audit(
    db.schema
      .createTable('reintegration_plans')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('return_id', 'varchar(36)', (c) => c.notNull())
      // open | closed
      .addColumn('status', 'varchar(10)', (c) => c.notNull())
      // The catalogue months the visits were scheduled from, as JSON (the catalogue may change later).
      .addColumn('months', 'text', (c) => c.notNull())
      .addColumn('goals_enc', 'text')
      .addColumn('outcome', 'varchar(24)')
      .addColumn('closed_on', 'varchar(10)')
      .addColumn('closed_by', 'varchar(36)'),
  ).execute();
  await db.schema
    .createIndex('reintegration_plans_return')
    .on('reintegration_plans')
    .column('return_id')
    .unique()
    .execute();
  await db.schema.createIndex('reintegration_plans_case').on('reintegration_plans').column('case_id').execute();
  await audit(
    db.schema
      .createTable('monitoring_visits')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('plan_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('month', 'integer', (c) => c.notNull())
      .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('task_id', 'varchar(36)')
      .addColumn('done_on', 'varchar(10)')
      // on_track | concern | at_risk | not_found
      .addColumn('outcome', 'varchar(16)')
      .addColumn('notes_enc', 'text')
      .addColumn('recorded_by', 'varchar(36)'),
  ).execute();
  await db.schema.createIndex('monitoring_visits_plan').on('monitoring_visits').column('plan_id').execute();
  await db.schema.createIndex('monitoring_visits_case').on('monitoring_visits').column('case_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'monitoring_visits',
    'reintegration_plans',
    'case_returns',
    'family_assessments',
    'family_tracings',
    'cross_border_documents',
    'cross_border_exchanges',
  ])
    await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('providers').dropColumn('kind').execute();
}
