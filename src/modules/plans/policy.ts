import { type Actor, can, type Permission } from '../access/index';

// Who may do what with plans and cooperation agreements: pure functions over the loaded record and whether its
// place lies in the actor's jurisdiction.

/** What using a plan or agreement answers: 'ok', 'not_found' (out of reach: existence never leaks) or 'forbidden'. */
export function verdict(
  actor: Actor,
  inJurisdiction: boolean,
  permission: Permission,
): 'ok' | 'not_found' | 'forbidden' {
  if (!can(actor, 'plans:read') || !inJurisdiction) return 'not_found';
  if (permission !== 'plans:read' && !can(actor, permission)) return 'forbidden';
  return 'ok';
}

/** May list plans and agreements at all (403 otherwise). */
export const mayBrowse = (actor: Actor) => can(actor, 'plans:read');

/** May create and change plans, agreements, indicators, activities and documents. */
export const mayWrite = (actor: Actor) => can(actor, 'plans:write');

/** Sees case-derived indicator values exactly (case readers, outside a published report); others get releases. */
export const seesExactCounts = (actor: Actor, publish: boolean) => !publish && can(actor, 'cases:read');

/** Evidence documents (attendance lists) are listed only to those who write plans. */
export const seesEvidence = (actor: Actor) => can(actor, 'plans:write');

/** What a plan page offers the actor. */
export const abilities = (actor: Actor) => ({ update: mayWrite(actor) });
