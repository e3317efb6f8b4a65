import type { Kysely } from 'kysely';

// Issue 20, prosecution: structured criminal proceedings of a case. A complaint (filed on, by which institution, to
// which prosecutor's office, its file number sealed), its current stage (a `proceeding_stage` catalogue key) and
// when it was first prosecuted, the stage history, the suspects (the case's own perpetrators), the charges by offence
// (an `offence` catalogue key), the hearings, and the outcome with sentence and reparation. Codes, dates and amounts
// stay plain so the figures count them without decrypting; names, notes, file numbers and reparations are sealed.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  const id = 'varchar(36)';
  const day = 'varchar(10)';
  await db.schema
    .createTable('complaints')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('case_id', id, (c) => c.notNull())
    .addColumn('filed_on', day, (c) => c.notNull())
    .addColumn('institution', 'varchar(200)')
    .addColumn('institution_org_id', id)
    .addColumn('prosecutor_office', 'varchar(200)')
    .addColumn('prosecutor_org_id', id)
    .addColumn('file_number_enc', 'text')
    .addColumn('stage', 'varchar(60)', (c) => c.notNull())
    .addColumn('charged_on', day)
    .addColumn('outcome', 'varchar(20)')
    .addColumn('outcome_on', day)
    .addColumn('sentence_months', 'integer')
    .addColumn('fine_amount', 'double precision')
    .addColumn('reparation_enc', 'text')
    .addColumn('reparation_amount', 'double precision')
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_case_idx').on('complaints').columns(['case_id']).execute();

  await db.schema
    .createTable('complaint_stages')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('complaint_id', id, (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('case_id', id, (c) => c.notNull())
    .addColumn('stage', 'varchar(60)', (c) => c.notNull())
    .addColumn('reached_on', day, (c) => c.notNull())
    .addColumn('recorded_by', id, (c) => c.notNull())
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_stages_complaint_idx')
    .on('complaint_stages')
    .columns(['complaint_id'])
    .execute();

  await db.schema
    .createTable('complaint_suspects')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('complaint_id', id, (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('case_id', id, (c) => c.notNull())
    .addColumn('perpetrator_id', id, (c) => c.notNull())
    .addColumn('outcome', 'varchar(20)')
    .addColumn('sentence_months', 'integer')
    .addColumn('fine_amount', 'double precision')
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('complaint_suspects_uq', ['complaint_id', 'perpetrator_id'])
    .execute();

  await db.schema
    .createTable('complaint_charges')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('complaint_id', id, (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('case_id', id, (c) => c.notNull())
    .addColumn('suspect_id', id, (c) => c.notNull().references('complaint_suspects.id').onDelete('cascade'))
    .addColumn('offence', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('complaint_charges_uq', ['suspect_id', 'offence'])
    .execute();
  await db.schema
    .createIndex('complaint_charges_complaint_idx')
    .on('complaint_charges')
    .columns(['complaint_id'])
    .execute();

  await db.schema
    .createTable('complaint_hearings')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('complaint_id', id, (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('case_id', id, (c) => c.notNull())
    .addColumn('held_on', day, (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('result_enc', 'text')
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_hearings_complaint_idx')
    .on('complaint_hearings')
    .columns(['complaint_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['complaint_hearings', 'complaint_charges', 'complaint_suspects', 'complaint_stages', 'complaints'])
    await db.schema.dropTable(t).execute();
}
