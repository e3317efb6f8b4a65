import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The analytical store kept up to date incrementally, so that a new month costs what changed, not every case:
// - insight_changes: the persons whose fact may have moved, noted by triggers on every write to cases, persons and
//   case events (inserts, the columns facts read, deletes; '*' when the division tree changes, which asks for a
//   full rebuild). Triggers catch every writer (the app, imports, purges, merges, bulk loads) on both engines. The
//   store deletes exactly the rows it applied, so a change committed late is never lost.
// - insight_facts: each person's current fact as the cube counts it (its finest cell and its keys).
// - insight_cells: the counts of each finest cell (country|province|canton|month|minor), as sorted JSON, with the
//   store version that last wrote it, so each app process reloads only the cells that moved.
// - insight_state: one row; updating it first serialises writers (a row lock on PostgreSQL, the write lock on
//   SQLite); it carries the generation (a full rebuild starts a new one), the version, and the builder's lease.
const caseColumns = [
  'person_id',
  'stage',
  'trafficking_status',
  'created_at',
  'country_code',
  'division_code',
  'is_minor',
  'age_at_intake',
  'age_when_trafficked',
  'exploitation',
  'labour_industries',
  'sex_exploitation',
  'recruitment_methods',
  'relationship_to_trafficker',
  'control_methods',
].join(', ');
const personColumns = 'gender, ethnicity, citizenship';
const eventColumns = 'case_id, type, country_code, division_code, created_at';
const divisionColumns = 'country_code, code, level, parent_code';
const eventTypes = `('Recruitment', 'Exploitation')`;

// A note's id is never reused once its note is deleted (the store checks that the notes it read still exist):
// SQLite counts up (AUTOINCREMENT; a restore copies the whole file), PostgreSQL draws a UUID, so that the rows of a
// restored backup (written with their ids, which leaves a sequence behind) cannot collide with new notes.
const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('insight_changes')
    .addColumn('id', pg ? 'uuid' : 'integer', (c) =>
      pg ? c.primaryKey().defaultTo(sql`gen_random_uuid()`) : c.primaryKey().autoIncrement(),
    )
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('insight_facts')
    .addColumn('person_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('cell', 'varchar(120)', (c) => c.notNull())
    .addColumn('keys', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('insight_cells')
    .addColumn('cell', 'varchar(120)', (c) => c.primaryKey())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('insight_cells_version_idx').on('insight_cells').column('version').execute();
  await db.schema
    .createTable('insight_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('owner', 'varchar(36)')
    .addColumn('lease_until', 'varchar(30)')
    .addColumn('built_at', 'varchar(30)')
    .execute();
  await sql`insert into insight_state (id, generation, version, status) values (1, 0, 0, 'empty')`.execute(db);
  for (const statement of pg ? postgresTriggers : sqliteTriggers) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  if (pg) {
    for (const [trigger, table] of triggersOn)
      await sql.raw(`drop trigger if exists ${trigger} on ${table}`).execute(db);
    for (const f of ['insight_note_case', 'insight_note_person', 'insight_note_event', 'insight_note_division'])
      await sql.raw(`drop function if exists ${f}()`).execute(db);
  } else {
    for (const name of sqliteTriggerNames) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
  await db.schema.dropTable('insight_state').execute();
  await db.schema.dropTable('insight_cells').execute();
  await db.schema.dropTable('insight_facts').execute();
  await db.schema.dropTable('insight_changes').execute();
}

const note = (value: string) => `insert into insight_changes (person_id) values (${value});`;
const noteCaseOf = (caseId: string) =>
  `insert into insight_changes (person_id) select person_id from cases where id = ${caseId};`;

const sqliteTriggers = [
  `create trigger insight_cases_insert after insert on cases begin ${note('new.person_id')} end`,
  `create trigger insight_cases_update after update of ${caseColumns} on cases begin ${note('old.person_id')}
     insert into insight_changes (person_id) select new.person_id where new.person_id <> old.person_id; end`,
  `create trigger insight_cases_delete after delete on cases begin ${note('old.person_id')} end`,
  `create trigger insight_persons_update after update of ${personColumns} on persons begin ${note('new.id')} end`,
  `create trigger insight_persons_delete after delete on persons begin ${note('old.id')} end`,
  `create trigger insight_events_insert after insert on case_events when new.type in ${eventTypes}
     begin ${noteCaseOf('new.case_id')} end`,
  `create trigger insight_events_update after update of ${eventColumns} on case_events
     when old.type in ${eventTypes} or new.type in ${eventTypes}
     begin ${noteCaseOf('old.case_id')} insert into insight_changes (person_id)
       select person_id from cases where id = new.case_id and new.case_id <> old.case_id; end`,
  `create trigger insight_events_delete after delete on case_events when old.type in ${eventTypes}
     begin ${noteCaseOf('old.case_id')} end`,
  `create trigger insight_divisions_insert after insert on divisions begin ${note(`'*'`)} end`,
  `create trigger insight_divisions_update after update of ${divisionColumns} on divisions
     when old.parent_code is not new.parent_code or old.level <> new.level or old.code <> new.code
       or old.country_code <> new.country_code
     begin ${note(`'*'`)} end`,
  `create trigger insight_divisions_delete after delete on divisions begin ${note(`'*'`)} end`,
];
const sqliteTriggerNames = sqliteTriggers.map((s) => /create trigger (\w+)/.exec(s)![1]!);

const postgresTriggers = [
  `create function insight_note_case() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'INSERT' then ${note('old.person_id')} end if;
     if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.person_id is distinct from old.person_id) then
       ${note('new.person_id')}
     end if;
     return null;
   end $$`,
  `create trigger insight_note_cases after insert or delete or update of ${caseColumns} on cases
     for each row execute function insight_note_case()`,
  `create function insight_note_person() returns trigger language plpgsql as $$
   begin
     ${note('old.id')}
     return null;
   end $$`,
  `create trigger insight_note_persons after delete or update of ${personColumns} on persons
     for each row execute function insight_note_person()`,
  `create function insight_note_event() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'INSERT' and old.type in ${eventTypes} then ${noteCaseOf('old.case_id')} end if;
     if tg_op <> 'DELETE' and new.type in ${eventTypes}
       and (tg_op = 'INSERT' or new.case_id is distinct from old.case_id or old.type not in ${eventTypes}) then
       ${noteCaseOf('new.case_id')}
     end if;
     return null;
   end $$`,
  `create trigger insight_note_events after insert or delete or update of ${eventColumns} on case_events
     for each row execute function insight_note_event()`,
  `create function insight_note_division() returns trigger language plpgsql as $$
   begin
     if tg_op = 'UPDATE' and new.parent_code is not distinct from old.parent_code and new.level = old.level
       and new.code = old.code and new.country_code = old.country_code then
       return null;
     end if;
     ${note(`'*'`)}
     return null;
   end $$`,
  `create trigger insight_note_divisions after insert or delete or update of ${divisionColumns} on divisions
     for each row execute function insight_note_division()`,
];
const triggersOn: [string, string][] = [
  ['insight_note_cases', 'cases'],
  ['insight_note_persons', 'persons'],
  ['insight_note_events', 'case_events'],
  ['insight_note_divisions', 'divisions'],
];
