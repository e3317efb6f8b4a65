import type { CaseTable } from '../../platform/db/types';
import { type Actor, can, inJurisdiction, type Permission } from '../access/index';
import { type CaseSection, type Granted, grants } from './sections';

// Who may do what with a case: pure functions over the loaded case, its place and who it was referred to.

/** How an actor reaches a case: directly (its organisation in the jurisdiction, or assignment), shared, or not at all. */
export type Reach = 'direct' | 'referred' | 'none';

/**
 * The actor's reach to a case. Need-to-know: a case belongs to its organisation, whose staff in the jurisdiction
 * reach it by role, and the person assigned to it; another organisation reaches only what a referral, a
 * data-sharing agreement or an accepted transfer (which makes it the owner) opens, and only the sections granted.
 */
export function reachOf(
  actor: Actor,
  c: CaseTable,
  ancestry: readonly string[],
  shares: readonly { sections: readonly CaseSection[] }[],
): { reach: Reach; granted: Granted } {
  const own = c.owner_org_id === actor.orgId && inJurisdiction(actor, c.country_code, ancestry);
  if (can(actor, 'cases:read') && (own || c.assigned_user_id === actor.userId))
    return { reach: 'direct', granted: null };
  if (shares.length && mayReceiveCases(actor))
    return { reach: 'referred', granted: new Set(shares.flatMap((s) => s.sections)) };
  return { reach: 'none', granted: null };
}

/** Roles that can be given a case by another organisation (readers of cases, receivers of referrals). */
export const mayReceiveCases = (actor: Actor) => can(actor, 'cases:read') || can(actor, 'referrals:receive');

/**
 * What using the case with `permission` (and, for a sub-record, its section) answers: 'ok', 'not_found' (out of
 * reach or a section not shared: existence never leaks) or 'forbidden' (in reach, but the role or the sharing does
 * not allow it). Sharing opens the case for reading and, with the legal section, for the legal process; every other
 * change needs direct reach.
 */
export function decide(
  actor: Actor,
  reach: Reach,
  permission: Permission,
  granted: Granted = null,
  section?: CaseSection,
): 'ok' | 'not_found' | 'forbidden' {
  if (reach === 'none') return 'not_found';
  if (section && !grants(granted, section)) return 'not_found';
  if (
    reach === 'referred' &&
    permission !== 'cases:read' &&
    !(permission === 'legal:write' && grants(granted, 'legal'))
  )
    return 'forbidden';
  if (permission !== 'cases:read' && !can(actor, permission)) return 'forbidden';
  return 'ok';
}

/** What the case page offers the actor. */
export function abilities(actor: Actor, reach: Reach, closed = false, anonymised = false) {
  // An anonymised case takes no change at all (rights module: erasure or retention).
  const write = can(actor, 'cases:write') && reach === 'direct' && !anonymised;
  const approve = write && can(actor, 'cases:approve');
  return {
    update: write,
    /** Change the record (a closed case takes no more changes until it is reopened). */
    edit: write && !closed,
    decide: write,
    close: approve,
    consent: write,
    restore: approve && !closed,
    merge: write,
  };
}

/** May look for likely existing persons (only those who register cases). */
export const mayFindPersons = (actor: Actor) => can(actor, 'cases:write');

/** May list cases: readers of cases, or receivers (who then see only what was referred to them). */
export function listScope(actor: Actor): 'all' | 'received' | 'none' {
  if (can(actor, 'cases:read')) return 'all';
  return can(actor, 'referrals:receive') ? 'received' : 'none';
}

/** May open cases; merging persons needs the same (and without it a person is "not found"). */
export const mayRegisterCases = (actor: Actor) => can(actor, 'cases:write');

/** May see a supervisor's boards (pending closures, overdue tasks). */
export const maySupervise = (actor: Actor) => can(actor, 'cases:approve');

/** The transfer is this person's to answer: it names them, or names nobody at their organisation and they may take cases. */
export function transferIsFor(t: { to_org_id: string; to_user_id: string | null }, actor: Actor): boolean {
  return t.to_user_id ? t.to_user_id === actor.userId : t.to_org_id === actor.orgId && can(actor, 'cases:write');
}

/** What a draft still lacks before it can open as an active case: a name, and an age or birth date or year. */
export function missingToOpen(
  person: { prs_FirstName?: unknown; prs_SecondName?: unknown; prs_Birthdate?: unknown; local_BirthYear?: unknown },
  c: { local_AgeAtIntake?: unknown },
): string[] {
  const out: string[] = [];
  if (!person.prs_FirstName && !person.prs_SecondName) out.push('prs_FirstName');
  if (c.local_AgeAtIntake == null && !person.prs_Birthdate && person.local_BirthYear == null)
    out.push('local_AgeAtIntake');
  return out;
}

/** Whole years between a date of birth and a day (both YYYY-MM-DD). */
export function yearsBetween(birthdate: string, day: string): number {
  const [by, bm, bd] = birthdate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * A case's age at intake and minor status, derived again from the person's birth data: the date of birth at the
 * case's opening, else the birth year, else the age recorded. With no age at all, the minor flag stays as it was
 * recorded (a report may say "a child" without an age).
 */
export function deriveAge(
  c: { created_at: string; age_at_intake: number | null; age_when_trafficked: number | null; is_minor: boolean },
  p: { birthdate: string | null; birth_year: number | null },
): { age_at_intake: number | null; is_minor: boolean } {
  const age = p.birthdate
    ? yearsBetween(p.birthdate, c.created_at)
    : p.birth_year !== null
      ? Number(c.created_at.slice(0, 4)) - p.birth_year
      : c.age_at_intake;
  // With only a birth year the person may be a year younger than the difference: a child's safeguards apply
  // while being under 18 is possible.
  const youngest = !p.birthdate && p.birth_year !== null && age !== null ? age - 1 : age;
  const known = age !== null || c.age_when_trafficked !== null;
  const minor = known
    ? (youngest !== null && youngest < 18) || (c.age_when_trafficked !== null && c.age_when_trafficked < 18)
    : c.is_minor;
  return { age_at_intake: age, is_minor: minor };
}

/**
 * Whether reading the case looks for other records of the same person: while it is being registered (draft or
 * intake), and once its person was corrected after the case opened. A settled case is not searched on every read
 * (the look-up grows with the number of persons); a new look-alike shows on the new registration instead.
 */
export const mayHaveNewDuplicates = (c: { stage: string; created_at: string }, person: { updated_at: string }) =>
  c.stage === 'Draft' || c.stage === 'Intake' || person.updated_at > c.created_at;
