import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, type Permission, ScopeCheck } from '../access/index';
import * as policy from './policy';
import * as repo from './repo';
import type { actionBody, actionPatch, objectiveBody, planBody } from './schema';

/** Local plans per jurisdiction and period, their objectives on the four axes, and their actions. */
export class LocalPlans {
  constructor(private readonly ctx: Context) {}
  /** A jurisdiction check whose ancestry cache lives for one call, never for the process (divisions change). */
  private get scope() {
    return new ScopeCheck(this.ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  /** The plan if the actor may use it with this permission (inside their jurisdiction); 404 otherwise. */
  async load(actor: Actor, id: string, permission: Permission = 'plans:read') {
    const p = await repo.selectLocalPlansById(this.db, id);
    if (!p) throw notFound();
    const v = policy.verdict(actor, await this.scope.within(actor, p.country_code, p.division_code), permission);
    if (v === 'not_found') throw notFound();
    if (v === 'forbidden') throw new AppError(403, 'forbidden');
    return p;
  }

  /** Plans in the actor's jurisdiction, newest period first. */
  async list(actor: Actor) {
    if (!policy.mayBrowse(actor)) throw new AppError(403, 'forbidden');
    const rows = await repo.selectLocalPlans(this.db);
    const out = [];
    const scope = this.scope;
    for (const r of rows) if (await scope.within(actor, r.country_code, r.division_code)) out.push(r);
    return out;
  }

  async create(actor: Actor, b: z.infer<typeof planBody>, requestId: string) {
    if (!policy.mayWrite(actor)) throw new AppError(403, 'forbidden');
    if (!(await this.scope.within(actor, b.division.country, b.division.code)))
      throw new AppError(400, 'scope_outside_jurisdiction');
    const overlap = await repo.selectLocalPlansByYearToAndYearFrom(
      this.db,
      b.division.country,
      b.division.code,
      b.yearTo,
      b.yearFrom,
    );
    if (overlap) throw new AppError(409, 'plan_exists');
    if (b.agreementId) {
      const a = await repo.selectAgreementsById(this.db, b.agreementId);
      if (!a || !(await this.scope.within(actor, a.country_code, a.division_code)))
        throw new AppError(400, 'unknown_agreement');
    }
    const id = randomUUID();
    const now = nowIso();
    await writeAudited(
      this.ctx,
      { actor, action: 'plan.created', recordType: 'local_plan', recordId: id, requestId },
      (trx) =>
        repo.insertLocalPlans(trx, {
          id,
          title: b.title,
          country_code: b.division.country,
          division_code: b.division.code,
          year_from: b.yearFrom,
          year_to: b.yearTo,
          status: 'draft',
          agreement_id: b.agreementId ?? null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        }),
    );
    return id;
  }

  async addObjective(actor: Actor, planId: string, b: z.infer<typeof objectiveBody>, requestId: string) {
    await this.load(actor, planId, 'plans:write');
    const n = await repo.selectPlanObjectivesByPlanId(this.db, planId);
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'plan.objective_added',
        recordType: 'local_plan',
        recordId: planId,
        details: { axis: b.axis },
        requestId,
      },
      (trx) =>
        repo.insertPlanObjectives(trx, {
          id,
          plan_id: planId,
          axis: b.axis,
          text: b.text,
          national_objective: b.nationalObjective ?? null,
          position: Number(n.n) + 1,
        }),
    );
    return id;
  }

  async addAction(actor: Actor, planId: string, b: z.infer<typeof actionBody>, requestId: string) {
    const plan = await this.load(actor, planId, 'plans:write');
    await this.checkLinks(plan, b.responsibleOrgId, b.commitmentId);
    const objective = await repo.selectPlanObjectivesByPlanIdAndId(this.db, b.objectiveId, planId);
    if (!objective) throw new AppError(400, 'unknown_objective');
    if (b.startsOn && b.endsOn && b.endsOn < b.startsOn) throw new AppError(400, 'dates_reversed');
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'plan.action_added',
        recordType: 'local_plan',
        recordId: planId,
        details: { action: id },
        requestId,
      },
      (trx) =>
        repo.insertPlanActions(trx, {
          id,
          plan_id: planId,
          objective_id: b.objectiveId,
          title: b.title,
          responsible_org_id: b.responsibleOrgId ?? null,
          budget_planned: b.budgetPlanned,
          budget_executed: b.budgetExecuted,
          starts_on: b.startsOn ?? null,
          ends_on: b.endsOn ?? null,
          status: b.status,
          commitment_id: b.commitmentId ?? null,
          updated_at: nowIso(),
        }),
    );
    return id;
  }

  /** The responsible organisation exists, and a commitment belongs to the agreement the plan carries out. */
  private async checkLinks(plan: { agreement_id: string | null }, orgId?: string, commitmentId?: string) {
    if (orgId && !(await repo.selectOrganisationsById(this.db, orgId))) throw new AppError(400, 'unknown_organisation');
    if (commitmentId) {
      const c = await repo.selectAgreementCommitmentsByAgreementIdAndId(this.db, commitmentId, plan.agreement_id);
      if (!c) throw new AppError(400, 'unknown_commitment');
    }
  }

  async updateAction(
    actor: Actor,
    planId: string,
    actionId: string,
    b: z.infer<typeof actionPatch>,
    requestId: string,
  ) {
    await this.load(actor, planId, 'plans:write');
    if (b.endsOn) {
      const a = await repo.selectPlanActionsByPlanIdAndId(this.db, actionId, planId);
      if (a?.starts_on && b.endsOn < a.starts_on) throw new AppError(400, 'dates_reversed');
    }
    const set = {
      ...(b.status ? { status: b.status } : {}),
      ...(b.budgetExecuted !== undefined ? { budget_executed: b.budgetExecuted } : {}),
      ...(b.budgetPlanned !== undefined ? { budget_planned: b.budgetPlanned } : {}),
      ...(b.endsOn ? { ends_on: b.endsOn } : {}),
    };
    if (!Object.keys(set).length) throw new AppError(400, 'nothing_to_change');
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'plan.action_updated',
        recordType: 'local_plan',
        recordId: planId,
        fields: Object.keys(set).join(','),
        details: { action: actionId },
        requestId,
      },
      async (trx) => {
        const r = await repo.updatePlanActionsByPlanIdAndId(trx, { ...set, updated_at: nowIso() }, actionId, planId);
        if (Number(r.numUpdatedRows) !== 1) throw notFound();
      },
    );
  }
}
