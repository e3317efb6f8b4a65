import type { Context } from '../../platform/context';
import type { Database } from '../../platform/db/types';
import { type Actor, can } from '../access/index';
import { GeoService } from '../geo/index';
import { PlanDocuments } from './documents';
import { Indicators } from './indicators';
import { planParents } from './parents';
import * as repoPresent from './repo-present';
import { axes, type PlanDetail } from './schema';

type Plan = Database['local_plans'];
const num = (v: number | string | null) => (v === null ? 0 : Number(v));

/** A local plan as the API shows it: objectives by axis with their actions, indicators, activities, instruments, progress. */
export async function presentPlan(ctx: Context, actor: Actor, plan: Plan, publish = false): Promise<PlanDetail> {
  const detail = await planDetail(ctx, actor, plan, publish);
  return { ...detail, progress: progressOf(detail) };
}

async function planDetail(ctx: Context, actor: Actor, plan: Plan, publish: boolean) {
  const db = ctx.db.db;
  const [objectives, actions, activities, instruments, indicators, documents] = await Promise.all([
    repoPresent.selectPlanObjectivesByPlanId(db, plan.id),
    repoPresent.selectPlanActionsByPlanId(db, plan.id),
    repoPresent.selectPreventionActivitiesByPlanId(db, plan.id),
    repoPresent.selectPolicyInstrumentsByPlanId(db, plan.id),
    new Indicators(ctx).ofPlan(actor, plan, publish),
    new PlanDocuments(ctx, planParents(ctx)).list(actor, 'plan', plan.id),
  ]);
  const orgIds = [...new Set(actions.map((a) => a.responsible_org_id).filter((x): x is string => Boolean(x)))];
  const orgs = new Map(
    (orgIds.length ? await repoPresent.selectOrganisationsById(db, orgIds) : []).map((o) => [o.id, o.name]),
  );
  const label =
    (await new GeoService(db).labels(plan.country_code, [plan.division_code])).get(plan.division_code) ??
    plan.division_code;
  const presentedActions = actions.map((a) => ({
    id: a.id,
    objectiveId: a.objective_id,
    title: a.title,
    responsibleOrgId: a.responsible_org_id,
    responsibleOrgName: a.responsible_org_id ? (orgs.get(a.responsible_org_id) ?? null) : null,
    budgetPlanned: num(a.budget_planned),
    budgetExecuted: num(a.budget_executed),
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    status: a.status,
    commitmentId: a.commitment_id,
  }));
  return {
    id: plan.id,
    title: plan.title,
    division: { country: plan.country_code, code: plan.division_code, label },
    yearFrom: Number(plan.year_from),
    yearTo: Number(plan.year_to),
    status: plan.status,
    agreementId: plan.agreement_id,
    objectives: objectives.map((o) => ({
      id: o.id,
      axis: o.axis,
      text: o.text,
      nationalObjective: o.national_objective,
      actions: presentedActions.filter((a) => a.objectiveId === o.id),
    })),
    indicators,
    activities: activities.map((a) => ({
      id: a.id,
      actionId: a.action_id,
      kind: a.kind,
      title: a.title,
      heldOn: a.held_on,
      division: a.division_code,
      language: a.language,
      organisers: JSON.parse(a.organisers) as string[],
      participants: Number(a.participants),
      breakdown: JSON.parse(a.breakdown) as Record<string, Record<string, number>>,
      materials: a.materials,
    })),
    instruments: instruments.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      status: i.status,
      history: JSON.parse(i.history) as { status: string; date: string }[],
      objectiveIds: JSON.parse(i.objective_ids) as string[],
    })),
    documents,
    abilities: { update: can(actor, 'plans:write') },
  };
}

type Detail = Awaited<ReturnType<typeof planDetail>>;

