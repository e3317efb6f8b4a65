// A series of releases of one population under a release design, and the truth error it costs: used by
// `npm run bench disclosure` and by the attack test (release-attack.test.ts).
import { Cube } from './cube';
import type { Fact } from './facts';
import { type Release, releaseValues } from './release';
import { auditedReleaseValues, solvedHistory } from './release-audit';

/** unchained: each release protected on its own; chained: closed periods frozen, open cells move by k or more
 * (the design before issue 21); audited: chained, then audited against every earlier release (the product's). */
export type Design = 'unchained' | 'chained' | 'audited';
export const designs: readonly Design[] = ['unchained', 'chained', 'audited'];

const ym = (f: Fact) => `${f.year}-${String(f.month).padStart(2, '0')}`;
const nextMonth = (p: string) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** `count` release periods from `first`, every `months` months. */
export function releasePeriods(first: string, count: number, months: number): string[] {
  const out: string[] = [];
  for (let period = first; out.length < count; ) {
    out.push(period);
    for (let i = 0; i < months; i++) period = nextMonth(period);
  }
  return out;
}

/** The releases of `facts` at `periods` (each of the facts registered before it) under a design. */
export function releaseSeries(facts: readonly Fact[], design: Design, periods: string[], k: number): Release[] {
  const out: Release[] = [];
  let solved = solvedHistory([]);
  for (const period of periods) {
    const cube = new Cube(facts.filter((f) => ym(f) < period));
    let values: Pick<Release, 'published' | 'baseline'>;
    if (design === 'unchained') values = releaseValues(cube, k);
    else if (design === 'chained') values = releaseValues(cube, k, out.at(-1));
    else {
      const audited = auditedReleaseValues(cube, k, period, out, solved);
      solved = audited.solved;
      values = audited;
    }
    out.push({ period, k, cube, published: values.published, baseline: values.baseline });
  }
  return out;
}

/** The truth error of a series: mean and largest absolute deviation of the published figures from the true count
 * at their release date, and the share of figures suppressed (of all cells, and of the cells with people). */
export function truthError(releases: Release[]) {
  let shown = 0;
  let deviation = 0;
  let max = 0;
  let cells = 0;
  let hidden = 0;
  let withPeople = 0;
  let hiddenWithPeople = 0;
  for (const r of releases) {
    const { counts } = r.cube.layout();
    for (let i = 0; i < counts.length; i++) {
      const v = counts[i]!;
      const p = r.published[i]!;
      cells++;
      if (v > 0) withPeople++;
      if (p < 0) {
        hidden++;
        if (v > 0) hiddenWithPeople++;
        continue;
      }
      shown++;
      const d = Math.abs(p - v);
      deviation += d;
      if (d > max) max = d;
    }
  }
  return {
    figuresShown: shown,
    meanAbsDeviation: Number((deviation / Math.max(shown, 1)).toFixed(3)),
    maxDeviation: max,
    shareSuppressed: Number((hidden / cells).toFixed(4)),
    shareSuppressedOfNonZero: Number((hiddenWithPeople / Math.max(withPeople, 1)).toFixed(4)),
  };
}
