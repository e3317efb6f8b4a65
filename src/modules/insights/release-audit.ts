// A release audited against every release before it. The chained release (release.ts) is safe on its own, but
// an attacker who keeps every release can subtract them: a year's total known exactly in two releases gives the
// sum of the months registered in between, and with the months' own relations that can pin a month of 1..k-1
// people. So before a release is published, the rank attack (attack-rank.ts: exact linear algebra over every
// relation of every release, the closed cells tied across releases) is run on the earlier releases plus this one;
// while it pins any hidden cell of 1..k-1 people, the figures this release would newly reveal near the pinned cells
// are hidden instead (first the totals and months of the same division and minor slot, then all of the division,
// then its whole chain of divisions, then every new figure). Hiding only ever takes knowledge away, so this ends,
// and a release that reveals nothing new adds no pin. Published values are never changed, only hidden.
import { exactValues, steps } from './attack';
import { RankSeries } from './attack-rank';
import type { Cube } from './cube';
import { type Release, releaseValues } from './release';

/** What the audit did to a release. */
export interface AuditReport {
  /** Rounds of the rank attack run. */
  rounds: number;
  /** Figures hidden by the audit (on top of the chained release's suppression). */
  hidden: number;
}

/** The rank attack's solved system of a history of releases (in period order), to audit the next release on. */
export function solvedHistory(history: Release[]): RankSeries {
  const series = new RankSeries(true);
  for (const r of history) series.add(r);
  return series;
}

/**
 * The values to publish for `cube` at `period`, chained to the last of `history` (every earlier release, in period
 * order) and audited so that the rank attack on `history` plus this release pins no hidden cell of 1..k-1 people
 * (provided none was pinned before it). `solved` is `solvedHistory(history)` when the caller keeps it: the audit
 * adds this release to it (the result's `solved`, to audit the next release on), or leaves it as it was if it throws.
 */
export function auditedReleaseValues(
  cube: Cube,
  k: number,
  period: string,
  history: Release[],
  solved: RankSeries = solvedHistory(history),
): Pick<Release, 'published' | 'baseline'> & { audit: AuditReport; solved: RankSeries } {
  const base = releaseValues(cube, k, history.at(-1));
  const release: Release = { period, k, cube, ...base };
  const { counts } = cube.layout();
  const audit: AuditReport = { rounds: 0, hidden: 0 };
  const series = steps(history.length ? [history.at(-1)!, release] : [release]);
  const t = series.length - 1;
  const labels = series[t]!.labels;
  const parsed = labels.map((l) => {
    const [node = '', year = '', minor = '', key = ''] = l.split('|');
    return { node, year, minor, key };
  });
  const chainOf = (node: string) => {
    const n = cube.nodes.get(node);
    return n === undefined ? [node] : cube.chain(n).map((i) => [...cube.nodes.keys()][i]!);
  };
  for (let level = 0; ; level++) {
    audit.rounds++;
    const mark = solved.mark();
    const attack = solved.add(release, series[t]).pinned(k, false);
    if (!attack.pinnedCellReleases) return { ...base, audit, solved };
    solved.undo(mark);
    // Figures this release newly reveals (exact at its date).
    const fresh = exactValues(series, true)[t]!;
    const near = new Set<string>();
    const nodes = new Set<string>();
    for (const pinned of attack.byRelease)
      for (const l of pinned) {
        const [node = '', , minor = ''] = l.split('|');
        near.add(`${node}|${minor}`);
        nodes.add(node);
        if (level >= 2) for (const n of chainOf(node)) nodes.add(n);
      }
    if (level >= 2)
      for (const [code, n] of cube.nodes)
        if (cube.chain(n).some((a) => nodes.has([...cube.nodes.keys()][a]!))) nodes.add(code);
    let changed = 0;
    for (const [i, label] of labels.entries()) {
      if (!fresh.has(label) || base.published[i]! < 0) continue;
      const p = parsed[i]!;
      const hit =
        level >= 3 ||
        (level >= 1 && nodes.has(p.node)) ||
        ((p.key === 'total' || p.key.startsWith('month:')) &&
          (near.has(`${p.node}|${p.minor}`) ||
            near.has(`${p.node}|0`) ||
            (p.minor === '0' && nodesMinor(near, p.node))));
      if (!hit) continue;
      base.published[i] = -1;
      base.baseline[i] = counts[i]!;
      changed++;
    }
    audit.hidden += changed;
    if (level >= 3 && !changed) throw new Error(`release ${period}: the audit cannot remove a pin by hiding`);
  }
}

const nodesMinor = (near: Set<string>, node: string) => near.has(`${node}|1`) || near.has(`${node}|2`);
