import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { GeoService } from '../geo/index';
import { type Cell, protectGroup, storeFor } from '../insights/index';
import type { IndicatorRow as DecodedIndicator } from './codecs';
import { periodRange, planPeriods } from './periods';
import { seesExactCounts } from './policy';
import * as repoIndicators from './repo-indicators';
import type { indicatorBody, valueBody } from './schema';
import { LocalPlans } from './service';
import { checkValue } from './values';
import type { indicatorKinds, indicatorUnits } from './vocabulary';

type Plan = Database['local_plans'];

/** Indicators that count people by a protection or justice event of their case, and its kind in the figures. */
const protectionSources: Record<string, { kind: string; event: repoIndicators.ProtectionEvent }> = {
  cases_measures_decided: { kind: 'MeasureDecided', event: 'measure' },
  cases_returned: { kind: 'Returned', event: 'returned' },
  cases_reintegrated: { kind: 'Reintegrated', event: 'reintegrated' },
  cases_complaints: { kind: 'Complaint', event: 'complaint' },
  cases_prosecutions: { kind: 'Prosecution', event: 'prosecution' },
  cases_convictions: { kind: 'Conviction', event: 'conviction' },
};
type IndicatorRow = DecodedIndicator;

export interface PeriodValue {
  period: string;
  value: number | null;
  suppressed: boolean;
  breakdown: Record<string, Record<string, number>>;
}

/** Indicators of a plan: definitions, targets, values entered by hand or computed from cases (under disclosure control). */
export class Indicators {
  private readonly plans: LocalPlans;
  constructor(private readonly ctx: Context) {
    this.plans = new LocalPlans(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  async create(actor: Actor, planId: string, b: z.infer<typeof indicatorBody>, requestId: string) {
    const plan = await this.plans.load(actor, planId, 'plans:write');
    for (const p of Object.keys(b.targets)) this.inPlan(plan, p);
    if (b.source !== 'manual' && b.unit !== 'count') throw new AppError(400, 'indicator_computed');
    if (b.unit === 'percent' && Object.values(b.targets).some((x) => x > 100))
      throw new AppError(400, 'indicator_percent_range', { indicator: `${b.code} ${b.name}`, period: '', value: 100 });
    // Figures from cases are published for cantons only: with plans of a canton and of its parishes (or of a
    // province and its cantons) side by side, one area's count could be worked out from the others.
    if (b.source.startsWith('cases_') || b.source === 'referrals_completed') {
      const level = await new GeoService(this.db).levelOf(plan.country_code, plan.division_code);
      if (level !== 2) throw new AppError(400, 'indicator_cases_canton_only');
    }
    if (b.actionId) await this.action(planId, b.actionId);
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'plan.indicator_added',
        recordType: 'local_plan',
        recordId: planId,
        details: { indicator: id },
        requestId,
      },
      (trx) =>
        repoIndicators.insertPlanIndicators(trx, {
          id,
          plan_id: planId,
          action_id: b.actionId ?? null,
          code: b.code,
          name: b.name,
          kind: b.kind,
          unit: b.unit,
          source: b.source,
          baseline: b.baseline ?? null,
          dimensions: JSON.stringify(b.source === 'manual' ? b.dimensions : []),
          targets: JSON.stringify(b.targets),
        }),
    );
    return id;
  }

