import { type Kysely, sql } from 'kysely';

// Need-to-know sharing: agreements by which one organisation opens the cases it owns in some places to another
// (the sections named, between two dates); the sections a consent covers (none listed = all); and when a referral
// completed, so that its access can end a set number of days later.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sharing_agreements')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('from_org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('to_org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('country_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('places', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ended_at', 'varchar(30)')
    .addColumn('ended_by', 'varchar(36)')
    .execute();
  await db.schema.createIndex('sharing_agreements_to').on('sharing_agreements').column('to_org_id').execute();
  await db.schema.alterTable('consents').addColumn('sections', 'text').execute();
  await db.schema.alterTable('referrals').addColumn('completed_at', 'varchar(30)').execute();
  await sql`update referrals set completed_at = updated_at where status = 'completed'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('referrals').dropColumn('completed_at').execute();
  await db.schema.alterTable('consents').dropColumn('sections').execute();
  await db.schema.dropTable('sharing_agreements').execute();
}
