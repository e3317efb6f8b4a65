import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, organisationExists, userGrant } from '../access/index';
import { CareService, CaseAccess, consentsOf } from '../cases/index';
import { activeProvider } from '../directory/index';
import { assertNotRestricted } from '../rights/index';
import * as policy from './policy';
import { presentReferrals } from './present';
import * as repo from './repo';
import type { deliverBody, referralBody, respondBody } from './schema';

const enc = (ctx: Context, row: string, column: string, v?: string) =>
  ctx.crypto.encryptOptional(v, { table: 'referrals', row, column });

/**
 * Referrals of a case to another organisation (in Minka) or to an external provider. A referral discloses
 * the case only with the matching consent; a supervisor may override with a reason, which is audited.
 */
export class ReferralService {
  private readonly access: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  /** Sends a referral after checking consent (or a supervisor's recorded override). */
  async create(actor: Actor, caseId: string, b: z.input<typeof referralBody>, requestId: string) {
    const c = await this.access.load(actor, caseId, 'cases:write');
    // A person who restricted the processing of their data or objected to it is not referred (409).
    await assertNotRestricted(this.ctx, c.id, 'referral');
    let toOrg = b.toOrgId ?? null;
    const named = b.toUserId ? await this.receiver(b.toUserId) : undefined;
    if (b.toUserId && !named) throw new AppError(400, 'unknown_assignee');
    if (named && !b.providerId && !b.toOrgId) toOrg = named.organisationId;
    else if (b.providerId) {
      const p = await activeProvider(this.db, b.providerId);
      if (!p) throw new AppError(400, 'unknown_provider');
      toOrg = p.organisation_id;
    } else if (!(await organisationExists(this.db, toOrg!))) {
      throw new AppError(400, 'unknown_organisation');
    }
    if (named && named.organisationId !== toOrg) throw new AppError(400, 'unknown_assignee');
    if (toOrg === actor.orgId) throw new AppError(400, 'referral_to_self');
    const consented = await this.hasConsent(caseId, toOrg);
    if (!consented) {
      if (!b.override) throw new AppError(409, 'consent_required');
      if (!policy.mayOverrideConsent(actor)) throw new AppError(403, 'forbidden');
    }
    const id = randomUUID();
    const now = nowIso();
    const row: repo.Referral = {
      id,
      case_id: c.id,
      provider_id: b.providerId ?? null,
      to_org_id: toOrg,
      to_user_id: named?.id ?? null,
      services: b.services,
      status: 'sent',
      override_reason_enc: consented ? null : enc(this.ctx, id, 'override_reason', b.override!.reason),
      response_reason_enc: null,
      reason: b.reason ?? 'AdditionalServicesRequired',
      details_enc: enc(this.ctx, id, 'details', b.details),
      accepted_at: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await writeAudited(
      this.ctx,
      {
        actor,
        action: consented ? 'referral.sent' : 'referral.sent_with_consent_override',
        recordType: 'case',
        recordId: caseId,
        details: { referral: id, toOrg, provider: b.providerId ?? null, services: b.services },
        requestId,
      },
      (trx) => repo.insertReferral(trx, row),
    );
    return (await this.view(actor, [row]))[0]!;
  }

  /** The referrals of a case; a receiver sees only the ones made to it. The read is audited (they carry case details). */
  async ofCase(actor: Actor, caseId: string, requestId: string) {
    const { direct } = await this.access.reach(actor, caseId);
    const rows = (await repo.referralsOfCase(this.db, caseId)).filter((r) => policy.seesInCase(actor, r, direct));
    await this.ctx.audit.record({
      actor,
      action: 'referral.list_read',
      recordType: 'case',
      recordId: caseId,
      details: { referrals: rows.length },
      requestId,
    });
    return this.view(actor, rows);
  }

  /** Referrals sent to the actor's organisation. */
  async inbox(actor: Actor, requestId: string) {
    if (!policy.mayReceive(actor)) throw new AppError(403, 'forbidden');
    const rows = await repo.inboxOf(this.db, actor.orgId, actor.userId);
    await this.ctx.audit.record({
      actor,
      action: 'referral.inbox_read',
      details: { cases: [...new Set(rows.map((r) => r.case_id))] },
      requestId,
    });
    return this.view(actor, rows);
  }

  /** Live (not withdrawn) consent to share the case with that organisation, or to services for an external provider. */
  async hasConsent(caseId: string, toOrg: string | null): Promise<boolean> {
    const consents = (await consentsOf(this.db, caseId)).filter((k) => !k.withdrawn_at);
    return toOrg
      ? consents.some((k) => k.scope === 'SharingWithOrganisation' && k.organisation_id === toOrg) ||
          (await new CareService(this.ctx).mayShareWith(caseId, toOrg))
      : consents.some((k) => k.scope === 'Services');
  }

  /** An active user who may take referrals (case work or a receiving role), or undefined. */
  private async receiver(userId: string) {
    const u = await userGrant(this.db, userId);
    return policy.takesReferrals(u) ? u : undefined;
  }

  /** People of a provider's organisation who can receive a referral by name (for the sender to choose). */
  async receiversOf(actor: Actor, providerId: string) {
    // Keyed by a provider, so a role that may not refer gets 404 like any record out of reach (the matrix rule).
    if (!policy.mayRefer(actor)) throw notFound();
    const p = await activeProvider(this.db, providerId);
    if (!p) throw notFound();
    if (!p.organisation_id) return [];
    const users = await repo.activeUsersOf(this.db, p.organisation_id);
    const out = [];
    for (const u of users)
      if (await this.receiver(u.id))
        out.push({
          id: u.id,
          name: this.ctx.crypto.decrypt(u.name_enc, { table: 'users', row: u.id, column: 'name' }),
        });
    return out.sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }

  /** Referrals with what the presenter needs, loaded: case codes, deliveries, sender and receiver names, details. */
  private async view(actor: Actor, rows: repo.Referral[]) {
    const caseIds = rows.map((r) => r.case_id);
    const orgIds = rows.map((r) => r.to_org_id).filter((x): x is string => Boolean(x));
    const providerIds = rows.map((r) => r.provider_id).filter((x): x is string => Boolean(x));
    const [cases, delivered, senders, names] = await Promise.all([
      repo.caseLabels(this.db, caseIds),
      repo.deliveriesOf(
        this.db,
        rows.map((r) => r.id),
      ),
      repo.organisationsOfUsers(
        this.db,
        rows.map((r) => r.created_by),
      ),
      repo.namesOf(this.db, orgIds, providerIds),
    ]);
    return presentReferrals(actor, rows, {
      cases: new Map(cases.map((c) => [c.id, c])),
      delivered,
      senders: new Map(senders.map((u) => [u.id, { id: u.orgId, name: u.name }])),
      names: new Map(names.map((o) => [o.id, o.name])),
      details: new Map(
        rows.map((r) => [
          r.id,
          this.ctx.crypto.decryptOptional(r.details_enc, { table: 'referrals', row: r.id, column: 'details' }),
        ]),
      ),
    });
  }

  private row(id: string): Promise<repo.Referral> {
    return repo.findReferral(this.db, id).then((r) => r!);
  }

  private async mine(actor: Actor, id: string): Promise<repo.Referral> {
    const r = await repo.findReferral(this.db, id);
    if (!r || !policy.mayRespond(actor, r)) throw notFound();
    return r;
  }

  private async setStatus(
    actor: Actor,
    r: repo.Referral,
    status: repo.Referral['status'],
    action: string,
    requestId: string,
    reason?: string,
  ) {
    await writeAudited(
      this.ctx,
      { actor, action, recordType: 'case', recordId: r.case_id, details: { referral: r.id, status }, requestId },
      (trx) =>
        repo.updateReferral(trx, r.id, {
          status,
          updated_at: nowIso(),
          ...(status === 'accepted' ? { accepted_at: nowIso() } : {}),
          ...(status === 'completed' ? { completed_at: nowIso() } : {}),
          ...(reason ? { response_reason_enc: enc(this.ctx, r.id, 'response_reason', reason) } : {}),
        }),
    );
    return (await this.view(actor, [await this.row(r.id)]))[0]!;
  }

  async respond(actor: Actor, id: string, b: z.infer<typeof respondBody>, requestId: string) {
    const r = await this.mine(actor, id);
    if (r.status !== 'sent') throw new AppError(409, 'referral_not_pending');
    if (!b.accept && !b.reason) throw new AppError(400, 'reason_required');
    return this.setStatus(
      actor,
      r,
      b.accept ? 'accepted' : 'declined',
      b.accept ? 'referral.accepted' : 'referral.declined',
      requestId,
      b.reason,
    );
  }

  /** The receiver records a service delivered; when every requested service is delivered the referral completes. */
  async deliver(actor: Actor, id: string, b: z.infer<typeof deliverBody>, requestId: string) {
    const r = await this.mine(actor, id);
    if (r.status !== 'accepted') throw new AppError(409, 'referral_not_accepted');
    const sid = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'referral.service_delivered',
        recordType: 'case',
        recordId: r.case_id,
        details: { referral: id, service: b.service },
        requestId,
      },
      (trx) =>
        repo.insertDelivery(trx, {
          id: sid,
          referral_id: id,
          service: b.service,
          notes_enc: this.ctx.crypto.encryptOptional(b.notes, {
            table: 'referral_services',
            row: sid,
            column: 'notes',
          }),
          delivered_at: nowIso(),
          recorded_by: actor.userId,
        }),
    );
    const done = new Set(await repo.deliveredServices(this.db, id));
    if (r.services.every((s) => done.has(s)))
      return this.setStatus(actor, r, 'completed', 'referral.completed', requestId);
    return (await this.view(actor, [r]))[0]!;
  }

  /** The sending side withdraws a referral; the receiver loses access to the case. */
  async revoke(actor: Actor, id: string, requestId: string) {
    const r = await repo.findReferral(this.db, id);
    if (!r) throw notFound();
    await this.access.load(actor, r.case_id, 'cases:write');
    if (!policy.revocable(actor, r)) throw new AppError(409, 'referral_not_revocable');
    return this.setStatus(actor, r, 'revoked', 'referral.revoked', requestId);
  }
}
