import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { CaseAccess } from './access';
import { supersedeClosureRequests } from './care';
import { legalCodec, supportPlanCodec } from './codecs';
import { legalStages } from './legal-stages';
import * as repoProtection from './repo-protection';

export { legalStages };

const e = (ctx: Context, table: string, row: string, column: string, v?: string | null) =>
  ctx.crypto.encryptOptional(v, { table, row, column });
const d = (ctx: Context, table: string, row: string, column: string, v?: string | null) =>
  ctx.crypto.decryptOptional(v, { table, row, column });

/** Support plans (HTCDS spl_) with supervisor review and versioned re-planning; legal proceedings; reopening. */
export class Protection {
  private readonly access: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  /** Submits a plan; a new plan supersedes earlier open versions, which stay in the history. */
  async submitPlan(
    actor: Actor,
    caseId: string,
    b: { spl_Objectives: string; spl_ActionPlan?: string; spl_Type: string[]; spl_PlannedEndDate?: string },
    requestId: string,
  ) {
    await this.access.load(actor, caseId, 'cases:write');
    const id = randomUUID();
    const now = nowIso();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'case.plan_submitted',
        recordType: 'case',
        recordId: caseId,
        details: { plan: id, types: b.spl_Type },
        requestId,
      },
      async (trx) => {
        const last = await repoProtection.selectSupportPlansByCaseId(trx, caseId);
        await repoProtection.updateSupportPlansByStatusAndCaseId(
          trx,
          { status: 'superseded', updated_at: now },
          caseId,
        );
        await repoProtection.insertSupportPlans(trx, {
          id,
          case_id: caseId,
          version: Number(last?.v ?? 0) + 1,
          status: 'submitted',
          objectives_enc: e(this.ctx, 'support_plans', id, 'objectives', b.spl_Objectives)!,
          action_plan_enc: e(this.ctx, 'support_plans', id, 'action_plan', b.spl_ActionPlan),
          types: JSON.stringify(b.spl_Type),
          planned_end: b.spl_PlannedEndDate ?? null,
          actual_end: null,
          review_comment_enc: null,
          reviewed_by: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
      },
    );
    return this.plans(actor, caseId);
  }

  async plans(actor: Actor, caseId: string) {
    await this.access.load(actor, caseId, 'cases:read', 'plans');
    const rows = await repoProtection.selectSupportPlansByCaseId2(this.db, caseId);
    return rows.map((p) => ({
      id: p.id,
      version: Number(p.version),
      status: p.status,
      spl_Objectives: d(this.ctx, 'support_plans', p.id, 'objectives', p.objectives_enc) ?? '',
      spl_ActionPlan: d(this.ctx, 'support_plans', p.id, 'action_plan', p.action_plan_enc),
      spl_Type: supportPlanCodec.decode(p).types,
      spl_PlannedEndDate: p.planned_end,
      spl_ActualEndDate: p.actual_end,
      reviewComment: d(this.ctx, 'support_plans', p.id, 'review_comment', p.review_comment_enc),
    }));
  }

  private async plan(actor: Actor, planId: string, permission: 'cases:write' | 'cases:approve') {
    const p = await repoProtection.selectSupportPlansById(this.db, planId);
    if (!p) throw notFound();
    await this.access.load(actor, p.case_id, permission);
    return p;
  }

  /** A supervisor approves a submitted plan or returns it with a comment. */
  async review(actor: Actor, planId: string, b: { approve: boolean; comment?: string }, requestId: string) {
    const p = await this.plan(actor, planId, 'cases:approve');
    if (p.status !== 'submitted') throw new AppError(409, 'plan_not_submitted');
    if (!b.approve && !b.comment) throw new AppError(400, 'reason_required');
    await writeAudited(
      this.ctx,
      {
        actor,
        action: b.approve ? 'case.plan_approved' : 'case.plan_returned',
        recordType: 'case',
        recordId: p.case_id,
        details: { plan: p.id },
        requestId,
      },
      (trx) =>
        repoProtection.updateSupportPlansById(
          trx,
          {
            status: b.approve ? 'approved' : 'returned',
            review_comment_enc: e(this.ctx, 'support_plans', p.id, 'review_comment', b.comment),
            reviewed_by: actor.userId,
            updated_at: nowIso(),
          },
          p.id,
        ),
    );
    return this.plans(actor, p.case_id);
  }

