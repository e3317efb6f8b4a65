import type { Kysely } from 'kysely';

// Issue 20, board (protection-board procedure). Slot reserved; its owner fills it in.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
