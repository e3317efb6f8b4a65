import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { GeoService } from '../geo/index';
import * as repoActivities from './repo-activities';
import type { activityBody, instrumentBody, instrumentStatusBody } from './schema';
import { LocalPlans } from './service';
import { checkValue } from './values';

/** Prevention activities (trainings, campaigns, sessions, radio spots) and policy instruments of a plan. */
export class PlanWork {
  private readonly plans: LocalPlans;
  constructor(private readonly ctx: Context) {
    this.plans = new LocalPlans(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  async addActivity(actor: Actor, planId: string, b: z.infer<typeof activityBody>, requestId: string) {
    const plan = await this.plans.load(actor, planId, 'plans:write');
    const year = Number(b.heldOn.slice(0, 4));
    if (year < plan.year_from || year > plan.year_to) throw new AppError(400, 'date_outside_plan', { date: b.heldOn });
    const divisions = await new GeoService(this.db).descendantCodes(plan.country_code, plan.division_code);
    if (b.division && !divisions.includes(b.division)) throw new AppError(400, 'scope_outside_jurisdiction');
    if (b.actionId && !(await this.actionOf(planId, b.actionId))) throw new AppError(400, 'unknown_action');
    // Participants are checked like a count indicator disaggregated by sex, age group and ethnicity.
    checkValue(
      {
        code: 'activity',
        name: b.title,
        unit: 'count',
        source: 'manual',
        dimensions: ['sex', 'age_group', 'ethnicity', 'division'],
      },
      { period: b.heldOn.slice(0, 4), value: b.participants, breakdown: b.breakdown },
      divisions,
    );
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'plan.activity_added',
        recordType: 'local_plan',
        recordId: planId,
        details: { activity: id },
        requestId,
      },
      (trx) =>
        repoActivities.insertPreventionActivities(trx, {
          id,
          plan_id: planId,
          action_id: b.actionId ?? null,
          kind: b.kind,
          title: b.title,
          held_on: b.heldOn,
          division_code: b.division ?? null,
          language: b.language ?? null,
          organisers: JSON.stringify(b.organisers),
          participants: b.participants,
          breakdown: JSON.stringify(b.breakdown),
          materials: b.materials ?? null,
          created_at: nowIso(),
        }),
    );
    return id;
  }

  async addInstrument(actor: Actor, planId: string, b: z.infer<typeof instrumentBody>, requestId: string) {
    await this.plans.load(actor, planId, 'plans:write');
    if (b.objectiveIds.length) {
      const found = await repoActivities.selectPlanObjectivesByIdAndPlanId(this.db, planId, b.objectiveIds);
      if (found.length !== new Set(b.objectiveIds).size) throw new AppError(400, 'unknown_objective');
    }
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'plan.instrument_added',
        recordType: 'local_plan',
        recordId: planId,
        details: { instrument: id },
        requestId,
      },
      (trx) =>
        repoActivities.insertPolicyInstruments(trx, {
          id,
          plan_id: planId,
          kind: b.kind,
          title: b.title,
          status: b.status,
          history: JSON.stringify([{ status: b.status, date: b.date }]),
          objective_ids: JSON.stringify(b.objectiveIds),
          updated_at: nowIso(),
        }),
    );
    return id;
  }

  /** Moves an instrument to a new stage (draft → submitted → debated → approved → in force → repealed), keeping the dates. */
  async setInstrumentStatus(
    actor: Actor,
    planId: string,
    instrumentId: string,
    b: z.infer<typeof instrumentStatusBody>,
    requestId: string,
  ) {
    await this.plans.load(actor, planId, 'plans:write');
    const i = await repoActivities.selectPolicyInstrumentsByPlanIdAndId(this.db, instrumentId, planId);
    if (!i) throw notFound();
    const before = i.history;
    // Stages keep their order in time: a new stage cannot be dated before the last one.
    if (before.length && b.date < before.at(-1)!.date) throw new AppError(400, 'dates_reversed');
    const history = [...before, { status: b.status, date: b.date }];
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'plan.instrument_status',
        recordType: 'local_plan',
        recordId: planId,
        details: { instrument: instrumentId, status: b.status },
        requestId,
      },
      (trx) =>
        repoActivities.updatePolicyInstrumentsById(
          trx,
          { status: b.status, history: JSON.stringify(history), updated_at: nowIso() },
          instrumentId,
        ),
    );
  }

  private actionOf(planId: string, actionId: string) {
    return repoActivities.selectPlanActionsByPlanIdAndId(this.db, actionId, planId);
  }
}
