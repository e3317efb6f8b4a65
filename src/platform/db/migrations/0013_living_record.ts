import type { Kysely } from 'kysely';

// The living case record: every editable record carries a version (optimistic concurrency, and the contract
// offline sync uses); persons, events and perpetrators gain the HTCDS fields intake could not write; a case keeps
// suggestions (from a report) apart from recorded facts; record_changes keeps field-level history with the old
// and new values encrypted like the fields themselves.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  const add = async (table: string, cols: [string, string][]) => {
    for (const [name, type] of cols)
      await db.schema
        .alterTable(table)
        .addColumn(name, type as 'text')
        .execute();
  };
  const version = async (table: string) =>
    db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  for (const t of ['persons', 'cases', 'case_events', 'case_perpetrators']) await version(t);
  await add('persons', [
    ['marital_status', 'varchar(30)'],
    ['primary_language', 'varchar(10)'],
    ['secondary_language', 'varchar(10)'],
    ['contact_enc', 'text'],
  ]);
  await add('cases', [
    ['suggestions', 'text'],
    ['vulnerabilities', 'text'],
    ['vulnerability_details_enc', 'text'],
    ['recruitment_apps', 'text'],
    ['exploitation_apps', 'text'],
    // An incoming referral from outside Minka (police, a consulate, a school): who, when, why, details.
    ['referred_by_enc', 'text'],
    ['referred_on', 'varchar(10)'],
    ['referral_reason', 'varchar(40)'],
    ['referral_details_enc', 'text'],
  ]);
  await add('case_events', [
    ['end_month', 'varchar(7)'],
    ['means', 'text'],
    ['exploitation', 'text'],
    ['place_enc', 'text'],
    ['updated_at', ts],
  ]);
  await add('case_perpetrators', [
    ['given_names_enc', 'text'],
    ['surnames_enc', 'text'],
    ['gender', 'varchar(30)'],
    ['citizenship', 'text'],
    ['relation', 'varchar(20)'],
    ['updated_at', ts],
  ]);
  await db.schema
    .createTable('record_changes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('record_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('record_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('values_enc', 'text')
    .addColumn('reason_enc', 'text')
    .addColumn('restores_id', 'varchar(36)')
    .addColumn('actor_user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('actor_org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_changes_case_idx').on('record_changes').columns(['case_id', 'at']).execute();
  await db.schema
    .createIndex('record_changes_record_idx')
    .on('record_changes')
    .columns(['record_type', 'record_id', 'version'])
    .execute();
  await db.schema.createIndex('cases_stage_idx').on('cases').columns(['stage', 'updated_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_stage_idx').execute();
  await db.schema.dropTable('record_changes').execute();
  const drop = async (table: string, cols: string[]) => {
    for (const c of cols) await db.schema.alterTable(table).dropColumn(c).execute();
  };
  await drop('case_perpetrators', [
    'version',
    'given_names_enc',
    'surnames_enc',
    'gender',
    'citizenship',
    'relation',
    'updated_at',
  ]);
  await drop('case_events', ['version', 'end_month', 'means', 'exploitation', 'place_enc', 'updated_at']);
  await drop('cases', [
    'version',
    'suggestions',
    'vulnerabilities',
    'vulnerability_details_enc',
    'recruitment_apps',
    'exploitation_apps',
    'referred_by_enc',
    'referred_on',
    'referral_reason',
    'referral_details_enc',
  ]);
  await drop('persons', ['version', 'marital_status', 'primary_language', 'secondary_language', 'contact_enc']);
}
