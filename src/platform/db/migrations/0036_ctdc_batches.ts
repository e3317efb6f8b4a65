import type { Kysely } from 'kysely';

// Issue 21, CTDC batches: which de-identified rows were published in which batch (src/modules/insights/ctdc).
// Slot reserved; its owner fills it in.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
