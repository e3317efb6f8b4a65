import type { Kysely } from 'kysely';

// Issue 20, board: the protection-board procedure of a child's case. What was notified to the Junta Cantonal de
// Protección de Derechos and how it was delivered, the board's hearings, the administrative protection measures it (or a
// judge) decided, their reviews and their judicial ratification. Facts, requests, receivers, attendees, notes, court
// references and who answers for a measure (often a relative or a foster family) are sealed; types, dates, statuses
// and methods stay plain so the figures can count them.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  const id = 'varchar(36)';
  const day = 'varchar(10)';
  await db.schema
    .createTable('board_notifications')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('case_id', id, (c) => c.notNull().references('cases.id'))
    .addColumn('created_on', day, (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('facts_enc', 'text', (c) => c.notNull())
    .addColumn('request_enc', 'text', (c) => c.notNull())
    .addColumn('sender_org_id', id, (c) => c.notNull())
    .addColumn('due_at', ts)
    .addColumn('delivered_at', ts)
    .addColumn('delivery_method', 'varchar(30)')
    .addColumn('delivered_by', id)
    .addColumn('receiver_enc', 'text')
    .addColumn('proof_file_id', id)
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_notifications_case_idx').on('board_notifications').columns(['case_id']).execute();

  await db.schema
    .createTable('board_hearings')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('case_id', id, (c) => c.notNull().references('cases.id'))
    .addColumn('held_on', day, (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('attendees_enc', 'text')
    .addColumn('notes_enc', 'text')
    .addColumn('outcome_enc', 'text')
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_hearings_case_idx').on('board_hearings').columns(['case_id']).execute();

  await db.schema
    .createTable('board_measures')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('case_id', id, (c) => c.notNull().references('cases.id'))
    .addColumn('type', 'varchar(60)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(10)', (c) => c.notNull())
    .addColumn('decided_on', day, (c) => c.notNull())
    .addColumn('start_on', day, (c) => c.notNull())
    .addColumn('review_on', day)
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('ratification_due_on', day)
    .addColumn('ratification', 'varchar(10)')
    .addColumn('ratified_on', day)
    .addColumn('court_ref_enc', 'text')
    .addColumn('responsible_enc', 'text', (c) => c.notNull())
    .addColumn('hearing_id', id)
    .addColumn('notes_enc', 'text')
    .addColumn('ended_on', day)
    .addColumn('end_reason_enc', 'text')
    .addColumn('review_task_id', id)
    .addColumn('ratification_task_id', id)
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_measures_case_idx').on('board_measures').columns(['case_id']).execute();

  await db.schema
    .createTable('board_measure_reviews')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('measure_id', id, (c) => c.notNull().references('board_measures.id'))
    .addColumn('case_id', id, (c) => c.notNull())
    .addColumn('reviewed_on', day, (c) => c.notNull())
    .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
    .addColumn('notes_enc', 'text')
    .addColumn('next_review_on', day)
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('board_measure_reviews_measure_idx')
    .on('board_measure_reviews')
    .columns(['measure_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('board_measure_reviews').execute();
  await db.schema.dropTable('board_measures').execute();
  await db.schema.dropTable('board_hearings').execute();
  await db.schema.dropTable('board_notifications').execute();
}
