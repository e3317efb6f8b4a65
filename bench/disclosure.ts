// `npm run bench disclosure`: attacks, measured. Releases of a generated population (BENCH_AUDIT_PEOPLE, default
// 1,500, registered 2025–2026, released from 2025-03 to 2027-02 every BENCH_AUDIT_MONTHS months) under each release
// design are attacked as the independent reviews did (src/modules/insights/attack.ts):
//   peel  — every value known exactly (every shown value of an unchained release; of a chained one, the values that
//           changed since the previous release), the values of ended months and years carried between releases,
//           the structural zeros, then every additive relation with a single unknown, until nothing more follows;
//   rank  — exact linear algebra over all of that at once (attack-rank.ts);
//   CTDC  — the file-difference attack on the CTDC-style records (bench/ctdc-attack.ts, when present).
// Each design's truth error is measured too: the mean and largest absolute deviation of every published figure from
// the true count at its release date, and the share of figures suppressed (of all cells, and of cells with people).
// Designs: unchained (each release protected on its own), chained (closed periods frozen, open cells move only by
// k or more: the design before issue 21), audited (chained, then audited with the rank attack against every earlier
// release: the design the product uses, release-audit.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { peelAttack, steps } from '../src/modules/insights/attack';
import { rankAttack } from '../src/modules/insights/attack-rank';
import { Cube } from '../src/modules/insights/cube';
import type { Fact } from '../src/modules/insights/facts';
import { generateFacts } from '../src/modules/insights/generate';
import { type Release, releaseValues } from '../src/modules/insights/release';
import { auditedReleaseValues } from '../src/modules/insights/release-audit';

const K = 11;
const ym = (f: Fact) => `${f.year}-${String(f.month).padStart(2, '0')}`;
const nextMonth = (p: string) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

type Design = 'unchained' | 'chained' | 'audited';
const designs: Design[] = ['unchained', 'chained', 'audited'];

/** The series of releases of `facts` under a design. */
export function releaseSeries(facts: Fact[], design: Design, periods: string[], k = K): Release[] {
  const out: Release[] = [];
  for (const period of periods) {
    const cube = new Cube(facts.filter((f) => ym(f) < period));
    const values =
      design === 'unchained'
        ? releaseValues(cube, k)
        : design === 'chained'
          ? releaseValues(cube, k, out.at(-1))
          : auditedReleaseValues(cube, k, period, out);
    out.push({ period, k, cube, published: values.published, baseline: values.baseline });
  }
  return out;
}

/** Mean and largest absolute deviation of published figures from the truth at release, share suppressed. */
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
    meanAbsDeviation: Number((deviation / Math.max(shown, 1)).toFixed(3)),
    maxDeviation: max,
    shareSuppressed: Number((hidden / cells).toFixed(4)),
    shareSuppressedOfNonZero: Number((hiddenWithPeople / withPeople).toFixed(4)),
  };
}

/** The CTDC file-difference attack of bench/ctdc-attack.ts, when that file exists. */
async function ctdc(facts: Fact[], periods: string[]): Promise<Record<string, unknown>> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ctdc-attack.ts');
  if (!existsSync(file)) return { ctdc: 'bench/ctdc-attack.ts not present' };
  const mod = (await import(pathToFileURL(file).href)) as {
    ctdcDifferenceAttack?: (facts: Fact[], periods: string[]) => unknown;
  };
  if (typeof mod.ctdcDifferenceAttack !== 'function') return { ctdc: 'ctdcDifferenceAttack not exported' };
  return { ctdc: await mod.ctdcDifferenceAttack(facts, periods) };
}

/** Hidden cells of 1..k-1 people the attacks pin, and the truth error, for each design. */
export async function disclosureBench(): Promise<Record<string, unknown>[]> {
  const people = Number(process.env.BENCH_AUDIT_PEOPLE ?? 1500);
  const every = Number(process.env.BENCH_AUDIT_MONTHS ?? 1);
  const only = process.env.BENCH_AUDIT_DESIGNS?.split(',') as Design[] | undefined;
  const facts = generateFacts(people, 7, 2025, 2026);
  const periods: string[] = [];
  for (let period = '2025-03'; period <= '2027-02'; ) {
    periods.push(period);
    for (let i = 0; i < every; i++) period = nextMonth(period);
  }
  const out: Record<string, unknown>[] = [];
  for (const design of designs.filter((d) => !only || only.includes(d))) {
    const start = performance.now();
    const releases = releaseSeries(facts, design, periods);
    const ms = Math.round(performance.now() - start);
    const s = steps(releases);
    const chained = design !== 'unchained';
    const single = peelAttack(s, K, chained, false);
    const peel = peelAttack(s, K, chained, true);
    const rank = rankAttack(s, K, chained);
    out.push({
      bench: 'disclosure',
      design,
      people,
      releasesMade: releases.length,
      monthsBetween: every,
      k: K,
      msToRelease: ms,
      peelPinnedWithinReleases: single.pinnedCellReleases,
      peelPinnedAcrossReleases: peel.pinnedCellReleases,
      peelDistinctCellsPinned: peel.pinnedCells,
      rankPinnedAcrossReleases: rank.pinnedCellReleases,
      rankDistinctCellsPinned: rank.pinnedCells,
      rankExamples: rank.examples.slice(0, 3),
      ...truthError(releases),
    });
  }
  out.push({ bench: 'disclosure', attack: 'ctdc', people, periods: periods.length, ...(await ctdc(facts, periods)) });
  return out;
}
