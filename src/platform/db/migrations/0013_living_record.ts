import type { Kysely } from 'kysely';

// The living case record: every record a caseworker edits carries a version (the contract for safe concurrent
// and offline edits); the person gains HTCDS marital status, primary/secondary language and contact details;
// trafficking events gain an end, means and forms of exploitation and a free-text place abroad; perpetrators
// gain a name, sex, citizenship, relation to the victim and organisation; a case keeps what a report suggested
// until the caseworker confirms it; and every change is kept field by field in record_changes, its values
// encrypted like the fields themselves.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  const add = async (table: string, column: string, type: string, def?: string | number) => {
    await db.schema
      .alterTable(table)
      .addColumn(column, type as 'text', (c) => (def === undefined ? c : c.notNull().defaultTo(def)))
      .execute();
  };
  await add('persons', 'marital_status', 'varchar(40)');
  await add('persons', 'primary_language', 'varchar(40)');
  await add('persons', 'secondary_language', 'varchar(40)');
  await add('persons', 'contact_enc', 'text');
  await add('persons', 'version', 'integer', 1);

  await add('cases', 'version', 'integer', 1);
  await add('cases', 'suggestions', 'text', '{}');

  await add('case_events', 'end_month', 'varchar(7)');
  await add('case_events', 'means', 'text', '[]');
  await add('case_events', 'exploitation', 'text', '[]');
  await add('case_events', 'place_enc', 'text');
  await add('case_events', 'version', 'integer', 1);
  await add('case_events', 'updated_at', ts);

  await add('case_perpetrators', 'given_names_enc', 'text');
  await add('case_perpetrators', 'surnames_enc', 'text');
  await add('case_perpetrators', 'gender', 'varchar(40)');
  await add('case_perpetrators', 'citizenship', 'varchar(2)');
  await add('case_perpetrators', 'relation', 'varchar(60)');
  await add('case_perpetrators', 'organisation_enc', 'text');
  await add('case_perpetrators', 'version', 'integer', 1);
  await add('case_perpetrators', 'updated_at', ts);

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
    .addColumn('actor_user_id', 'varchar(36)')
    .addColumn('actor_org_id', 'varchar(36)')
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_changes_case_idx').on('record_changes').columns(['case_id', 'at']).execute();
  await db.schema
    .createIndex('record_changes_record_idx')
    .on('record_changes')
    .columns(['record_type', 'record_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('record_changes').execute();
  const drop = async (table: string, columns: string[]) => {
    for (const c of columns) await db.schema.alterTable(table).dropColumn(c).execute();
  };
  await drop('case_perpetrators', [
    'given_names_enc',
    'surnames_enc',
    'gender',
    'citizenship',
    'relation',
    'organisation_enc',
    'version',
    'updated_at',
  ]);
  await drop('case_events', ['end_month', 'means', 'exploitation', 'place_enc', 'version', 'updated_at']);
  await drop('cases', ['version', 'suggestions']);
  await drop('persons', ['marital_status', 'primary_language', 'secondary_language', 'contact_enc', 'version']);
}