  async completePlan(actor: Actor, planId: string, b: { spl_ActualEndDate: string }, requestId: string) {
    const p = await this.plan(actor, planId, 'cases:write');
    if (p.status !== 'approved') throw new AppError(409, 'plan_not_approved');
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'case.plan_completed',
        recordType: 'case',
        recordId: p.case_id,
        details: { plan: p.id },
        requestId,
      },
      (trx) =>
        repoProtection.updateSupportPlansById(
          trx,
          { status: 'completed', actual_end: b.spl_ActualEndDate, updated_at: nowIso() },
          p.id,
        ),
    );
    return this.plans(actor, p.case_id);
  }

  /** A step of the legal process (complaint, investigation, charges, trial, judgment, appeal); file numbers are encrypted. */
  async addLegal(
    actor: Actor,
    caseId: string,
    b: {
      stage: (typeof legalStages)[number];
      date: string;
      authority?: string;
      fileNumber?: string;
      outcome?: string;
      protectionMeasures?: string;
      victimParticipates?: boolean;
    },
    requestId: string,
  ) {
    await this.access.load(actor, caseId, 'legal:write');
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'case.legal_step',
        recordType: 'case',
        recordId: caseId,
        details: { stage: b.stage, date: b.date },
        requestId,
      },
      (trx) =>
        repoProtection.insertLegalProceedings(trx, {
          id,
          case_id: caseId,
          stage: b.stage,
          date: b.date,
          authority: b.authority ?? null,
          file_number_enc: e(this.ctx, 'legal_proceedings', id, 'file_number', b.fileNumber),
          outcome_enc: e(this.ctx, 'legal_proceedings', id, 'outcome', b.outcome),
          protection_measures_enc: e(this.ctx, 'legal_proceedings', id, 'protection_measures', b.protectionMeasures),
          victim_participates: b.victimParticipates === undefined ? null : b.victimParticipates ? 1 : 0,
          created_by: actor.userId,
          created_at: nowIso(),
        }),
    );
    return this.legal(actor, caseId);
  }

  async legal(actor: Actor, caseId: string) {
    await this.access.load(actor, caseId, 'cases:read', 'legal');
    const rows = await repoProtection.selectLegalProceedingsByCaseId(this.db, caseId);
    return rows.map((l) => ({
      id: l.id,
      stage: l.stage,
      date: l.date,
      authority: l.authority,
      fileNumber: d(this.ctx, 'legal_proceedings', l.id, 'file_number', l.file_number_enc),
      outcome: d(this.ctx, 'legal_proceedings', l.id, 'outcome', l.outcome_enc),
      protectionMeasures: d(this.ctx, 'legal_proceedings', l.id, 'protection_measures', l.protection_measures_enc),
      victimParticipates: legalCodec.decode(l).victim_participates,
    }));
  }

  /** Reopens a closed case (supervisors), keeping the closure in the history. */
  async reopen(actor: Actor, caseId: string, reason: string, requestId: string) {
    const c = await this.access.load(actor, caseId, 'cases:approve');
    if (c.status !== 'Closed' && c.status !== 'ClosedReferred') throw new AppError(409, 'case_not_closed');
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'case.reopened',
        recordType: 'case',
        recordId: caseId,
        fields: 'status,stage',
        details: { before: c.status, reason: reason ? 'given' : 'none' },
        requestId,
      },
      async (trx) => {
        await repoProtection.updateCasesById(
          trx,
          { status: 'Active', stage: 'FollowUp', closed_at: null, updated_at: nowIso() },
          caseId,
        );
        await supersedeClosureRequests(trx, caseId);
      },
    );
    return { ok: true as const };
  }
}