  /** Enters (or corrects) the value of a period, refused with a message naming the indicator if it breaks its definition. */
  async setValue(actor: Actor, planId: string, indicatorId: string, b: z.infer<typeof valueBody>, requestId: string) {
    const plan = await this.plans.load(actor, planId, 'plans:write');
    const ind = await repoIndicators.selectPlanIndicatorsByPlanIdAndId(this.db, indicatorId, planId);
    if (!ind) throw notFound();
    this.inPlan(plan, b.period);
    const divisions = await new GeoService(this.db).descendantCodes(plan.country_code, plan.division_code);
    checkValue(
      {
        code: ind.code,
        name: ind.name,
        unit: ind.unit as 'count' | 'percent',
        source: ind.source,
        dimensions: ind.dimensions,
      },
      b,
      divisions,
    );
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'plan.indicator_value',
        recordType: 'local_plan',
        recordId: planId,
        details: { indicator: indicatorId, period: b.period },
        requestId,
      },
      async (trx) => {
        await repoIndicators.deleteIndicatorValuesByPeriodAndIndicatorId(trx, indicatorId, b.period);
        await repoIndicators.insertIndicatorValues(trx, {
          id: randomUUID(),
          indicator_id: indicatorId,
          period: b.period,
          value: b.value,
          breakdown: JSON.stringify(b.breakdown),
          entered_by: actor.userId,
          entered_at: nowIso(),
        });
      },
    );
  }

  /**
   * Every indicator of a plan with its values per period, as the actor may see them. `publish` (reports
   * meant to leave Minka) applies disclosure control whoever asks.
   */
  async ofPlan(actor: Actor, plan: Plan, publish = false) {
    const rows = await repoIndicators.selectPlanIndicatorsByPlanId(this.db, plan.id);
    const values = rows.length
      ? await repoIndicators.valuesOfIndicators(
          this.db,
          rows.map((r) => r.id),
        )
      : [];
    // People who may read cases in this jurisdiction see exact case-derived counts; others see them protected.
    // Activity participants are not case data and are shown as they are.
    const exact = seesExactCounts(actor, publish);
    // The plan's divisions, looked up once for all its computed indicators, and only if one needs them.
    let divisions: Promise<string[]> | undefined;
    const codes = () => (divisions ??= new GeoService(this.db).descendantCodes(plan.country_code, plan.division_code));
    const out = [];
    for (const r of rows) {
      const manual: PeriodValue[] = values
        .filter((v) => v.indicator_id === r.id)
        .map((v) => ({
          period: v.period,
          value: v.value,
          suppressed: false,
          breakdown: v.breakdown,
        }));
      out.push({
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind as (typeof indicatorKinds)[number],
        unit: r.unit as (typeof indicatorUnits)[number],
        source: r.source,
        actionId: r.action_id,
        baseline: r.baseline,
        dimensions: r.dimensions,
        targets: r.targets,
        values:
          r.source === 'manual'
            ? manual
            : await this.computed(plan, r, exact || r.source === 'activities_participants', await codes()),
      });
    }
    return out;
  }

  /** Case-derived values per quarter and year; for roles without case access, small counts are suppressed. */
  private async computed(plan: Plan, ind: IndicatorRow, exact: boolean, codes: string[]): Promise<PeriodValue[]> {
    const k = this.ctx.config.MINKA_DISCLOSURE_K;
    const out: PeriodValue[] = [];
    const today = new Date().toISOString().slice(0, 10);
    // People counts are published as the dashboards' release publishes them (the same cells, the same suppression,
    // the same lag), so the two cannot be subtracted from each other: the canton's people registered in a closed
    // year (minors for the minors indicator); quarters are not published, so nothing is counted for them.
    const released = !exact && ind.source !== 'referrals_completed';
    for (const { year, quarters } of planPeriods(plan)) {
      let cells: Cell[];
      if (released)
        cells = [
          ...quarters.map(() => ({ value: null, suppressed: true })),
          await this.released(plan, ind.source, year),
        ];
      else if (protectionSources[ind.source]) {
        // Exact viewers: each quarter's people from the case tables, the year as their dashboard counts it.
        const counts = [];
        for (const q of quarters) counts.push(await this.count(ind.source, plan.country_code, codes, q, plan.id));
        cells = [
          ...counts.map((value) => ({ value, suppressed: false })),
          { value: await this.exactYear(plan, ind.source, year), suppressed: false },
        ];
      } else {
        const counts = [];
        for (const q of quarters) counts.push(await this.count(ind.source, plan.country_code, codes, q, plan.id));
        const total = counts.reduce((a, b) => a + b, 0);
        const p = exact ? null : protectGroup(counts, total, k);
        cells = p ? [...p.cells, p.total] : [...counts, total].map((value) => ({ value, suppressed: false }));
      }
      // Published figures are of closed periods only: a live quarter would tell, day by day, when one more
      // person was identified.
      if (!exact)
        [...quarters, year].forEach((period, i) => {
          if (periodRange(period)[1] > today) cells[i] = { value: null, suppressed: true };
        });
      for (const [i, period] of [...quarters, year].entries())
        out.push({ period, value: cells[i]!.value, suppressed: cells[i]!.suppressed, breakdown: {} });
    }
    return out;
  }

  /** A canton's yearly people count from the dashboards' current release (suppressed when it hides it). */
  private async released(plan: Plan, source: string, year: string): Promise<Cell> {
    const release = await storeFor(this.ctx).published(
      this.ctx.config.MINKA_DISCLOSURE_K,
      this.ctx.config.MINKA_RELEASE_MONTHS,
    );
    const node = release.cube.nodeOf(plan.country_code, plan.division_code) ?? -1;
    const p = protectionSources[source];
    // Protection figures sit in the all-years slot under the event's year (insights' protection.ts).
    const i = p
      ? release.cube.index({ node, year: 0, minor: 0 }, `protection:${year}:${p.kind}`)
      : release.cube.index({ node, year: Number(year), minor: (source === 'cases_minors_assisted' ? 1 : 0) as 0 | 1 });
    const v = i < 0 ? -1 : release.published[i]!;
    return v < 0 ? { value: null, suppressed: true } : { value: v, suppressed: false };
  }

  /** A canton's people with a protection event in `year`, exactly, from the live store (case readers). */
  private async exactYear(plan: Plan, source: string, year: string): Promise<number> {
    const cube = await storeFor(this.ctx).cube();
    const node = cube.nodeOf(plan.country_code, plan.division_code) ?? -1;
    return node < 0
      ? 0
      : cube.count({ node, year: 0, minor: 0 }, `protection:${year}:${protectionSources[source]!.kind}`);
  }

  private async count(source: string, country: string, codes: string[], period: string, planId = ''): Promise<number> {
    const [from, to] = periodRange(period);
    const p = protectionSources[source];
    if (p) return repoIndicators.countProtectionEvents(this.db, country, codes, p.event, from, to);
    if (source === 'activities_participants') {
      const r = await repoIndicators.selectPreventionActivitiesByHeldOnAndPlanId(this.db, planId, from, to);
      return Number(r.n ?? 0);
    }
    if (source === 'referrals_completed') {
      const r = await repoIndicators.selectReferralsByUpdatedAtAndStage(this.db, country, codes, from, to);
      return Number(r.n);
    }
    // People, not cases: after a merge one person may hold two cases.
    let q = repoIndicators.selectCasesByStageAndDivisionCode(this.db, country, codes);
    q =
      source === 'cases_victims_identified'
        ? q
            .where('trafficking_status', 'in', ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking'])
            .where('decided_at', '>=', from)
            .where('decided_at', '<', to)
        : q.where('is_minor', '=', 1).where('created_at', '>=', from).where('created_at', '<', to);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  inPlan(plan: Plan, period: string) {
    const y = Number(period.slice(0, 4));
    if (y < plan.year_from || y > plan.year_to) throw new AppError(400, 'period_outside_plan', { period });
  }

  private async action(planId: string, actionId: string) {
    const a = await repoIndicators.selectPlanActionsByPlanIdAndId(this.db, actionId, planId);
    if (!a) throw new AppError(400, 'unknown_action');
  }
}
