import type { Kysely } from 'kysely';

// Issue 21, retention: schedules per record type and the warnings before anonymisation (src/modules/retention).
// Slot reserved; its owner fills it in.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
