import type { Kysely } from 'kysely';

// Issue 19, forms: filled in by the forms module's work (tables above `grantFormPermissions`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await grantFormPermissions(db);
}

export async function down(_db: Kysely<unknown>): Promise<void> {}

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
