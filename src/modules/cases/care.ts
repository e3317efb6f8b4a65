import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { CaseTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { isMinorCase } from './codecs';
import { RecordService } from './record';
import * as repo from './repo';
import * as repoCare from './repo-care';
import type { closeBody, consentBody, safeguardsBody } from './schema';
import { CaseService } from './service';
import { isClosed, recordedTaskKinds } from './vocabulary';

/** A pending closure request no longer applies once the case is closed directly or reopened. */
export const supersedeClosureRequests = (trx: repo.Q, caseId: string) =>
  repoCare.updateCaseClosureRequestsByStatusAndCaseId(trx, { status: 'superseded' }, caseId);

const enc = (ctx: Context, table: string, row: string, column: string, v?: string | null) =>
  ctx.crypto.encryptOptional(v, { table, row, column });

/** Consent, a minor's safeguards, tasks, comments and closure: the care side of a case. Each change commits with its audit entry. */
export class CareService {
  private readonly cases: CaseService;
  constructor(private readonly ctx: Context) {
    this.cases = new CaseService(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  /** Loads a case the actor may change; a closed case takes no more changes. */
  private async open(actor: Actor, id: string): Promise<CaseTable> {
    const c = await this.cases.access.load(actor, id, 'cases:write');
    if (isClosed(c.status)) throw new AppError(409, 'case_closed');
    return c;
  }

  async addConsent(actor: Actor, id: string, b: z.infer<typeof consentBody>, requestId: string) {
    const c = await this.open(actor, id);
    if (isMinorCase(c) && b.givenBy === 'Self') throw new AppError(400, 'consent_needs_guardian');
    if (b.scope === 'SharingWithOrganisation' && !b.organisationId)
      throw new AppError(400, 'consent_needs_organisation');
    const cid = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'case.consent_given',
        recordType: 'case',
        recordId: id,
        details: { scope: b.scope, givenBy: b.givenBy, organisationId: b.organisationId ?? null },
        requestId,
      },
      (trx) =>
        repoCare.insertConsents(trx, {
          id: cid,
          case_id: id,
          scope: b.scope,
          organisation_id: b.organisationId ?? null,
          given_by: b.givenBy,
          giver_name_enc: enc(this.ctx, 'consents', cid, 'giver_name', b.giverName),
          given_at: nowIso(),
          withdrawn_at: null,
          created_by: actor.userId,
          sections: b.sections ? JSON.stringify(b.sections) : null,
        }),
    );
    return this.cases.get(actor, id, requestId);
  }

  async withdrawConsent(actor: Actor, id: string, consentId: string, requestId: string) {
    await this.cases.access.load(actor, id, 'cases:write');
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'case.consent_withdrawn',
        recordType: 'case',
        recordId: id,
        details: { consentId },
        requestId,
      },
      async (trx) => {
        const r = await repoCare.updateConsentsByWithdrawnAtAndCaseId(trx, { withdrawn_at: nowIso() }, consentId, id);
        if (Number(r.numUpdatedRows) !== 1) throw notFound();
      },
    );
    return this.cases.get(actor, id, requestId);
  }

  /** Other modules ask here before disclosing a case to an organisation. */
  async mayShareWith(caseId: string, organisationId: string): Promise<boolean> {
    const rows = await repo.consentsOf(this.db, caseId);
    return rows.some(
      (k) => !k.withdrawn_at && k.scope === 'SharingWithOrganisation' && k.organisation_id === organisationId,
    );
  }

  async setSafeguards(actor: Actor, id: string, b: z.infer<typeof safeguardsBody>, requestId: string) {
    const c = await this.open(actor, id);
    // The same versioned change as PATCH /cases/{id}, on the version the case is at now (this older form states none).
    await new RecordService(this.ctx).update({
      actor,
      caseId: id,
      type: 'case',
      fields: {
        ...(b.guardian ? { local_Guardian: b.guardian } : {}),
        ...(b.bestInterest ? { local_BestInterest: b.bestInterest } : {}),
      },
      version: Number(c.version),
      requestId,
    });
    return this.cases.get(actor, id, requestId, true);
  }

  async completeTask(actor: Actor, id: string, taskId: string, requestId: string, outcome?: string) {
    await this.cases.access.load(actor, id, 'cases:write');
    await writeAudited(
      this.ctx,
      { actor, action: 'case.task_done', recordType: 'case', recordId: id, details: { taskId }, requestId },
      async (trx) => {
        const task = await repoCare.selectCaseTaskKind(trx, taskId, id);
        if (!task) throw notFound();
        if (recordedTaskKinds.includes(task.kind)) throw new AppError(409, 'task_needs_record');
        const r = await repoCare.updateCaseTasksByDoneAtAndCaseId(
          trx,
          {
            done_at: nowIso(),
            done_by: actor.userId,
            ...(outcome
              ? {
                  outcome_enc: this.ctx.crypto.encryptOptional(outcome, {
                    table: 'case_tasks',
                    row: taskId,
                    column: 'outcome',
                  }),
                }
              : {}),
          },
          taskId,
          id,
        );
        if (Number(r.numUpdatedRows) !== 1) throw notFound();
      },
    );
    return this.cases.get(actor, id, requestId);
  }

  async comment(actor: Actor, id: string, body: string, requestId: string) {
    await this.cases.access.load(actor, id, 'cases:write');
    const cid = randomUUID();
    await writeAudited(
      this.ctx,
      { actor, action: 'case.comment', recordType: 'case', recordId: id, requestId },
      (trx) =>
        repoCare.insertCaseComments(trx, {
          id: cid,
          case_id: id,
          author_user_id: actor.userId,
          body_enc: enc(this.ctx, 'case_comments', cid, 'body', body)!,
          created_at: nowIso(),
        }),
    );
    return this.cases.get(actor, id, requestId);
  }

  /** Refuses closure while a minor's case lacks the authority's notification, a guardian or a best-interest note. */
  async assertSafeguards(c: CaseTable) {
    const missing = this.cases.safeguardsMissing(
      c,
      (await repo.tasksOf(this.db, c.id)).filter((t) => !t.done_at),
    );
    if (missing.length) throw new AppError(409, 'safeguards_missing', { missing: missing.join(', ') });
  }

  /** The columns that close a case, for one update. */
  closing(id: string, b: z.infer<typeof closeBody>): Partial<CaseTable> {
    return {
      status: b.cas_Status,
      stage: 'Closure',
      closed_at: nowIso(),
      closure_reason_enc: enc(this.ctx, 'cases', id, 'closure_reason', b.cas_ReasonForCaseClosure),
    };
  }

  /** Closes a case directly (supervisors); a minor's case first needs its safeguards. */
  async close(actor: Actor, id: string, b: z.infer<typeof closeBody>, requestId: string) {
    const c = await this.cases.access.load(actor, id, 'cases:approve');
    if (isClosed(c.status)) throw new AppError(409, 'case_closed');
    await this.assertSafeguards(c);
    await this.cases.change(actor, id, this.closing(id, b), 'case.closed', { status: b.cas_Status }, requestId, (trx) =>
      supersedeClosureRequests(trx, id),
    );
    return this.cases.get(actor, id, requestId);
  }
}
