import type { Kysely } from 'kysely';

// Issue 20, prosecution (structured prosecution data). Slot reserved; its owner fills it in.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
