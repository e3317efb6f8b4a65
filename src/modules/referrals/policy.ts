import type { ReferralTable } from '../../platform/db/types';
import { type Actor, can } from '../access/index';
import { addressedTo } from './vocabulary';

export { addressedTo, liveReferralStatuses, namesOnly } from './vocabulary';

/** May use a referral inbox at all: receiving organisations and caseworkers. */
export const mayReceive = (actor: Actor) => can(actor, 'referrals:receive') || can(actor, 'cases:write');

/** May answer and record services on this referral: it is addressed to them and their role receives referrals. */
export const mayRespond = (actor: Actor, r: ReferralTable) => addressedTo(r, actor) && mayReceive(actor);

/** Sees this referral among a case's referrals: anyone who reaches the case directly, else only its receiver. */
export const seesInCase = (actor: Actor, r: ReferralTable, direct: boolean) => direct || addressedTo(r, actor);

/**
 * May open the referral sheet: not when the referral went to the actor's organisation but names someone else
 * (case access is checked separately).
 */
export const maySeeSheet = (actor: Actor, r: ReferralTable) => r.to_org_id !== actor.orgId || addressedTo(r, actor);

/** The sending side may withdraw a referral while it is sent or accepted, never the receiver. */
export const revocable = (actor: Actor, r: ReferralTable) =>
  r.to_org_id !== actor.orgId && (r.status === 'sent' || r.status === 'accepted');
