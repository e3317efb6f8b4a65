import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, organisationExists } from '../access/index';
import { CaseTasks } from '../cases/index';
import { Catalogues } from '../catalogues/index';
import { findProvider } from '../directory/index';
import { checkPlaceAbroad } from './places';
import * as repo from './repo';
import type { arrivalBody, closePlanBody, returnBody, visitBody } from './schema';
import { fieldError, ReturnsService } from './service';
import { defaultVisitMonths, monitoringVisitTask } from './vocabulary';

/** YYYY-MM-DD plus whole months; a day the month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * The return itself and what follows it: a return rests on a best-interest decision to return; its arrival opens the
 * reintegration plan, whose monitoring visits are scheduled at the months of the catalogue's `visit_schedule/
 * reintegration` (each an open 'monitoring_visit' case task due on arrival + N months, so overdue visits show on the
 * work board and the supervisor's overdue board); recording a visit closes its task; closing the plan closes the rest.
 */
export class Reintegration extends ReturnsService {
  /** Records a return; 409 unless the latest family assessment decided the child's return is in its best interest. */
  async addReturn(actor: Actor, caseId: string, b: z.infer<typeof returnBody>, requestId: string, lang = 'es') {
    const c = await this.writable(actor, caseId);
    const decided = (await repo.assessmentsOf(this.db, caseId)).at(-1)?.decision;
    if (decided !== 'return') throw new AppError(409, 'return_not_decided');
    checkPlaceAbroad(b.fromCountry, b.fromDivision, ['fromCountry', 'fromDivision']);
    await this.checkHome(c.country_code, b.toDivision, 'toDivision');
    // A return is recorded once the child has left (its route and accompanying adult are facts of the journey, the
    // arrival may follow later); what is only planned lives in the exchanges and the assessment. So no day is future.
    this.notFuture(b.departedOn, 'departedOn');
    this.notFuture(b.arrivedOn, 'arrivedOn');
    if (b.arrivedOn && b.arrivedOn < b.departedOn) throw fieldError(400, 'arrival_before_departure', 'arrivedOn');
    if (!b.receivingOrgId === !b.receivingProviderId) throw fieldError(400, 'receiving_required', 'receivingOrgId');
    if (b.receivingOrgId && !(await organisationExists(this.db, b.receivingOrgId)))
      throw fieldError(400, 'unknown_receiver', 'receivingOrgId');
    if (b.receivingProviderId && !(await findProvider(this.db, b.receivingProviderId))?.active)
      throw fieldError(400, 'unknown_receiver', 'receivingProviderId');
    const months = b.arrivedOn ? await this.schedule() : [];
    const id = randomUUID();
    const assessment = (await repo.assessmentsOf(this.db, caseId)).at(-1)!;
    await this.audited(
      actor,
      caseId,
      'return_recorded',
      {
        return: id,
        from: b.fromDivision ?? b.fromCountry,
        to: b.toDivision,
        arrived: Boolean(b.arrivedOn),
        months,
      },
      requestId,
    )(async (trx) => {
      const now = nowIso();
      await repo.insertReturn(trx, {
        id,
        case_id: caseId,
        assessment_id: assessment.id,
        from_country: b.fromCountry,
        from_division: b.fromDivision,
        to_country: c.country_code,
        to_division: b.toDivision,
        departed_on: b.departedOn,
        arrived_on: b.arrivedOn ?? null,
        route_enc: this.seal('case_returns', id, 'route', b.route),
        accompanying_enc: this.seal('case_returns', id, 'accompanying', b.accompanyingName),
        accompanying_role: b.accompanyingRole ?? null,
        receiving_org_id: b.receivingOrgId ?? null,
        receiving_provider_id: b.receivingProviderId ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
      if (b.arrivedOn) await this.openPlan(trx, actor, caseId, id, b.arrivedOn, months, b.goals);
    });
    return this.view(actor, caseId, lang);
  }

  /** Records the arrival of a return recorded without one, which opens its reintegration plan. */
  async arrive(
    actor: Actor,
    caseId: string,
    returnId: string,
    b: z.infer<typeof arrivalBody>,
    requestId: string,
    lang = 'es',
  ) {
    await this.writable(actor, caseId);
    const r = await repo.returnOf(this.db, caseId, returnId);
    if (!r) throw notFound();
    if (r.arrived_on) throw new AppError(409, 'return_already_arrived');
    this.notFuture(b.arrivedOn, 'arrivedOn');
    if (b.arrivedOn < r.departed_on) throw fieldError(400, 'arrival_before_departure', 'arrivedOn');
    const months = await this.schedule();
    await this.audited(
      actor,
      caseId,
      'return_arrival_recorded',
      { return: returnId, months },
      requestId,
    )(async (trx) => {
      await repo.updateReturn(trx, returnId, { arrived_on: b.arrivedOn, updated_at: nowIso() });
      await this.openPlan(trx, actor, caseId, returnId, b.arrivedOn, months, b.goals);
    });
    return this.view(actor, caseId, lang);
  }

  /**
   * The visit months of the installation's catalogue, read before the write's transaction. If an administrator
   * retired the entry `visit_schedule/reintegration` (or it is missing, or its stored data no longer reads as months),
   * the arrival is still recorded: the plan falls back to the shipped default schedule (`defaultVisitMonths`, the
   * months migration 0028 ships), so a child who arrived is never left without follow-up visits. The months used are
   * kept on the plan and in the audit entry, so the fallback is visible afterwards.
   */
  private async schedule(): Promise<number[]> {
    let months: readonly number[] = defaultVisitMonths;
    try {
      const e = await new Catalogues(this.ctx).entry('visit_schedule', 'reintegration');
      if (e?.active && e.data.months.length > 0) months = e.data.months;
    } catch (err) {
      if (!(err instanceof z.ZodError)) throw err;
    }
    return [...new Set(months)].sort((a, b) => a - b);
  }

  /** The day the plan's child arrived (a plan opens only on an arrival). */
  private async arrivalOf(caseId: string, returnId: string) {
    return (await repo.returnOf(this.db, caseId, returnId))?.arrived_on ?? null;
  }

  private async openPlan(
    trx: Transaction<Database>,
    actor: Actor,
    caseId: string,
    returnId: string,
    arrivedOn: string,
    months: number[],
    goals?: string,
  ) {
    const planId = randomUUID();
    const now = nowIso();
    await repo.insertPlan(trx, {
      id: planId,
      case_id: caseId,
      return_id: returnId,
      status: 'open',
      months: JSON.stringify(months),
      goals_enc: this.seal('reintegration_plans', planId, 'goals', goals),
      outcome: null,
      closed_on: null,
      closed_by: null,
      created_by: actor.userId,
      created_at: now,
    });
    const tasks = new CaseTasks(this.ctx);
    for (const month of months) {
      const due = addMonths(arrivedOn, month);
      const taskId = await tasks.open(trx, { caseId, kind: monitoringVisitTask, dueAt: due });
      await repo.insertVisit(trx, {
        id: randomUUID(),
        plan_id: planId,
        case_id: caseId,
        month,
        due_on: due,
        task_id: taskId,
        done_on: null,
        outcome: null,
        notes_enc: null,
        recorded_by: null,
        created_by: actor.userId,
        created_at: now,
      });
    }
  }

  /** Records a monitoring visit (date, outcome, notes) and closes its task; 409 once recorded or its plan closed. */
  async recordVisit(
    actor: Actor,
    caseId: string,
    visitId: string,
    b: z.infer<typeof visitBody>,
    requestId: string,
    lang = 'es',
  ) {
    await this.writable(actor, caseId);
    const v = await repo.visitOf(this.db, caseId, visitId);
    if (!v) throw notFound();
    const p = await repo.planOf(this.db, caseId, v.plan_id);
    if (p?.status !== 'open') throw new AppError(409, 'reintegration_plan_closed');
    if (v.done_on) throw new AppError(409, 'visit_already_recorded');
    this.notFuture(b.doneOn, 'doneOn');
    const arrived = await this.arrivalOf(caseId, p.return_id);
    if (arrived && b.doneOn < arrived) throw fieldError(400, 'visit_before_arrival', 'doneOn');
    await this.audited(
      actor,
      caseId,
      'return_visit_recorded',
      { visit: visitId, month: Number(v.month), outcome: b.outcome },
      requestId,
    )(async (trx) => {
      const r = await repo.recordVisit(trx, visitId, {
        done_on: b.doneOn,
        outcome: b.outcome,
        notes_enc: this.seal('monitoring_visits', visitId, 'notes', b.notes),
        recorded_by: actor.userId,
      });
      if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'visit_already_recorded');
      if (v.task_id)
        await new CaseTasks(this.ctx).close(trx, {
          caseId,
          kind: monitoringVisitTask,
          doneBy: actor.userId,
          taskId: v.task_id,
        });
    });
    return this.view(actor, caseId, lang);
  }

  /** Closes the reintegration plan with its outcome; visits not yet made are no longer due (their tasks close). */
  async closePlan(
    actor: Actor,
    caseId: string,
    planId: string,
    b: z.infer<typeof closePlanBody>,
    requestId: string,
    lang = 'es',
  ) {
    await this.writable(actor, caseId);
    const p = await repo.planOf(this.db, caseId, planId);
    if (!p) throw notFound();
    if (p.status !== 'open') throw new AppError(409, 'reintegration_plan_closed');
    this.notFuture(b.closedOn, 'closedOn');
    const arrived = await this.arrivalOf(caseId, p.return_id);
    if (arrived && b.closedOn < arrived) throw fieldError(400, 'plan_closed_before_arrival', 'closedOn');
    const pending = (await repo.visitsOf(this.db, caseId)).filter((v) => v.plan_id === planId && !v.done_on);
    await this.audited(
      actor,
      caseId,
      'return_plan_closed',
      { plan: planId, outcome: b.outcome },
      requestId,
    )(async (trx) => {
      const r = await repo.closePlan(trx, planId, {
        status: 'closed',
        outcome: b.outcome,
        closed_on: b.closedOn,
        closed_by: actor.userId,
      });
      if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'reintegration_plan_closed');
      const tasks = new CaseTasks(this.ctx);
      for (const v of pending)
        if (v.task_id)
          await tasks.close(trx, { caseId, kind: monitoringVisitTask, doneBy: actor.userId, taskId: v.task_id });
    });
    return this.view(actor, caseId, lang);
  }
}
