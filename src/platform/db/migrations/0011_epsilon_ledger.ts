import type { Kysely } from 'kysely';

// The privacy budget of differentially private releases: one ledger row per release (its scope, the scope's
// path of divisions from the country down, the calendar period and the epsilon spent, in millionths so that sums
// are exact), and one row per country and period that a release updates first, so that concurrent releases of
// one country take their turn (a row lock on PostgreSQL; SQLite runs one write transaction at a time).
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  await db.schema
    .createTable('dp_epsilon_ledger')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('country_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('scope_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('scope_path', 'varchar(200)', (c) => c.notNull())
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    .addColumn('epsilon_micro', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'varchar(40)', (c) => c.notNull())
    .addColumn('actor_user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('request_id', 'varchar(64)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dp_epsilon_ledger_period_idx')
    .on('dp_epsilon_ledger')
    .columns(['country_code', 'period'])
    .execute();
  await db.schema
    .createTable('dp_budget_turns')
    .addColumn('country_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('period', 'varchar(10)', (c) => c.notNull())
    .addColumn('turns', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('dp_budget_turns_pk', ['country_code', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('dp_budget_turns').execute();
  await db.schema.dropTable('dp_epsilon_ledger').execute();
}
