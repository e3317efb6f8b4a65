import type { Kysely } from 'kysely';

// A field device proves it is itself when it asks, without a session, whether it may keep its copy or reports that
// it erased it: a secret given once at registration, of which only the SHA-256 is kept. Devices registered before
// have none and are answered as before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('field_devices').addColumn('secret_hash', 'varchar(64)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('field_devices').dropColumn('secret_hash').execute();
}
