import { type Kysely, sql } from 'kysely';

// Issue 19, forms: XLSForm questionnaires, their numbered versions, the jurisdictions whose cases show a form as a
// section, and each case's answers (sealed whole; the answers to aggregate questions also kept plain in `facts`).
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  const id = 'varchar(36)';
  await db.schema
    .createTable('forms')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('form_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('usage', 'varchar(10)', (c) => c.notNull())
    .addColumn('owner_org_id', id, (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // A case form is one per form_id and organisation (a new import is its next version); a study owns its form, so
  // two studies may each hold a form with the same form_id.
  await db.schema
    .createIndex('forms_key_idx')
    .on('forms')
    .columns(['usage', 'owner_org_id', 'form_key'])
    .unique()
    .where(sql.ref('usage'), '=', 'case')
    .execute();

  await db.schema
    .createTable('form_versions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('form_id', id, (c) => c.notNull().references('forms.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('xlsform_version', 'varchar(200)', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('form_versions_number_uq', ['form_id', 'number'])
    .execute();

  await db.schema
    .createTable('form_attachments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('form_id', id, (c) => c.notNull().references('forms.id').onDelete('cascade'))
    .addColumn('country_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('ended_at', ts)
    .execute();
  await db.schema.createIndex('form_attachments_form_idx').on('form_attachments').columns(['form_id']).execute();
  await db.schema
    .createIndex('form_attachments_place_idx')
    .on('form_attachments')
    .columns(['country_code', 'division_code'])
    .execute();

  await db.schema
    .createTable('case_form_answers')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('case_id', id, (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('form_id', id, (c) => c.notNull().references('forms.id'))
    .addColumn('form_version_id', id, (c) => c.notNull().references('form_versions.id'))
    .addColumn('answers_enc', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', id, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('case_form_answers_uq', ['case_id', 'form_id'])
    .execute();

  await grantFormPermissions(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_form_answers').execute();
  await db.schema.dropTable('form_attachments').execute();
  await db.schema.dropTable('form_versions').execute();
  await db.schema.dropTable('forms').execute();
}

type Roles = {
  roles: { key: string; label: null; permissions: string; system: number; created_at: string; updated_at: string };
};

// Forms and studies bring three permissions: the administrator manages forms (case sections), the researcher runs
// studies, and a new role, the interviewer, collects answers. Roles are data: add to what an installation has.
async function grantFormPermissions(db: Kysely<unknown>): Promise<void> {
  const q = db as unknown as Kysely<Roles>;
  const grant = async (key: string, permission: string) => {
    const role = await q.selectFrom('roles').select('permissions').where('key', '=', key).executeTakeFirst();
    if (!role) return;
    const perms = new Set(JSON.parse(role.permissions) as string[]);
    perms.add(permission);
    await q
      .updateTable('roles')
      .set({ permissions: JSON.stringify([...perms].sort()) })
      .where('key', '=', key)
      .execute();
  };
  await grant('administrator', 'forms:manage');
  await grant('researcher', 'studies:manage');
  const now = new Date().toISOString();
  const interviewer = await q.selectFrom('roles').select('key').where('key', '=', 'interviewer').executeTakeFirst();
  if (!interviewer)
    await q
      .insertInto('roles')
      .values({
        key: 'interviewer',
        label: null,
        permissions: JSON.stringify(['studies:collect']),
        system: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
}
