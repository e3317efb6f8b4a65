import type { Kysely } from 'kysely';

// Offline field work: the devices that keep an encrypted copy of cases (the server can revoke one, and its copy is
// erased at its next contact), the cases each person marked for the field, and the idempotency keys that make a
// change sent twice apply once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('field_devices')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_sync_at', 'varchar(30)')
    .addColumn('cases_held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revoked_at', 'varchar(30)')
    .addColumn('revoked_by', 'varchar(36)')
    .addColumn('erased_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('field_devices_user').on('field_devices').column('user_id').execute();
  await db.schema
    .createTable('field_cases')
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('marked_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('field_cases_pk', ['user_id', 'case_id'])
    .execute();
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('key', 'varchar(64)', (c) => c.notNull())
    .addColumn('route', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('result', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();
  // What a follow-up found, written when it is marked done (encrypted like the task's note).
  await db.schema.alterTable('case_tasks').addColumn('outcome_enc', 'text').execute();
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_tasks').dropColumn('outcome_enc').execute();
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema.dropTable('field_cases').execute();
  await db.schema.dropTable('field_devices').execute();
}
