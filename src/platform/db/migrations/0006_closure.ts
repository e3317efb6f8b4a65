import type { Kysely } from 'kysely';

// The role this migration adds where it is missing, frozen as it shipped.
const systemRoles: Record<string, string[]> = {
  service_provider: ['organisations:read', 'referrals:receive'],
};

// Closure requests a supervisor approves or returns; referral reason, details and acceptance date; the service-provider role for shelters and other
// receivers that should see only the cases referred to them.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  await db.schema
    .createTable('case_closure_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('requested_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('decided_by', 'varchar(36)')
    .addColumn('decided_at', ts)
    .addColumn('comment_enc', 'text')
    .execute();
  // HTCDS cas_ referral fields: reason picklist, details (encrypted), and the date the receiver accepted.
  await db.schema
    .alterTable('referrals')
    .addColumn('reason', 'varchar(40)', (c) => c.notNull().defaultTo('AdditionalServicesRequired'))
    .execute();
  await db.schema.alterTable('referrals').addColumn('details_enc', 'text').execute();
  await db.schema.alterTable('referrals').addColumn('accepted_at', ts).execute();
  await db.schema.createIndex('closure_requests_case_idx').on('case_closure_requests').column('case_id').execute();
  const q = db as Kysely<{
    roles: { key: string; label: null; permissions: string; system: number; created_at: string; updated_at: string };
  }>;
  const now = new Date().toISOString();
  const have = new Set((await q.selectFrom('roles').select('key').execute()).map((r) => r.key));
  const missing = Object.entries(systemRoles).filter(([key]) => !have.has(key));
  if (missing.length)
    await q
      .insertInto('roles')
      .values(
        missing.map(([key, perms]) => ({
          key,
          label: null,
          permissions: JSON.stringify([...perms].sort()),
          system: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_closure_requests').execute();
  for (const c of ['reason', 'details_enc', 'accepted_at'])
    await db.schema.alterTable('referrals').dropColumn(c).execute();
  const q = db as Kysely<{ roles: { key: string }; user_roles: { role_key: string } }>;
  await q.deleteFrom('user_roles').where('role_key', '=', 'service_provider').execute();
  await q.deleteFrom('roles').where('key', '=', 'service_provider').execute();
}
