import { type Kysely, sql } from 'kysely';

// Indexes for a national number of cases and persons (issue 18). The case list reads one index per way the actor
// reaches cases, already in the list's order (newest first, then id): an organisation's cases, an organisation's
// cases in one division, the cases assigned to a user. Duplicate look-ups read persons born on a date by its blind
// index, and a person's name terms are replaced by person (every name change and index rotation) and checked by
// person (a name search walking the list).
// Names are now indexed under every two and three of their keys too: persons already stored get them from the cases
// module's backfill job, which this marker starts (its value: the last person id done).
const nameTermsBackfill = 'cases.name_terms_after';
const indexes: [name: string, table: string, columns: string[]][] = [
  ['cases_owner_idx', 'cases', ['owner_org_id', 'created_at', 'id']],
  ['cases_place_idx', 'cases', ['division_code', 'owner_org_id', 'created_at', 'id']],
  ['cases_assigned_idx', 'cases', ['assigned_user_id', 'created_at', 'id']],
  ['persons_birthdate_idx', 'persons', ['birthdate_index']],
  ['person_name_keys_person_idx', 'person_name_keys', ['person_id', 'key_index']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of indexes) await db.schema.createIndex(name).on(table).columns(columns).execute();
  await sql`insert into meta (key, value, updated_at)
    select ${nameTermsBackfill}, '', ${new Date().toISOString()} where exists (select 1 from persons)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from meta where key = ${nameTermsBackfill}`.execute(db);
  for (const [name] of [...indexes].reverse()) await db.schema.dropIndex(name).execute();
}
