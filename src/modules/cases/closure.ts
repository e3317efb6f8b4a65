import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { isUniqueViolation } from '../../platform/db/dialect';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { CaseAccess } from './access';
import { CareService } from './care';
import { maySupervise } from './policy';
import * as repo from './repo';
import * as repoClosure from './repo-closure';
import type { closeBody } from './schema';
import { isClosed } from './vocabulary';

/**
 * Closure in two hands: the caseworker asks for it with an HTCDS status and reason, a supervisor approves
 * (the case closes) or returns it with a comment. Every request stays in the case's history.
 */
export class Closure {
  private readonly access: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }
  private enc(row: string, column: string, v: string) {
    return this.ctx.crypto.encrypt(v, { table: 'case_closure_requests', row, column });
  }

  /**
   * What the case page shows: the pending request, and the comment of the last returned one (so the
   * caseworker sees why). The read is audited: both carry case details.
   */
  async state(actor: Actor, caseId: string, requestId: string) {
    await this.access.load(actor, caseId, 'cases:write');
    const returned = await repoClosure.selectCaseClosureRequestsByStatusAndCaseId(this.db, caseId);
    await this.ctx.audit.record({
      actor,
      action: 'case.closure_read',
      recordType: 'case',
      recordId: caseId,
      requestId,
    });
    return {
      pending: await this.pending(caseId),
      returned: returned
        ? {
            comment: this.ctx.crypto.decryptOptional(returned.comment_enc, {
              table: 'case_closure_requests',
              row: returned.id,
              column: 'comment',
            }),
            decidedAt: returned.decided_at!,
          }
        : null,
    };
  }

  /** The pending request of a case, if any, decrypted for the case page. */
  async pending(caseId: string) {
    const r = await repoClosure.selectCaseClosureRequestsByStatusAndCaseId2(this.db, caseId);
    if (!r) return null;
    return {
      id: r.id,
      cas_Status: r.requested_status,
      cas_ReasonForCaseClosure: this.ctx.crypto.decrypt(r.reason_enc, {
        table: 'case_closure_requests',
        row: r.id,
        column: 'reason',
      }),
      requestedBy: r.requested_by,
      requestedAt: r.requested_at,
    };
  }

  /** Asks a supervisor to close the case; refused while a minor's safeguards are missing or a request is pending. */
  async request(actor: Actor, caseId: string, b: z.infer<typeof closeBody>, requestId: string) {
    const c = await this.access.load(actor, caseId, 'cases:write');
    if (isClosed(c.status)) throw new AppError(409, 'case_closed');
    await new CareService(this.ctx).assertSafeguards(c);
    if (await this.pending(caseId)) throw new AppError(409, 'closure_pending');
    const id = randomUUID();
    // The unique index on pending requests settles two requests sent at once.
    const audit = {
      actor,
      action: 'case.closure_requested',
      recordType: 'case',
      recordId: caseId,
      details: { request: id, status: b.cas_Status },
      requestId,
    };
    await writeAudited(this.ctx, audit, (trx) =>
      repoClosure.insertCaseClosureRequests(trx, {
        id,
        case_id: caseId,
        status: 'pending',
        requested_status: b.cas_Status,
        reason_enc: this.enc(id, 'reason', b.cas_ReasonForCaseClosure),
        requested_by: actor.userId,
        requested_at: nowIso(),
        decided_by: null,
        decided_at: null,
        comment_enc: null,
      }),
    ).catch((e) => {
      throw isUniqueViolation(e) ? new AppError(409, 'closure_pending') : e;
    });
    return this.pending(caseId);
  }

  /** A supervisor approves (the case closes with the requested status and reason) or returns the request. */
  async decide(actor: Actor, caseId: string, b: { approve: boolean; comment?: string }, requestId: string) {
    const c = await this.access.load(actor, caseId, 'cases:approve');
    if (isClosed(c.status)) throw new AppError(409, 'case_closed');
    const p = await this.pending(caseId);
    if (!p) throw notFound();
    if (!b.approve && !b.comment) throw new AppError(400, 'reason_required');
    const care = new CareService(this.ctx);
    if (b.approve) await care.assertSafeguards(c);
    const now = nowIso();
    // The case closes, the request is decided and the caseworker told, all in one transaction.
    await writeAudited(
      this.ctx,
      {
        actor,
        action: b.approve ? 'case.closure_approved' : 'case.closure_returned',
        recordType: 'case',
        recordId: caseId,
        details: { request: p.id },
        requestId,
      },
      async (trx) => {
        if (b.approve) {
          const closing = care.closing(caseId, {
            cas_Status: p.cas_Status as 'Closed' | 'ClosedReferred',
            cas_ReasonForCaseClosure: p.cas_ReasonForCaseClosure,
          });
          await repo.updateCase(trx, caseId, { ...closing, updated_at: now });
          await this.ctx.audit.record(
            {
              actor,
              action: 'case.closed',
              recordType: 'case',
              recordId: caseId,
              fields: Object.keys(closing).join(','),
              details: { status: p.cas_Status, request: p.id },
              requestId,
            },
            trx,
          );
        }
        const decided = await repoClosure.updateCaseClosureRequestsByStatusAndId(
          trx,
          {
            status: b.approve ? 'approved' : 'returned',
            decided_by: actor.userId,
            decided_at: now,
            comment_enc: b.comment ? this.enc(p.id, 'comment', b.comment) : null,
          },
          p.id,
        );
        if (Number(decided.numUpdatedRows) !== 1) throw new AppError(409, 'closure_decided');
        await repoClosure.insertNotifications(trx, {
          id: randomUUID(),
          user_id: p.requestedBy,
          kind: b.approve ? 'closure_approved' : 'closure_returned',
          case_id: caseId,
          task_id: null,
          created_at: now,
          read_at: null,
        });
      },
    );
    return { id: p.id, status: b.approve ? ('approved' as const) : ('returned' as const) };
  }

  /** Pending closure requests in a supervisor's jurisdiction, oldest first (filtered in SQL). */
  async board(actor: Actor) {
    if (!maySupervise(actor)) throw new AppError(403, 'forbidden');
    const codes = await this.access.scopeCodes(actor);
    const rows = await repoClosure.selectPendingClosureRequests(this.db, actor.scope.country, codes);
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseCode: r.code,
      cas_Status: r.requested_status,
      requestedAt: r.requested_at,
    }));
  }
}
