import { type Actor, can, type UserGrant } from '../access/index';
import type { CaseSection } from '../cases/vocabulary';
import type { Referral } from './repo';
import { addressedTo, referralSections } from './vocabulary';

export { addressedTo, liveReferralStatuses, namesOnly } from './vocabulary';

type Addressed = Pick<Referral, 'to_org_id' | 'to_user_id' | 'status'>;

/** May use a referral inbox at all: receiving organisations and caseworkers. */
export const mayReceive = (actor: Actor) => can(actor, 'referrals:receive') || can(actor, 'cases:write');

/** May list the people who can receive a referral by name: only those who refer (case work). */
export const mayRefer = (actor: Actor) => can(actor, 'cases:write');

/** May send a referral without the person's consent, giving a reason (supervisors). */
export const mayOverrideConsent = (actor: Actor) => can(actor, 'cases:approve');

/** A user who can be named as a referral's receiver: active, doing case work or in a receiving role. */
export const takesReferrals = (u: UserGrant | undefined) =>
  Boolean(u?.active) && Boolean(u?.permissions.has('cases:write') || u?.permissions.has('referrals:receive'));

/** May answer and record services on this referral: it is addressed to them and their role receives referrals. */
export const mayRespond = (actor: Actor, r: Addressed) => addressedTo(r, actor) && mayReceive(actor);

/** Sees this referral among a case's referrals: anyone who reaches the case directly, else only its receiver. */
export const seesInCase = (actor: Actor, r: Addressed, direct: boolean) => direct || addressedTo(r, actor);

/**
 * May open the referral sheet: not when the referral went to the actor's organisation but names someone else
 * (case access is checked separately).
 */
export const maySeeSheet = (actor: Actor, r: Addressed) => r.to_org_id !== actor.orgId || addressedTo(r, actor);

/** The sending side may withdraw a referral while it is sent or accepted, never the receiver. */
export const revocable = (actor: Actor, r: Addressed) =>
  r.to_org_id !== actor.orgId && (r.status === 'sent' || r.status === 'accepted');

/**
 * What the actor may do, as shown on each referral: the receiver answers a sent one and records services on an
 * accepted one; anyone else on a sent or accepted one is offered withdrawal (the service still checks revocable).
 */
export function abilitiesOn(actor: Actor, r: Addressed) {
  const receiver = addressedTo(r, actor);
  return {
    respond: receiver && r.status === 'sent',
    deliver: receiver && r.status === 'accepted',
    revoke: !receiver && (r.status === 'sent' || r.status === 'accepted'),
  };
}

type Standing = Pick<Referral, 'status' | 'updated_at' | 'override_reason_enc' | 'to_org_id' | 'services'> & {
  completed_at?: string | null;
};
interface ConsentRow {
  scope: string;
  organisation_id: string | null;
  withdrawn_at: string | null;
  sections?: string | null;
}

/** A referral still opens its case at `now`: sent or accepted, or completed less than `graceDays` days ago. */
export function stillOpen(r: Standing, now: Date, graceDays: number): boolean {
  if (r.status === 'sent' || r.status === 'accepted') return true;
  if (r.status !== 'completed') return false;
  const done = Date.parse(r.completed_at ?? r.updated_at);
  return now.getTime() < done + graceDays * 86_400_000;
}

/**
 * What the person's consent lets this referral show, checked at every read so that a withdrawal ends access at
 * once: undefined when no live consent covers the receiving organisation; null when nothing narrows it (a consent
 * without a section list, or a supervisor's recorded override); else the sections the live consents list.
 */
export function consentCover(r: Standing, consents: readonly ConsentRow[]): readonly string[] | null | undefined {
  if (r.override_reason_enc) return null;
  const live = consents.filter(
    (k) => !k.withdrawn_at && k.scope === 'SharingWithOrganisation' && k.organisation_id === r.to_org_id,
  );
  if (!live.length) return undefined;
  if (live.some((k) => !k.sections)) return null;
  return live.flatMap((k) => JSON.parse(k.sections!) as string[]);
}

/** The sections this referral opens now, or undefined when it opens nothing (ended, expired or consent withdrawn). */
export function referralGrant(
  r: Standing,
  consents: readonly ConsentRow[],
  now: Date,
  graceDays: number,
): CaseSection[] | undefined {
  if (!stillOpen(r, now, graceDays)) return undefined;
  const cover = consentCover(r, consents);
  return cover === undefined ? undefined : referralSections(r.services, cover);
}
