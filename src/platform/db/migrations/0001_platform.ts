import type { Kysely } from 'kysely';

// Dates are ISO-8601 text and JSON is text, so the same columns work on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('divisions')
    .addColumn('country_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('code', 'varchar(32)', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(32)')
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_search', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('divisions_pk', ['country_code', 'code'])
    .execute();
  await db.schema
    .createIndex('divisions_parent_idx')
    .on('divisions')
    .columns(['country_code', 'parent_code'])
    .execute();
  await db.schema.createIndex('divisions_search_idx').on('divisions').column('name_search').execute();

  await db.schema
    .createTable('division_boundaries')
    .addColumn('country_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('code', 'varchar(32)', (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('division_boundaries_pk', ['country_code', 'code'])
    .addForeignKeyConstraint('division_boundaries_division_fk', ['country_code', 'code'], 'divisions', [
      'country_code',
      'code',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('division_boundaries').execute();
  await db.schema.dropTable('divisions').execute();
  await db.schema.dropTable('meta').execute();
}
