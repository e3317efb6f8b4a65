import type { Kysely } from 'kysely';

// Issue 21, anonymisation (src/modules/rights/anonymise.ts): when a person or a case was anonymised (erasure under the
// LOPDP, or retention). Every sealed value and blind index of it is destroyed then; the plain facts stay, so figures do
// not move. The mark lets the living record refuse further writes (409 case_anonymised) and the case page say so.
// Sealed NOT NULL columns are not made nullable (SQLite would have to rebuild each table): they receive a sealed empty
// value instead (decrypts to '' — or '{}' for JSON answers), which holds nothing about anyone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('anonymised_at', 'varchar(30)').execute();
  await db.schema.alterTable('cases').addColumn('anonymised_at', 'varchar(30)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('anonymised_at').execute();
  await db.schema.alterTable('persons').dropColumn('anonymised_at').execute();
}
