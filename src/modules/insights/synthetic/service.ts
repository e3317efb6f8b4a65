// Differentially private synthetic data for researchers: the facts of their jurisdiction, mapped to CTDC rows,
// released as noisy tables under the epsilon they choose, sampled into synthetic records, with a utility report.
// Each release spends its epsilon again (releases compose), so every release is in the audit log with its epsilon.
import type { Context } from '../../../platform/context';
import { AppError } from '../../../platform/http/errors';
import type { Actor } from '../../access/policy';
import { ctdcColumns, toCtdcRow } from '../ctdc/columns';
import { toCsv } from '../ctdc/csv';
import { deidentifiedFacts } from '../ctdc/service';
import { cryptoRng, type Rng } from './dp';
import { attributes, type Budget, fit, sample } from './model';
import { epsilonRange } from './range';
import { type AttributeUtility, utility } from './utility';

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
  utility: { attributes: AttributeUtility[]; averageTvd: number; worstTvd: number };
}

/** Refuses an epsilon outside the allowed range with a stable code. */
export function checkEpsilon(epsilon: number): void {
  if (!Number.isFinite(epsilon) || epsilon < epsilonRange.min || epsilon > epsilonRange.max)
    throw new AppError(400, 'epsilon_out_of_range', { min: epsilonRange.min, max: epsilonRange.max });
}

export class SyntheticData {
  constructor(
    private readonly ctx: Context,
    private readonly rng: () => Rng = cryptoRng,
  ) {}

  /** One release: synthetic CTDC rows as CSV (with BOM) and the report of the same release. */
  async release(actor: Actor, epsilon: number, requestId: string): Promise<{ csv: string; report: SyntheticReport }> {
    checkEpsilon(epsilon);
    const real = (await deidentifiedFacts(this.ctx, actor)).map(toCtdcRow);
    const toYear = new Date().getUTCFullYear();
    const fromYear = toYear - yearWindow;
    const attrs = attributes({ home: actor.scope.country, fromYear, toYear });
    const rng = this.rng();
    const model = fit(real, epsilon, attrs, rng);
    const rows = sample(model, rng);
    const { epsilon: _, ...budget } = model.budget;
    const report: SyntheticReport = {
      epsilon,
      budget,
      records: rows.length,
      columns: ctdcColumns.length,
      fromYear,
      toYear,
      utility: utility(real, rows, attrs),
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
