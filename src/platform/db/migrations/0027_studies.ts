import type { Kysely } from 'kysely';

// Issue 19 (studies): filled in by its module's work.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
