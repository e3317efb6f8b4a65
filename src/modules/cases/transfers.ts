import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, organisationExists, userGrant } from '../access/index';
import { CaseAccess } from './access';
import { transferIsFor } from './policy';
import * as repoTransfers from './repo-transfers';

/** Transfers of a case to another caseworker or organisation, which the receiver accepts or rejects. */
export class Transfers {
  private readonly access: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  async propose(actor: Actor, caseId: string, b: { toUserId?: string; toOrgId?: string }, requestId: string) {
    await this.access.load(actor, caseId, 'cases:write');
    if (Boolean(b.toUserId) === Boolean(b.toOrgId)) throw new AppError(400, 'transfer_target');
    let toOrg = b.toOrgId ?? '';
    if (b.toUserId) {
      const user = await userGrant(this.db, b.toUserId);
      if (!user?.active || !user.permissions.has('cases:write')) throw new AppError(400, 'unknown_assignee');
      toOrg = user.organisationId;
    } else if (!(await organisationExists(this.db, toOrg))) throw new AppError(400, 'unknown_organisation');
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'case.transfer_proposed',
        recordType: 'case',
        recordId: caseId,
        details: { transfer: id, toOrg, toUser: b.toUserId ?? null },
        requestId,
      },
      (trx) =>
        repoTransfers.insertCaseTransfers(trx, {
          id,
          case_id: caseId,
          to_org_id: toOrg,
          to_user_id: b.toUserId ?? null,
          status: 'pending',
          reason_enc: null,
          created_by: actor.userId,
          created_at: nowIso(),
          responded_at: null,
        }),
    );
    return { id, caseId, toOrgId: toOrg, toUserId: b.toUserId ?? null, status: 'pending' };
  }

  /** The transfers of a case, newest first, with the receiving organisation's name. */
  async ofCase(actor: Actor, caseId: string) {
    await this.access.load(actor, caseId, 'cases:read', 'history');
    const rows = await repoTransfers.selectCaseTransfersByCaseId(this.db, caseId);
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      toOrgId: r.to_org_id,
      toUserId: r.to_user_id,
      status: r.status,
      toOrgName: r.name,
      createdAt: r.created_at,
    }));
  }

  /** Pending transfers to me, or to my organisation when I may take cases. */
  async pending(actor: Actor) {
    const rows = await repoTransfers.selectCaseTransfersByStatus(this.db, actor.userId, actor.orgId);
    return rows
      .filter((r) => transferIsFor(r, actor))
      .map((r) => ({
        id: r.id,
        caseId: r.case_id,
        caseCode: r.code,
        toOrgId: r.to_org_id,
        toUserId: r.to_user_id,
        status: r.status,
      }));
  }

  async respond(actor: Actor, id: string, b: { accept: boolean; reason?: string }, requestId: string) {
    const t = await repoTransfers.selectCaseTransfersById(this.db, id);
    if (!t || !transferIsFor(t, actor)) throw notFound();
    if (t.status !== 'pending') throw new AppError(409, 'transfer_not_pending');
    if (!b.accept && !b.reason) throw new AppError(400, 'reason_required');
    await writeAudited(
      this.ctx,
      {
        actor,
        action: b.accept ? 'case.transfer_accepted' : 'case.transfer_rejected',
        recordType: 'case',
        recordId: t.case_id,
        fields: b.accept ? 'owner_org_id,assigned_user_id' : undefined,
        details: { transfer: id },
        requestId,
      },
      async (trx) => {
        await repoTransfers.updateCaseTransfersById(
          trx,
          {
            status: b.accept ? 'accepted' : 'rejected',
            responded_at: nowIso(),
            reason_enc: this.ctx.crypto.encryptOptional(b.reason, {
              table: 'case_transfers',
              row: id,
              column: 'reason',
            }),
          },
          id,
        );
        if (b.accept)
          await repoTransfers.updateCasesById(
            trx,
            { owner_org_id: t.to_org_id, assigned_user_id: t.to_user_id ?? actor.userId, updated_at: nowIso() },
            t.case_id,
          );
      },
    );
    return {
      id,
      caseId: t.case_id,
      toOrgId: t.to_org_id,
      toUserId: t.to_user_id,
      status: b.accept ? 'accepted' : 'rejected',
    };
  }
}
