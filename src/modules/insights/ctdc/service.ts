// The CTDC-style de-identified export: the facts of the actor's jurisdiction, mapped to CTDC columns, published in
// batches (batches.ts, batch-store.ts): each release period adds at most one batch, k-anonymous on its own and with
// the earlier ones, and a download is every batch published so far. Every download and every report read is audited.
import { now } from '../../../platform/clock';
import type { Context } from '../../../platform/context';
import { type Actor, requirePermission } from '../../access/index';
import { toCsv } from '../csv';
import { type Fact, streamFacts } from '../facts';
import { inRelease, releasePeriod } from '../release';
import { type BatchedFile, type BatchSummary, CtdcBatches } from './batch-store';
import { ctdcColumns } from './columns';
import { classSizes, type KReport, type PublishedKReport, publishKReport } from './kanon';

/** True when the fact lies in the scope (its country, or the province or canton the scope names). */
export function inScope(f: Fact, scope: { country: string; code: string }): boolean {
  if (f.country !== scope.country) return false;
  return scope.code === scope.country || f.province === scope.code || f.canton === scope.code;
}

/**
 * The de-identified facts a researcher may study: researchers only, only their jurisdiction, and only people
 * registered before the current release period (as the dashboards' release), so two downloads in a period are
 * the same and a single new registration cannot be found by comparing them.
 */
export async function deidentifiedFacts(ctx: Context, actor: Actor, at = now()): Promise<Fact[]> {
  requirePermission(actor, 'insights:deidentified');
  const period = releasePeriod(at, ctx.config.MINKA_RELEASE_MONTHS);
  const out: Fact[] = [];
  await streamFacts(ctx.db.db, (batch) => {
    for (const f of batch) if (inScope(f, actor.scope) && inRelease(f, period)) out.push(f);
  });
  return out;
}

/** The report of the batched file: kanon.ts's report, plus the batches published so far. */
export interface BatchedReport extends PublishedKReport {
  batches: BatchSummary[];
}

/** The report of a batched file: records = rows published + people held back; suppressed = held back. */
export function batchedKReport(file: BatchedFile, k: number): KReport {
  const sizes = [...classSizes(file.rows).values()];
  return {
    k,
    records: file.rows.length + file.heldBack,
    published: file.rows.length,
    suppressed: file.heldBack,
    classes: sizes.length,
    smallestClass: sizes.length ? Math.min(...sizes) : null,
    maxSuppressedShare: 0.05,
    generalised: (file.generalisation?.levels ?? []).map((level) => ({
      column: level.split(':')[0] as KReport['generalised'][number]['column'],
      level,
    })),
  };
}

export class CtdcExport {
  private readonly batches: CtdcBatches;
  constructor(private readonly ctx: Context) {
    this.batches = new CtdcBatches(ctx);
  }

  /** The actor's file: the batch of the current release period decided first if it was not yet. */
  private async build(actor: Actor) {
    requirePermission(actor, 'insights:deidentified');
    const at = now();
    const k = this.ctx.config.MINKA_DISCLOSURE_K;
    const scope = `${actor.scope.country}:${actor.scope.code}`;
    const period = releasePeriod(at, this.ctx.config.MINKA_RELEASE_MONTHS);
    await this.batches.ensure(scope, period, () => deidentifiedFacts(this.ctx, actor, at), {
      k,
      home: actor.scope.country,
    });
    const file = await this.batches.file(scope);
    return { rows: file.rows, batches: file.batches, report: batchedKReport(file, file.k || k) };
  }

  /** The report alone: what was generalised and held back, the classes and the smallest one, the batches. */
  async report(actor: Actor, requestId: string): Promise<BatchedReport> {
    const { report, batches } = await this.build(actor);
    await this.audit(actor, 'insights.ctdc_report', report, requestId);
    return { ...publishKReport(report), batches };
  }

  /** The k-anonymous CSV (with BOM): every batch published so far, in batch order. */
  async csv(actor: Actor, requestId: string): Promise<{ csv: string; filename: string }> {
    const { rows, report } = await this.build(actor);
    await this.audit(actor, 'insights.ctdc_exported', report, requestId);
    const day = now().toISOString().slice(0, 10);
    return {
      csv: toCsv(ctdcColumns, rows),
      filename: `minka-ctdc-${actor.scope.code}-${day}.csv`,
    };
  }

  private audit(actor: Actor, action: string, r: KReport, requestId: string) {
    return this.ctx.audit.record({
      actor,
      action,
      recordType: 'insights',
      details: {
        scope: `${actor.scope.country}:${actor.scope.code}`,
        k: r.k,
        published: r.published,
        suppressed: r.suppressed,
        generalised: r.generalised.map((g) => g.level),
      },
      requestId,
    });
  }
}
