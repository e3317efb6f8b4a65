// The CTDC-style de-identified export: the facts of the actor's jurisdiction, mapped to CTDC columns and made
// k-anonymous with the installation's disclosure k. Every download and every report read is audited.
import type { Context } from '../../../platform/context';
import { type Actor, requirePermission } from '../../access/index';
import { toCsv } from '../csv';
import { type Fact, streamFacts } from '../facts';
import { inRelease, releasePeriod } from '../release';
import { ctdcColumns, toCtdcRow } from './columns';
import { type KReport, kAnonymise, type PublishedKReport, publishKReport } from './kanon';

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
export async function deidentifiedFacts(ctx: Context, actor: Actor, now = new Date()): Promise<Fact[]> {
  requirePermission(actor, 'insights:deidentified');
  const period = releasePeriod(now, ctx.config.MINKA_RELEASE_MONTHS);
  const out: Fact[] = [];
  await streamFacts(ctx.db.db, (batch) => {
    for (const f of batch) if (inScope(f, actor.scope) && inRelease(f, period)) out.push(f);
  });
  return out;
}

export class CtdcExport {
  constructor(private readonly ctx: Context) {}

  private async build(actor: Actor) {
    const facts = await deidentifiedFacts(this.ctx, actor);
    return kAnonymise(facts.map(toCtdcRow), { k: this.ctx.config.MINKA_DISCLOSURE_K, home: actor.scope.country });
  }

  /** The report alone: what was generalised and suppressed, the classes and the smallest one. */
  async report(actor: Actor, requestId: string): Promise<PublishedKReport> {
    const { report } = await this.build(actor);
    await this.audit(actor, 'insights.ctdc_report', report, requestId);
    return publishKReport(report);
  }

  /** The k-anonymous CSV (with BOM). */
  async csv(actor: Actor, requestId: string): Promise<{ csv: string; filename: string }> {
    const { rows, report } = await this.build(actor);
    await this.audit(actor, 'insights.ctdc_exported', report, requestId);
    const day = new Date().toISOString().slice(0, 10);
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
