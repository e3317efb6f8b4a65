import type { Context } from '../../platform/context';
import type { ReferralTable } from '../../platform/db/types';
import type { Actor } from '../access/index';
import * as repo from './repo';
import { addressedTo } from './vocabulary';

/**
 * Referrals as the API shows them: case code, receiver and sender names, services delivered, the HTCDS cas_
 * fields of both sides, and what the actor may do with each.
 */
export async function presentReferrals(ctx: Context, actor: Actor, rows: ReferralTable[]) {
  const db = ctx.db.db;
  const codes = new Map(
    (
      await repo.caseLabels(
        db,
        rows.map((r) => r.case_id),
      )
    ).map((c) => [c.id, c]),
  );
  const delivered = await repo.deliveriesOf(
    db,
    rows.map((r) => r.id),
  );
  const senders = new Map(
    (
      await repo.organisationsOfUsers(
        db,
        rows.map((r) => r.created_by),
      )
    ).map((u) => [u.id, { id: u.orgId, name: u.name }]),
  );
  const orgIds = rows.map((r) => r.to_org_id).filter((x): x is string => Boolean(x));
  const providerIds = rows.map((r) => r.provider_id).filter((x): x is string => Boolean(x));
  const names = new Map((await repo.namesOf(db, orgIds, providerIds)).map((o) => [o.id, o.name] as const));
  return rows.map((r) => {
    const receiver = addressedTo(r, actor);
    const details = ctx.crypto.decryptOptional(r.details_enc, {
      table: 'referrals',
      row: r.id,
      column: 'details',
    });
    return {
      id: r.id,
      caseId: r.case_id,
      caseCode: codes.get(r.case_id)?.code ?? '',
      providerId: r.provider_id,
      toOrgId: r.to_org_id,
      toUserId: r.to_user_id,
      services: JSON.parse(r.services) as string[],
      delivered: delivered
        .filter((d) => d.referral_id === r.id)
        .map((d) => ({ service: d.service, deliveredAt: d.delivered_at })),
      status: r.status,
      consentOverride: Boolean(r.override_reason_enc),
      createdAt: r.created_at,
      fromOrgName: senders.get(r.created_by)?.name ?? codes.get(r.case_id)?.name ?? null,
      toName: names.get(r.to_org_id ?? '') ?? names.get(r.provider_id ?? '') ?? null,
      htcds: {
        cas_ReferringOrganisation: senders.get(r.created_by)?.id ?? codes.get(r.case_id)?.owner_org_id ?? null,
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
      abilities: {
        respond: receiver && r.status === 'sent',
        deliver: receiver && r.status === 'accepted',
        revoke: !receiver && (r.status === 'sent' || r.status === 'accepted'),
      },
    };
  });
}
