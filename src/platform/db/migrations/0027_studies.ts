import type { Kysely } from 'kysely';

// Issue 19, studies: research questionnaires run by an organisation over some parishes or cantons, and the answers
// interviewers collect (or that are imported from KoboToolbox/ODK). Respondents are codes, never names; the answers
// are sealed whole, and only the choices of select questions (categorical facts) stay plain for counting.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  const id = 'varchar(36)';
  await db.schema
    .createTable('studies')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', id, (c) => c.notNull())
    .addColumn('form_id', id)
    .addColumn('form_version_id', id)
    .addColumn('country_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('places', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('respondents', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('studies_owner_idx').on('studies').columns(['owner_org_id']).execute();

  await db.schema
    .createTable('study_submissions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('study_id', id, (c) => c.notNull().references('studies.id').onDelete('cascade'))
    .addColumn('form_version_id', id, (c) => c.notNull())
    .addColumn('respondent_code', 'varchar(60)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('interviewer_id', id)
    .addColumn('collected_at', ts, (c) => c.notNull())
    .addColumn('submitted_at', ts, (c) => c.notNull())
    .addColumn('answers_enc', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('source_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('consent_given', 'integer', (c) => c.notNull())
    .addUniqueConstraint('study_submissions_source_uq', ['study_id', 'source_id'])
    .addUniqueConstraint('study_submissions_respondent_uq', ['study_id', 'respondent_code'])
    .execute();
  await db.schema
    .createIndex('study_submissions_place_idx')
    .on('study_submissions')
    .columns(['study_id', 'division_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('study_submissions').execute();
  await db.schema.dropTable('studies').execute();
}
