// Synthetic data for researchers, drawn only from the released, protected figures of their jurisdiction (the
// current release of the dashboards: suppressed cells hidden, closed periods frozen; released.ts), never from the
// case records: noisy tables under the epsilon they choose, sampled into synthetic records, with a utility report
// computed from those noisy tables and records only. Each release still spends its epsilon: it is written in the
// epsilon ledger first, refused when it would pass the yearly budget of anyone in its scope, and audited.
import type { Context } from '../../../platform/context';
import { AppError } from '../../../platform/http/errors';
import { type Actor, requirePermission } from '../../access/index';
import { toCsv } from '../csv';
import { ctdcColumns } from '../ctdc/columns';
import type { Release } from '../release';
import { storeFor } from '../store';
import { cryptoRng, type Rng } from './dp';
import { type BudgetState, EpsilonLedger } from './ledger';
import { type Budget, sample } from './model';
import { epsilonRange } from './range';
import { fitReleased, publishedReader, releasedAttributes } from './released';
import { type UtilityReport, utility } from './utility';

/** Years before the current one that the synthetic data covers (a fixed window, never read from the data). */
export const yearWindow = 9;

export interface SyntheticReport {
  epsilon: number;
  budget: Omit<Budget, 'epsilon'>;
  /** Synthetic records released (the noisy total, not the real count). */
  records: number;
  columns: number;
  fromYear: number;
  toYear: number;
  /** Synthetic shares against the release's own noisy tables (post-processing: no privacy spent). */
  utility: UtilityReport;
  /** The scope's yearly privacy budget after this release. */
  privacyBudget: BudgetState;
}

/** Refuses an epsilon outside the allowed range with a stable code. */
export function checkEpsilon(epsilon: number): void {
  if (!Number.isFinite(epsilon) || epsilon < epsilonRange.min || epsilon > epsilonRange.max)
    throw new AppError(400, 'epsilon_out_of_range', { min: epsilonRange.min, max: epsilonRange.max });
}

export class SyntheticData {
  private readonly ledger: EpsilonLedger;

  /** `rng` is replaceable for tests only. */
  constructor(
    private readonly ctx: Context,
    private readonly rng: () => Rng = cryptoRng,
  ) {
    this.ledger = new EpsilonLedger(ctx);
  }

  /** The release the dashboards publish now (the one protected, frozen source of the synthetic data). */
  private released(): Promise<Pick<Release, 'cube' | 'published'>> {
    return storeFor(this.ctx).published(this.ctx.config.MINKA_DISCLOSURE_K, this.ctx.config.MINKA_RELEASE_MONTHS);
  }

  /**
   * One release: synthetic CTDC rows as CSV (with BOM) and the report of the same release. Refuses with 409
   * `privacy_budget_exhausted`, releasing nothing, when the epsilon would pass the scope's yearly budget.
   */
  async release(actor: Actor, epsilon: number, requestId: string): Promise<{ csv: string; report: SyntheticReport }> {
    checkEpsilon(epsilon);
    requirePermission(actor, 'insights:deidentified');
    // The budget is charged before anything is read: a refused release reads nothing.
    const privacyBudget = await this.ledger.spend(actor, epsilon, 'synthetic', requestId);
    const reader = publishedReader(await this.released(), actor.scope);
    const toYear = new Date().getUTCFullYear();
    const fromYear = toYear - yearWindow;
    const attrs = releasedAttributes({ home: actor.scope.country, fromYear, toYear });
    const rng = this.rng();
    const model = fitReleased(reader, epsilon, attrs, rng);
    const rows = sample(model, rng);
    const { epsilon: _, ...budget } = model.budget;
    const report: SyntheticReport = {
      epsilon,
      budget,
      records: rows.length,
      columns: ctdcColumns.length,
      fromYear,
      toYear,
      utility: utility(model, rows),
      privacyBudget,
    };
    await this.ctx.audit.record({
      actor,
      action: 'insights.synthetic_released',
      recordType: 'insights',
      details: { scope: `${actor.scope.country}:${actor.scope.code}`, epsilon, records: rows.length },
      requestId,
    });
    return { csv: toCsv(ctdcColumns, rows), report };
  }
}
