import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Issue 20, insights: a person's fact carries what happened after identification (board measures decided,
// returns and reintegration outcomes, complaints, prosecutions and their outcomes, by year; see
// src/modules/insights/protection.ts), so the analytical store must hear of every write to those tables. Like
// migration 0024, triggers note the person of the case (before and after the write, when the case changes) in
// insight_changes; the store re-derives their fact on its next pass. Only the columns the figures read fire them.
const watched: { table: string; columns: string[] }[] = [
  { table: 'board_measures', columns: ['case_id', 'decided_on'] },
  { table: 'case_returns', columns: ['case_id', 'arrived_on'] },
  { table: 'reintegration_plans', columns: ['case_id', 'status', 'outcome', 'closed_on'] },
  { table: 'complaints', columns: ['case_id', 'filed_on', 'charged_on', 'outcome', 'outcome_on'] },
];

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

const noteCaseOf = (caseId: string) =>
  `insert into insight_changes (person_id) select person_id from cases where id = ${caseId};`;

const sqliteTriggers = watched.flatMap(({ table, columns }) => [
  `create trigger insight_${table}_insert after insert on ${table} begin ${noteCaseOf('new.case_id')} end`,
  `create trigger insight_${table}_update after update of ${columns.join(', ')} on ${table}
     begin ${noteCaseOf('old.case_id')} insert into insight_changes (person_id)
       select person_id from cases where id = new.case_id and new.case_id <> old.case_id; end`,
  `create trigger insight_${table}_delete after delete on ${table} begin ${noteCaseOf('old.case_id')} end`,
]);
const sqliteTriggerNames = sqliteTriggers.map((s) => /create trigger (\w+)/.exec(s)![1]!);

const postgresTriggers = [
  `create function insight_note_protection() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'INSERT' then ${noteCaseOf('old.case_id')} end if;
     if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.case_id is distinct from old.case_id) then
       ${noteCaseOf('new.case_id')}
     end if;
     return null;
   end $$`,
  ...watched.map(
    ({ table, columns }) =>
      `create trigger insight_note_${table} after insert or delete or update of ${columns.join(', ')} on ${table}
     for each row execute function insight_note_protection()`,
  ),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of isPostgres(db) ? postgresTriggers : sqliteTriggers) await sql.raw(statement).execute(db);
  // Facts stored before this migration have no protection entries: the next pass rebuilds the store.
  await sql.raw(`insert into insight_changes (person_id) values ('*')`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const { table } of watched)
      await sql.raw(`drop trigger if exists insight_note_${table} on ${table}`).execute(db);
    await sql.raw('drop function if exists insight_note_protection()').execute(db);
  } else for (const name of sqliteTriggerNames) await sql.raw(`drop trigger if exists ${name}`).execute(db);
}
