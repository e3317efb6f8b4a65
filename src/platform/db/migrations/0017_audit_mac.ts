import type { Kysely } from 'kysely';

// Audit entries are chained with HMAC-SHA256 under a key derived from the master key (never stored here);
// key_id names that key ("v1" = derived from master key v1). Entries written before this migration keep
// key_id NULL and their plain SHA-256 hashes: the first entry with a key_id is where the keyed chain starts,
// and its MAC covers the last plain hash, so the older part cannot be rewritten without breaking it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('key_id', 'varchar(20)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('key_id').execute();
}
