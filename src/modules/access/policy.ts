import type { Permission } from './permissions';
import { personalDataPermissions } from './permissions';

/** The signed-in person as policies see it. */
export interface Actor {
  userId: string;
  orgId: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  scope: { country: string; code: string };
  sessionId: string;
}

/** A record's place: its division with every ancestor up to the country (e.g. ["060352","0603","06","EC"]). */
export type Ancestry = readonly string[];

/** True when the actor's roles grant the permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** True when the record lies in the actor's jurisdiction (the scope division or anything under it). */
export function inJurisdiction(actor: Actor, country: string, ancestry: Ancestry): boolean {
  return actor.scope.country === country && ancestry.includes(actor.scope.code);
}

/** How the actor relates to a record: owner, assigned or referred-to parties may see it even at the scope's edge. */
export interface Relationship {
  ownerOrgId?: string | null;
  assignedUserIds?: readonly string[];
  referredOrgIds?: readonly string[];
}

export function related(actor: Actor, rel: Relationship): boolean {
  return (
    rel.ownerOrgId === actor.orgId ||
    Boolean(rel.assignedUserIds?.includes(actor.userId)) ||
    Boolean(rel.referredOrgIds?.includes(actor.orgId))
  );
}

/**
 * Record visibility is the intersection of role (the permission), jurisdiction and relationship:
 * the permission is always needed; then either the record is in the actor's jurisdiction or the actor
 * is related to it (for example a prosecutor's office a case was referred to).
 */
export function canSee(
  actor: Actor,
  permission: Permission,
  place: { country: string; ancestry: Ancestry },
  rel: Relationship = {},
): boolean {
  return can(actor, permission) && (inJurisdiction(actor, place.country, place.ancestry) || related(actor, rel));
}

/** True when a set of permissions reveals personal data, so its holder must use a second factor. */
export function needsSecondFactor(perms: Iterable<string>): boolean {
  for (const p of perms) if ((personalDataPermissions as readonly string[]).includes(p)) return true;
  return false;
}

/**
 * Whether the actor may give a role: role managers may give any role; other user managers only roles whose
 * permissions they hold themselves, so nobody can hand out (or take) more than they have.
 */
export function canGrant(actor: Actor, roleKey: string, rolePermissions: Iterable<string> = []): boolean {
  if (!can(actor, 'users:manage')) return false;
  if (can(actor, 'roles:manage')) return true;
  if (roleKey === 'administrator') return false;
  for (const p of rolePermissions) if (!actor.permissions.has(p)) return false;
  return true;
}

/** True when a scope (the division to grant) lies within the actor's own scope. */
export function scopeWithin(actor: Actor, country: string, ancestry: Ancestry): boolean {
  return inJurisdiction(actor, country, ancestry);
}

/** A data-sharing agreement between two organisations, as policies see it. */
export interface SharingTerms {
  fromOrgId: string;
  toOrgId: string;
  country: string;
  /** Division codes covered: a record in one of them or below. */
  places: readonly string[];
  /** YYYY-MM-DD: the first day it applies and the day it stops applying. */
  startsOn: string;
  endsOn: string;
  endedAt: string | null;
}

/** Where an agreement stands on a day (YYYY-MM-DD): ended by hand or by its end date, running, or not begun. */
export function agreementState(a: SharingTerms, day: string): 'upcoming' | 'running' | 'ended' {
  if (a.endedAt || day >= a.endsOn) return 'ended';
  return day < a.startsOn ? 'upcoming' : 'running';
}

/**
 * True when the agreement opens this record to the actor on that day: it runs, it is made to the actor's
 * organisation by the record's owner, and the record lies in one of its places.
 */
export function agreementCovers(
  a: SharingTerms,
  actor: Pick<Actor, 'orgId'>,
  record: { ownerOrgId: string; country: string; ancestry: Ancestry },
  day: string,
): boolean {
  return (
    agreementState(a, day) === 'running' &&
    a.toOrgId === actor.orgId &&
    a.fromOrgId === record.ownerOrgId &&
    a.country === record.country &&
    a.places.some((p) => record.ancestry.includes(p))
  );
}
