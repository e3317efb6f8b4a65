import type { Context } from '../../platform/context';
import type { Database } from '../../platform/db/types';
import type { Actor } from '../access/index';
import { GeoService } from '../geo/index';
import { PlanDocuments } from './documents';
import { Indicators } from './indicators';
import { planParents } from './parents';
import { type ComparisonView, comparePlans, type PlanView, presentPlan } from './present';
import * as repoPresent from './repo-present';

type Plan = Database['local_plans'];

/** Loads everything a plan page shows (indicators under disclosure control when `publish`, documents the actor may see). */
export async function loadPlanView(ctx: Context, actor: Actor, plan: Plan, publish = false): Promise<PlanView> {
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
  const orgNames = new Map(
    (orgIds.length ? await repoPresent.selectOrganisationsById(db, orgIds) : []).map((o) => [o.id, o.name]),
  );
  const divisionLabel =
    (await new GeoService(db).labels(plan.country_code, [plan.division_code])).get(plan.division_code) ??
    plan.division_code;
  return { plan, objectives, actions, activities, instruments, indicators, documents, orgNames, divisionLabel };
}

/** The plan as the API shows it: loaded, then presented. */
export async function showPlan(ctx: Context, actor: Actor, plan: Plan, publish = false) {
  return presentPlan(await loadPlanView(ctx, actor, plan, publish), actor);
}

/** Loads what the comparison of plans needs: three queries for all plans and one label look-up per country. */
export async function loadComparison(ctx: Context, plans: Plan[]): Promise<ComparisonView> {
  const db = ctx.db.db;
  const ids = plans.map((p) => p.id);
  // The comparison needs no indicators (and so no case counts) or documents.
  const [actions, activities, instruments] = plans.length
    ? await Promise.all([
        repoPresent.selectPlanActionsByPlanId2(db, ids),
        repoPresent.selectPreventionActivitiesByPlanId2(db, ids),
        repoPresent.selectPolicyInstrumentsByPlanId2(db, ids),
      ])
    : [[], [], []];
  const geo = new GeoService(db);
  const labels = new Map<string, string>();
  for (const country of new Set(plans.map((p) => p.country_code)))
    for (const [code, label] of await geo.labels(
      country,
      plans.filter((p) => p.country_code === country).map((p) => p.division_code),
    ))
      labels.set(`${country}:${code}`, label);
  return { plans, actions, activities, instruments, labels };
}

/** One line per plan for comparing cantons and periods. */
export async function comparePlansOf(ctx: Context, plans: Plan[]) {
  return comparePlans(await loadComparison(ctx, plans));
}
