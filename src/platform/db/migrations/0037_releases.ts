import type { Kysely } from 'kysely';

// Issue 21, releases: what the release design keeps between releases (src/modules/insights/release.ts).
// Slot reserved; its owner fills it in.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
