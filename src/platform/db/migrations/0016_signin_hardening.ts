import type { Kysely } from 'kysely';

// Sign-in that an attacker cannot use to lock a person out: devices that have signed in before are remembered by a
// random cookie (only its SHA-256 is kept, with no address or browser description), so attempts from them are
// throttled apart from everyone else's; and the last accepted TOTP time step, so a code works once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('known_devices')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('known_devices_user').on('known_devices').column('user_id').execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
  await db.schema.dropTable('known_devices').execute();
}
