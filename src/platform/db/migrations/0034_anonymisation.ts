import type { Kysely } from 'kysely';

// Issue 21, anonymisation: markers of anonymised persons and cases (src/modules/rights/anonymise.ts).
// Slot reserved; its owner fills it in.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
