// Plain queries for organisations, roles and users. No rules here.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database, OrganisationTable, RoleTable, UserTable } from '../../platform/db/types';
import { roleCodec } from './codecs';

export type Q = Db | Transaction<Database>;

export const findOrganisation = (q: Q, id: string) =>
  q.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
export const listOrganisations = (q: Q) => q.selectFrom('organisations').selectAll().orderBy('name').execute();
export const insertOrganisation = (q: Q, row: OrganisationTable) => q.insertInto('organisations').values(row).execute();
export const updateOrganisation = (q: Q, id: string, set: Partial<OrganisationTable>) =>
  q.updateTable('organisations').set(set).where('id', '=', id).execute();

export const listRoles = (q: Q) => q.selectFrom('roles').selectAll().orderBy('system', 'desc').orderBy('key').execute();
export const findRole = (q: Q, key: string) =>
  q.selectFrom('roles').selectAll().where('key', '=', key).executeTakeFirst();
export const insertRole = (q: Q, row: RoleTable) => q.insertInto('roles').values(row).execute();
export const updateRole = (q: Q, key: string, set: Partial<RoleTable>) =>
  q.updateTable('roles').set(set).where('key', '=', key).execute();

/** Permissions granted by a set of roles, read from the roles table (roles are data). */
export async function permissionsOf(q: Q, roleKeys: string[]): Promise<string[]> {
  if (!roleKeys.length) return [];
  const rows = await q.selectFrom('roles').select('permissions').where('key', 'in', roleKeys).execute();
  return [...new Set(rows.flatMap((r) => roleCodec.decode(r as RoleTable).permissions))];
}

export const findUser = (q: Q, id: string) => q.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
/** The user whose e-mail index is one of `indexes` (several during an index-key rotation). */
export const findUserByEmailIndex = (q: Q, indexes: string | string[]) =>
  q.selectFrom('users').selectAll().where('email_index', 'in', [indexes].flat()).executeTakeFirst();
export const listUsers = (q: Q, f: { identityIndex?: string[]; organisationId?: string }) => {
  let s = q.selectFrom('users').selectAll();
  if (f.identityIndex?.length) s = s.where('identity_index', 'in', f.identityIndex);
  if (f.organisationId) s = s.where('organisation_id', '=', f.organisationId);
  return s.orderBy('created_at').execute();
};
export const insertUser = (q: Q, row: UserTable) => q.insertInto('users').values(row).execute();
export const updateUser = (q: Q, id: string, set: Partial<UserTable>) =>
  q.updateTable('users').set(set).where('id', '=', id).execute();

export async function rolesOf(q: Q, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!userIds.length) return out;
  const rows = await q
    .selectFrom('user_roles')
    .selectAll()
    .where('user_id', 'in', userIds)
    .orderBy('role_key')
    .execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.role_key]);
  return out;
}

export async function setRoles(q: Q, userId: string, roles: string[]): Promise<void> {
  await q.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length)
    await q
      .insertInto('user_roles')
      .values(roles.map((role_key) => ({ user_id: userId, role_key })))
      .execute();
}

/** The organisation with exactly this name, if any. */
export const findOrganisationByName = (q: Q, name: string) =>
  q.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst();

export const findUsersByIds = (q: Q, ids: string[]) =>
  ids.length ? q.selectFrom('users').select(['id', 'name_enc']).where('id', 'in', ids).execute() : Promise.resolve([]);

/** True when some account (of any status) holds the role. */
export const anyUserWithRole = async (q: Q, role: string) =>
  Boolean(await q.selectFrom('user_roles').select('user_id').where('role_key', '=', role).executeTakeFirst());
