import type { Kysely } from 'kysely';

// Field reach: strings an installation's reviewers corrected (they outlive upgrades, which replace the shipped
// catalogues), the language each user reads (e-mails follow it), and the administrator's right to manage them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('translations')
    .addColumn('lang', 'varchar(10)', (c) => c.notNull())
    .addColumn('key', 'varchar(200)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reviewed_by', 'varchar(36)')
    .addColumn('reviewed_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('translations_pk', ['lang', 'key'])
    .execute();
  await db.schema.alterTable('users').addColumn('language', 'varchar(10)').execute();
  const q = db as unknown as Kysely<{ roles: { key: string; permissions: string } }>;
  const admin = await q.selectFrom('roles').select('permissions').where('key', '=', 'administrator').executeTakeFirst();
  if (admin) {
    const perms = new Set(JSON.parse(admin.permissions) as string[]);
    perms.add('translations:manage');
    await q
      .updateTable('roles')
      .set({ permissions: JSON.stringify([...perms].sort()) })
      .where('key', '=', 'administrator')
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('language').execute();
  await db.schema.dropTable('translations').execute();
}
