import type { Context } from '../../platform/context';
import type { Db } from '../../platform/db/index';
import type { Actor } from './policy';
import * as repo from './repo';
import { SessionService } from './sessions';
import { normaliseEmail } from './user-row';

/** A user another module may hand work to: organisation, status and what their roles allow. */
export interface UserGrant {
  id: string;
  organisationId: string;
  active: boolean;
  /** The jurisdiction the user works in. */
  scope: { country: string; code: string };
  permissions: ReadonlySet<string>;
}

/** The user's organisation, status and effective permissions, or undefined when no such user exists. */
export async function userGrant(db: Db, userId: string): Promise<UserGrant | undefined> {
  const u = await repo.findUser(db, userId);
  if (!u) return undefined;
  const roles = (await repo.rolesOf(db, [u.id])).get(u.id) ?? [];
  return {
    id: u.id,
    organisationId: u.organisation_id,
    active: u.status === 'active',
    scope: { country: u.scope_country, code: u.scope_code },
    permissions: new Set(await repo.permissionsOf(db, roles)),
  };
}

/** True when the organisation exists. */
export async function organisationExists(db: Db, id: string): Promise<boolean> {
  return Boolean(await repo.findOrganisation(db, id));
}

/** The id of the organisation with exactly this name, if any. */
export async function organisationIdByName(db: Db, name: string): Promise<string | undefined> {
  return (await repo.findOrganisationByName(db, name))?.id;
}

/** The active user with this e-mail as an actor (for commands run in a named person's rights), or null. */
export async function actorByEmail(ctx: Context, email: string): Promise<Actor | null> {
  const user = await repo.findUserByEmailIndex(ctx.db.db, ctx.crypto.blindIndexes('email', normaliseEmail(email)));
  return user && user.status === 'active' ? new SessionService(ctx).actorFor(user.id, 'cli') : null;
}

/** Staff names by user id, for showing who did what (decrypted; unknown ids are left out). */
export async function userNames(ctx: Context, ids: string[]): Promise<Map<string, string>> {
  const rows = await repo.findUsersByIds(ctx.db.db, [...new Set(ids)]);
  return new Map(
    rows.map((r) => [r.id, ctx.crypto.decrypt(r.name_enc, { table: 'users', row: r.id, column: 'name' })]),
  );
}

/** True when an administrator account exists (invited, active or suspended). */
export async function administratorExists(db: Db): Promise<boolean> {
  return repo.anyUserWithRole(db, 'administrator');
}
