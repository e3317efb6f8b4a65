// The utility report of a synthetic release. It never reads the real data: it compares the synthetic records'
// shares with the shares of the noisy tables the same release made under epsilon, which is post-processing of an
// epsilon-differentially private output and so costs no privacy. It therefore measures how far the records are
// from the noisy tables (sampling, and tables whose separate noise makes them disagree on a shared parent), not
// how far those tables are from the truth; the size of the noise itself is given apart, computed from epsilon
// alone (`noiseStdDev`), which is what decides faithfulness in a small canton.
// (An earlier version compared with the real shares, rounded to 0.01: with the group size known, that gave back
// real counts exactly, outside any privacy budget.)
import type { CtdcRow } from '../ctdc/columns';
import { type Attribute, attributeValue, type Model, SEP } from './model';

export interface AttributeUtility {
  column: string;
  /** Total variation distance between the noisy-table and synthetic shares (0 identical, 1 disjoint). */
  tvd: number;
  /** The largest absolute difference in the share of one category. */
  maxShareDiff: number;
}

export interface UtilityReport {
  /** What the synthetic shares are compared with: always the noisy tables of the release, never the real data. */
  comparedWith: 'noisy-tables';
  attributes: AttributeUtility[];
  averageTvd: number;
  worstTvd: number;
  /** Standard deviation, in people, of the noise added to every count (from epsilon and the number of tables). */
  noiseStdDev: number;
}

const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;

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

/** Shares of each domain value of `attr` in the model's noisy tables (summed over the parent or the root partner). */
export function noisyShares(model: Model, attr: Attribute): Map<string, number> {
  const n = new Map(attr.domain.map((v) => [v, 0]));
  const [a, b] = model.attrs as [Attribute, Attribute];
  const table = attr.name === a.name || attr.name === b.name ? model.root : model.conditionals.get(attr.name)!;
  const side = attr.name === a.name ? 0 : 1;
  for (const [cell, count] of table) {
    const v = cell.split(SEP)[side]!;
    if (n.has(v)) n.set(v, n.get(v)! + count);
  }
  const total = [...n.values()].reduce((s, x) => s + x, 0) || 1;
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

/** Standard deviation of discrete Laplace noise with parameter `epsilon`: sqrt(2a) / (1 - a), a = e^-epsilon. */
export function noiseStdDev(epsilon: number): number {
  const a = Math.exp(-epsilon);
  return Math.sqrt(2 * a) / (1 - a);
}

/**
 * The published utility report of one release: a function of the release's noisy tables and its synthetic records
 * only (both covered by epsilon), so it spends no privacy. Rounded to 0.01 (the noise to 0.1 people).
 */
export function utility(model: Model, synthetic: CtdcRow[]): UtilityReport {
  const exact = model.attrs.map((a) => ({ column: a.name, ...distance(noisyShares(model, a), shares(synthetic, a)) }));
  const avg = exact.reduce((s, x) => s + x.tvd, 0) / (exact.length || 1);
  return {
    comparedWith: 'noisy-tables',
    attributes: exact.map((x) => ({ column: x.column, tvd: round(x.tvd), maxShareDiff: round(x.maxShareDiff) })),
    averageTvd: round(avg),
    worstTvd: round(Math.max(0, ...exact.map((x) => x.tvd))),
    noiseStdDev: round(noiseStdDev(model.budget.epsilonPerRelease), 1),
  };
}
