import type { Kysely } from 'kysely';

// HTCDS victim fields the dashboards and the CTDC export need (means of control, forced-labour industry, type of
// sexual exploitation, months in the situation); an index on cases.updated_at so the analytical store can tell
// cheaply whether it is current (also on persons and case events); supervisors may export personal HTCDS columns.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const c of ['control_methods', 'labour_industries', 'sex_exploitation'])
    await db.schema
      .alterTable('cases')
      .addColumn(c, 'text', (col) => col.notNull().defaultTo('[]'))
      .execute();
  await db.schema.alterTable('cases').addColumn('months_exploited', 'integer').execute();
  await db.schema.createIndex('cases_updated_idx').on('cases').column('updated_at').execute();
  await db.schema.createIndex('persons_updated_idx').on('persons').column('updated_at').execute();
  await db.schema.createIndex('case_events_created_idx').on('case_events').column('created_at').execute();
  // Events were read by case without an index (a full scan for every case page and for the store).
  await db.schema.createIndex('case_events_case_idx').on('case_events').column('case_id').execute();
  await setPermission(db, 'supervisor', 'exports:personal', true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await setPermission(db, 'supervisor', 'exports:personal', false);
  for (const i of ['cases_updated_idx', 'persons_updated_idx', 'case_events_created_idx', 'case_events_case_idx'])
    await db.schema.dropIndex(i).execute();
  for (const c of ['control_methods', 'labour_industries', 'sex_exploitation', 'months_exploited'])
    await db.schema.alterTable('cases').dropColumn(c).execute();
}

async function setPermission(db: Kysely<unknown>, role: string, permission: string, on: boolean) {
  const q = db as Kysely<{ roles: { key: string; permissions: string; updated_at: string } }>;
  const row = await q.selectFrom('roles').select('permissions').where('key', '=', role).executeTakeFirst();
  if (!row) return;
  const perms = new Set(JSON.parse(row.permissions) as string[]);
  if (on) perms.add(permission);
  else perms.delete(permission);
  await q
    .updateTable('roles')
    .set({ permissions: JSON.stringify([...perms].sort()), updated_at: new Date().toISOString() })
    .where('key', '=', role)
    .execute();
}
