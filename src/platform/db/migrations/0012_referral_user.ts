import { type Kysely, sql } from 'kysely';

// A referral may name the caseworker who is to receive it (HTCDS cas_ReferredPrimaryCaseWorker), and a case has at
// most one pending closure request even when two arrive at once. Both were first written into 0006 after it had
// shipped, so databases created since then already have them: this migration adds only what is missing.
export async function up(db: Kysely<unknown>): Promise<void> {
  const referrals = (await db.introspection.getTables()).find((t) => t.name === 'referrals');
  if (!referrals?.columns.some((c) => c.name === 'to_user_id'))
    await db.schema.alterTable('referrals').addColumn('to_user_id', 'varchar(36)').execute();
  await db.schema
    .createIndex('closure_requests_one_pending')
    .ifNotExists()
    .on('case_closure_requests')
    .column('case_id')
    .unique()
    .where(sql<boolean>`status = 'pending'`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('closure_requests_one_pending').ifExists().execute();
  await db.schema.alterTable('referrals').dropColumn('to_user_id').execute();
}
