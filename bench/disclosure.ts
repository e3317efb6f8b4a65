// `npm run bench disclosure`: attacks, measured. BENCH_AUDIT_RELEASES (default 24) releases of a generated
// population (BENCH_AUDIT_PEOPLE, default 1,500, registered from January 2025 to the year before the last release),
// from 2025-03 every BENCH_AUDIT_MONTHS months (default 1; 3 for quarterly), under each release design are attacked as the independent reviews did (src/modules/insights/attack.ts):
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
import type { Fact } from '../src/modules/insights/facts';
import { generateFacts } from '../src/modules/insights/generate';
import {
  type Design,
  designs,
  releasePeriods,
  releaseSeries,
  truthError,
} from '../src/modules/insights/release-series';

const K = 11;

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
  const count = Number(process.env.BENCH_AUDIT_RELEASES ?? 24);
  const periods = releasePeriods('2025-03', count, every);
  // Registrations from January 2025 to the year before the last release (two years for 24 monthly releases).
  const lastYear = Number(periods.at(-1)!.slice(0, 4)) - 1;
  const facts = generateFacts(people, 7, 2025, Math.max(lastYear, 2025));
  const out: Record<string, unknown>[] = [];
  for (const design of designs.filter((d) => !only || only.includes(d))) {
    const start = performance.now();
    const releases = releaseSeries(facts, design, periods, K);
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
