import type { z } from 'zod';
import type { Actor } from '../access/index';
import { abilitiesOn } from './policy';
import type { Referral } from './repo';
import type { referralSchema } from './schema';

/** What the presenter needs besides the referrals themselves, loaded beforehand (details already decrypted). */
export interface ReferralFacts {
  cases: ReadonlyMap<string, { code: string; owner_org_id: string | null; name: string | null }>;
  delivered: readonly { referral_id: string; service: string; delivered_at: string }[];
  /** The sending organisation of each sender (by user id). */
  senders: ReadonlyMap<string, { id: string; name: string }>;
  /** Names of receiving organisations and providers. */
  names: ReadonlyMap<string, string>;
  details: ReadonlyMap<string, string | null>;
}

/**
 * Referrals as the API shows them: case code, receiver and sender names, services delivered, the HTCDS cas_
 * fields of both sides, and what the actor may do with each.
 */
export function presentReferrals(actor: Actor, rows: Referral[], f: ReferralFacts): z.infer<typeof referralSchema>[] {
  return rows.map((r) => {
    const details = f.details.get(r.id) ?? null;
    const c = f.cases.get(r.case_id);
    const sender = f.senders.get(r.created_by);
    return {
      id: r.id,
      caseId: r.case_id,
      caseCode: c?.code ?? '',
      providerId: r.provider_id,
      toOrgId: r.to_org_id,
      toUserId: r.to_user_id,
      services: r.services,
      delivered: f.delivered
        .filter((d) => d.referral_id === r.id)
        .map((d) => ({ service: d.service, deliveredAt: d.delivered_at })),
      status: r.status,
      consentOverride: Boolean(r.override_reason_enc),
      createdAt: r.created_at,
      fromOrgName: sender?.name ?? c?.name ?? null,
      toName: f.names.get(r.to_org_id ?? '') ?? f.names.get(r.provider_id ?? '') ?? null,
      htcds: {
        cas_ReferringOrganisation: sender?.id ?? c?.owner_org_id ?? null,
        cas_IncomingReferralDate: r.accepted_at?.slice(0, 10) ?? null,
        cas_ReferringPrimaryCaseWorker: r.created_by,
        cas_ReasonForIncomingReferral: r.reason,
        cas_IncomingReferralDetails: details,
        cas_ReferredOrganisation: r.to_org_id,
        local_ReferredProvider: r.provider_id,
        cas_ReferredPrimaryCaseWorker: r.to_user_id,
        cas_OutgoingReferralDate: r.created_at.slice(0, 10),
        cas_ReasonForOutgoingReferral: r.reason,
        cas_OutgoingReferralDetails: details,
      },
      abilities: abilitiesOn(actor, r),
    };
  });
}