/** Execution by axis, budget, indicators against their targets, activities and instruments. */
export function progressOf(p: Detail) {
  const byAxis = axes.map((axis) => {
    const acts = p.objectives.filter((o) => o.axis === axis).flatMap((o) => o.actions);
    const live = acts.filter((a) => a.status !== 'cancelled');
    return {
      axis,
      actions: acts.length,
      done: acts.filter((a) => a.status === 'done').length,
      inProgress: acts.filter((a) => a.status === 'in_progress').length,
      execution: live.length ? Math.round((100 * live.filter((a) => a.status === 'done').length) / live.length) : 0,
      budgetPlanned: acts.reduce((s, a) => s + a.budgetPlanned, 0),
      budgetExecuted: acts.reduce((s, a) => s + a.budgetExecuted, 0),
    };
  });
  const budgetPlanned = byAxis.reduce((s, a) => s + a.budgetPlanned, 0);
  const budgetExecuted = byAxis.reduce((s, a) => s + a.budgetExecuted, 0);
  return {
    byAxis,
    budgetPlanned,
    budgetExecuted,
    budgetExecution: budgetPlanned ? Math.round((1000 * budgetExecuted) / budgetPlanned) / 10 : 0,
    indicators: p.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      targets: Object.entries(i.targets)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([period, target]) => {
          const v = i.values.find((x) => x.period === period);
          return { period, target, value: v?.value ?? null, suppressed: v?.suppressed ?? false };
        }),
    })),
    activities: p.activities.length,
    participants: p.activities.reduce((s, a) => s + a.participants, 0),
    instruments: Object.fromEntries(
      [...new Set(p.instruments.map((i) => i.status))].map((s) => [
        s,
        p.instruments.filter((i) => i.status === s).length,
      ]),
    ),
  };
}

/** One line per plan for comparing cantons and periods: execution, budget, activities and instruments. */
export async function comparePlans(ctx: Context, plans: Plan[]) {
  if (!plans.length) return [];
  const db = ctx.db.db;
  const ids = plans.map((p) => p.id);
  // Three queries for all plans: the comparison needs no indicators (and so no case counts) or documents.
  const [actions, activities, instruments] = await Promise.all([
    repoPresent.selectPlanActionsByPlanId2(db, ids),
    repoPresent.selectPreventionActivitiesByPlanId2(db, ids),
    repoPresent.selectPolicyInstrumentsByPlanId2(db, ids),
  ]);
  // One label lookup per country, not per plan.
  const geo = new GeoService(db);
  const labels = new Map<string, string>();
  for (const country of new Set(plans.map((p) => p.country_code)))
    for (const [code, label] of await geo.labels(
      country,
      plans.filter((p) => p.country_code === country).map((p) => p.division_code),
    ))
      labels.set(`${country}:${code}`, label);
  const out = [];
  for (const plan of plans) {
    const acts = actions.filter((a) => a.plan_id === plan.id);
    const live = acts.filter((a) => a.status !== 'cancelled').length;
    const done = acts.filter((a) => a.status === 'done').length;
    const budgetPlanned = acts.reduce((n, a) => n + num(a.budget_planned), 0);
    const budgetExecuted = acts.reduce((n, a) => n + num(a.budget_executed), 0);
    const acted = activities.filter((a) => a.plan_id === plan.id);
    out.push({
      id: plan.id,
      title: plan.title,
      division: {
        country: plan.country_code,
        code: plan.division_code,
        label: labels.get(`${plan.country_code}:${plan.division_code}`) ?? plan.division_code,
      },
      yearFrom: Number(plan.year_from),
      yearTo: Number(plan.year_to),
      actions: acts.length,
      done,
      execution: live ? Math.round((100 * done) / live) : 0,
      budgetPlanned,
      budgetExecuted,
      budgetExecution: budgetPlanned ? Math.round((1000 * budgetExecuted) / budgetPlanned) / 10 : 0,
      activities: acted.length,
      participants: acted.reduce((n, a) => n + Number(a.participants), 0),
      instrumentsApproved: instruments.filter(
        (i) => i.plan_id === plan.id && (i.status === 'approved' || i.status === 'in_force'),
      ).length,
    });
  }
  return out;
}
