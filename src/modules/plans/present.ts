import type { Database } from '../../platform/db/types';
import type { Actor } from '../access/index';
import type { Activity, Instrument } from './codecs';
import { abilities } from './policy';
import { axes, type PlanDetail } from './schema';

type Plan = Database['local_plans'];
const num = (v: number | string | null) => (v === null ? 0 : Number(v));

/** What a plan page is made of, loaded by plans/view.ts. */
export interface PlanView {
  plan: Plan;
  objectives: Database['plan_objectives'][];
  actions: Database['plan_actions'][];
  activities: Activity[];
  instruments: Instrument[];
  indicators: PlanDetail['indicators'];
  documents: PlanDetail['documents'];
  orgNames: Map<string, string>;
  divisionLabel: string;
}

/** A local plan as the API shows it: objectives by axis with their actions, indicators, activities, instruments, progress. */
export function presentPlan(view: PlanView, actor: Actor): PlanDetail {
  const detail = planDetail(view, actor);
  return { ...detail, progress: progressOf(detail) };
}

function planDetail(view: PlanView, actor: Actor) {
  const { plan, objectives, actions, activities, instruments, indicators, documents, orgNames: orgs } = view;
  const label = view.divisionLabel;
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
      organisers: a.organisers,
      participants: Number(a.participants),
      breakdown: a.breakdown,
      materials: a.materials,
    })),
    instruments: instruments.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      status: i.status,
      history: i.history,
      objectiveIds: i.objective_ids,
    })),
    documents,
    abilities: abilities(actor),
  };
}

type Detail = ReturnType<typeof planDetail>;

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

/** What the comparison is made of, loaded by plans/view.ts. */
export interface ComparisonView {
  plans: Plan[];
  actions: Pick<Database['plan_actions'], 'plan_id' | 'status' | 'budget_planned' | 'budget_executed'>[];
  activities: Pick<Database['prevention_activities'], 'plan_id' | 'participants'>[];
  instruments: Pick<Database['policy_instruments'], 'plan_id' | 'status'>[];
  labels: Map<string, string>;
}

/** One line per plan for comparing cantons and periods: execution, budget, activities and instruments. */
export function comparePlans(view: ComparisonView) {
  const { plans, actions, activities, instruments, labels } = view;
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
