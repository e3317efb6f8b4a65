import type { Kysely } from 'kysely';

// Issue 21, rights: the data-subject request log, legal holds and restriction/objection flags (src/modules/rights).
// Slot reserved; its owner fills it in.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
