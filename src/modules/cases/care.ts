import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import type { CaseTable } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { Actor } from '../access/policy';
import * as repo from './repo';
import type { closeBody, consentBody, safeguardsBody } from './schema';
import { CaseService } from './service';

const enc = (ctx: Context, table: string, row: string, column: string, v?: string | null) =>
  ctx.crypto.encryptOptional(v, { table, row, column });

/** Consent, a minor's safeguards, tasks, comments and closure: the care side of a case. */
export class CareService {
  private readonly cases: CaseService;
  private readonly access;
  constructor(private readonly ctx: Context) {
    this.cases = new CaseService(ctx);
    this.access = this.cases.access;
  }
  private get db() {
    return this.ctx.db.db;
  }
  private get(actor: Actor, id: string, requestId: string) {
    return this.cases.get(actor, id, requestId);
  }
  private change(
    actor: Actor,
    id: string,
    set: Partial<CaseTable>,
    action: string,
    details: Record<string, unknown>,
    requestId: string,
  ) {
    return this.cases.change(actor, id, set, action, details, requestId);
  }
  private safeguardsMissing(c: CaseTable, open: { kind: string }[]) {
    return this.cases.safeguardsMissing(c, open);
  }

  async addConsent(actor: Actor, id: string, b: z.infer<typeof consentBody>, requestId: string) {
    const c = await this.access.load(actor, id, 'cases:write');
    if (Number(c.is_minor) === 1 && b.givenBy === 'Self') throw new AppError(400, 'consent_needs_guardian');
    if (b.scope === 'SharingWithOrganisation' && !b.organisationId)
      throw new AppError(400, 'consent_needs_organisation');
    const cid = randomUUID();
    await this.db
      .insertInto('consents')
      .values({
        id: cid,
        case_id: id,
        scope: b.scope,
        organisation_id: b.organisationId ?? null,
        given_by: b.givenBy,
        giver_name_enc: enc(this.ctx, 'consents', cid, 'giver_name', b.giverName),
        given_at: nowIso(),
        withdrawn_at: null,
        created_by: actor.userId,
      })
      .execute();
    await this.ctx.audit.record({
      actor,
      action: 'case.consent_given',
      recordType: 'case',
      recordId: id,
      details: { scope: b.scope, givenBy: b.givenBy, organisationId: b.organisationId ?? null },
      requestId,
    });
    return this.get(actor, id, requestId);
  }

  async withdrawConsent(actor: Actor, id: string, consentId: string, requestId: string) {
    await this.access.load(actor, id, 'cases:write');
    await this.db
      .updateTable('consents')
      .set({ withdrawn_at: nowIso() })
      .where('id', '=', consentId)
      .where('case_id', '=', id)
      .execute();
    await this.ctx.audit.record({
      actor,
      action: 'case.consent_withdrawn',
      recordType: 'case',
      recordId: id,
      details: { consentId },
      requestId,
    });
    return this.get(actor, id, requestId);
  }

  /** Other modules ask here before disclosing a case to an organisation. */
  async mayShareWith(caseId: string, organisationId: string): Promise<boolean> {
    const rows = await repo.consentsOf(this.db, caseId);
    return rows.some(
      (k) =>
        !k.withdrawn_at && ((k.scope === 'SharingWithOrganisation' && k.organisation_id === organisationId) || false),
    );
  }

  async setSafeguards(actor: Actor, id: string, b: z.infer<typeof safeguardsBody>, requestId: string) {
    await this.access.load(actor, id, 'cases:write');
    const set: Partial<CaseTable> = {};
    if (b.guardian) set.guardian_enc = enc(this.ctx, 'cases', id, 'guardian', b.guardian);
    if (b.bestInterest) set.best_interest_enc = enc(this.ctx, 'cases', id, 'best_interest', b.bestInterest);
    await this.change(actor, id, set, 'case.safeguards_updated', {}, requestId);
    return this.get(actor, id, requestId);
  }

  async completeTask(actor: Actor, id: string, taskId: string, requestId: string) {
    await this.access.load(actor, id, 'cases:write');
    await this.db
      .updateTable('case_tasks')
      .set({ done_at: nowIso(), done_by: actor.userId })
      .where('id', '=', taskId)
      .where('case_id', '=', id)
      .execute();
    await this.ctx.audit.record({
      actor,
      action: 'case.task_done',
      recordType: 'case',
      recordId: id,
      details: { taskId },
      requestId,
    });
    return this.get(actor, id, requestId);
  }

  async comment(actor: Actor, id: string, body: string, requestId: string) {
    await this.access.load(actor, id, 'cases:write');
    const cid = randomUUID();
    await this.db
      .insertInto('case_comments')
      .values({
        id: cid,
        case_id: id,
        author_user_id: actor.userId,
        body_enc: enc(this.ctx, 'case_comments', cid, 'body', body)!,
        created_at: nowIso(),
      })
      .execute();
    await this.ctx.audit.record({ actor, action: 'case.comment', recordType: 'case', recordId: id, requestId });
    return this.get(actor, id, requestId);
  }

  /** Closes a case; a minor's case first needs the authority notified, a guardian and a best-interest note. */
  async close(actor: Actor, id: string, b: z.infer<typeof closeBody>, requestId: string) {
    const c = await this.access.load(actor, id, 'cases:approve');
    const missing = this.safeguardsMissing(
      c,
      (await repo.tasksOf(this.db, id)).filter((t) => !t.done_at),
    );
    if (missing.length) throw new AppError(409, 'safeguards_missing', { missing: missing.join(', ') });
    await this.change(
      actor,
      id,
      {
        status: b.cas_Status,
        stage: 'Closure',
        closed_at: nowIso(),
        closure_reason_enc: enc(this.ctx, 'cases', id, 'closure_reason', b.cas_ReasonForCaseClosure),
      },
      'case.closed',
      { status: b.cas_Status },
      requestId,
    );
    return this.get(actor, id, requestId);
  }
}
