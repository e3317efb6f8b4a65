// The utility report of a synthetic release: how far each attribute's distribution in the synthetic data is from
// the real one, as shares only (total variation distance and the largest difference in one category's share),
// rounded to 0.01. It never carries a real count. It is computed from the real data and is therefore not covered
// by epsilon; it is shown only to those who may already download the k-anonymous CTDC export.
import type { CtdcRow } from '../ctdc/columns';
import { type Attribute, attributeValue } from './model';

export interface AttributeUtility {
  column: string;
  /** Total variation distance between real and synthetic shares (0 identical, 1 disjoint). */
  tvd: number;
  /** The largest absolute difference in the share of one category. */
  maxShareDiff: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Shares of each domain value of `attr` among `rows` (all 0 when there are no rows). */
export function shares(rows: CtdcRow[], attr: Attribute): Map<string, number> {
  const n = new Map(attr.domain.map((v) => [v, 0]));
  for (const r of rows) {
    const v = attributeValue(r, attr.name);
    if (n.has(v)) n.set(v, n.get(v)! + 1);
  }
  const total = rows.length || 1;
  return new Map([...n].map(([v, c]) => [v, c / total]));
}

/** Exact distances between two share distributions over the same domain. */
export function distance(p: Map<string, number>, q: Map<string, number>): { tvd: number; maxShareDiff: number } {
  let sum = 0;
  let max = 0;
  for (const [v, a] of p) {
    const d = Math.abs(a - (q.get(v) ?? 0));
    sum += d;
    max = Math.max(max, d);
  }
  return { tvd: sum / 2, maxShareDiff: max };
}

/** Per attribute and on average, unrounded (tests) or rounded to 0.01 (published). */
export function utility(
  real: CtdcRow[],
  synthetic: CtdcRow[],
  attrs: Attribute[],
  opts: { rounded?: boolean } = {},
): { attributes: AttributeUtility[]; averageTvd: number; worstTvd: number } {
  const r = opts.rounded === false ? (x: number) => x : round;
  const exact = attrs.map((a) => ({ column: a.name, ...distance(shares(real, a), shares(synthetic, a)) }));
  const avg = exact.reduce((s, x) => s + x.tvd, 0) / (exact.length || 1);
  return {
    attributes: exact.map((x) => ({ column: x.column, tvd: r(x.tvd), maxShareDiff: r(x.maxShareDiff) })),
    averageTvd: r(avg),
    worstTvd: r(Math.max(0, ...exact.map((x) => x.tvd))),
  };
}
