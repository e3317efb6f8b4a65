// Attacks on a series of releases, as a reviewer (or a donor's analyst) would run them: used by
// `npm run bench disclosure` and by the attack test. The attacker sees every release and knows which of its values
// are exact at the release date: every shown value of the first release, and of a later one every value that
// changed since the previous release (an unchanged chained value is exact only at the release that decided it).
// A cell whose month or year has ended has the same count in every later release (facts are registered once), and
// the month cells of one year are structurally zero in another year's slot.
//   peel: solve every additive relation with a single unknown, across releases, until nothing more follows.
//   rank (attack-rank.ts): exact linear algebra over every relation of every release at once.
// Both count the hidden cells of 1..k-1 people they pin exactly.
import type { Cube } from './cube';
import { cubeRelations } from './protect';
import type { Release } from './release';

/** One release as the attacker reads it: the cell labels of its layout and the values it knows exactly. */
export interface Step {
  release: Release;
  labels: string[];
  index: Map<string, number>;
}

const nextMonth = (p: string) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** Cell labels (division|year|minor|key) of a cube's dense layout. */
export function cellLabels(cube: Cube): string[] {
  const nodes = [...cube.nodes.keys()];
  const years = [...cube.years.keys()];
  const keys = [...cube.keys.keys()];
  const out: string[] = [];
  for (const n of nodes)
    for (const y of years) for (let m = 0; m < 3; m++) for (const k of keys) out.push(`${n}|${y}|${m}|${k}`);
  return out;
}

/** The attacker's view of a series of releases (in period order). */
export function steps(releases: Release[]): Step[] {
  return releases.map((release) => {
    const labels = cellLabels(release.cube);
    return { release, labels, index: new Map(labels.map((l, i) => [l, i])) };
  });
}

/** The first release period from which a cell's count can no longer change (its month or year has ended), if any. */
export function closedFrom(label: string): string | null {
  const [, year = '0', , key = ''] = label.split('|');
  if (key.startsWith('month:')) return nextMonth(key.slice(6));
  return year === '0' ? null : `${Number(year) + 1}-01`;
}

/** True when the cell is a month of another year than its year slot (always zero, and the attacker knows it). */
export function structuralZero(label: string): boolean {
  const [, year = '0', , key = ''] = label.split('|');
  return year !== '0' && key.startsWith('month:') && key.slice(6, 10) !== year;
}

/**
 * The values of each release the attacker knows exactly at its date: shown values of an unchained release; of a
 * chained one, shown values that differ from the previous release's (or that it did not show).
 */
export function exactValues(s: Step[], chained: boolean): Map<string, number>[] {
  return s.map((step, t) => {
    const prev = s[t - 1];
    const p = step.release.published;
    const known = new Map<string, number>();
    for (const [i, label] of step.labels.entries()) {
      if (p[i]! < 0) continue;
      const j = prev?.index.get(label);
      const before = j === undefined ? undefined : prev!.release.published[j];
      if (!chained || t === 0 || before === undefined || before !== p[i]) known.set(label, p[i]!);
    }
    return known;
  });
}

/** What an attack pinned: hidden cells of 1..k-1 people determined exactly, counted per release and distinct. */
export interface Pinned {
  pinnedCellReleases: number;
  pinnedCells: number;
  /** A few of them, for diagnosis: label@period=count. */
  examples: string[];
  /** Every pinned cell's label. */
  labels: Set<string>;
  /** The pinned cells' labels by release. */
  byRelease: Set<string>[];
}

/** Counts the hidden sensitive cells for which `isKnown(t, label)` holds. */
export function countPinned(s: Step[], k: number, isKnown: (t: number, label: string) => boolean): Pinned {
  let pinned = 0;
  const cells = new Set<string>();
  const examples: string[] = [];
  const byRelease = s.map(() => new Set<string>());
  for (const [t, step] of s.entries()) {
    const { counts } = step.release.cube.layout();
    for (const [i, label] of step.labels.entries()) {
      const v = counts[i]!;
      if (step.release.published[i]! < 0 && v > 0 && v < k && isKnown(t, label)) {
        pinned++;
        cells.add(label);
        byRelease[t]!.add(label);
        if (examples.length < 8) examples.push(`${label}@${step.release.period}=${v}`);
      }
    }
  }
  return { pinnedCellReleases: pinned, pinnedCells: cells.size, examples, labels: cells, byRelease };
}

/**
 * The peeling attack: every relation of a release with one unknown gives it; with `cross`, values of ended months
 * and years carry over between releases (and structural zeros are known). Runs until nothing more follows.
 */
export function peelAttack(s: Step[], k: number, chained: boolean, cross: boolean): Pinned {
  const known = exactValues(s, chained);
  if (cross)
    for (const [t, step] of s.entries()) for (const l of step.labels) if (structuralZero(l)) known[t]!.set(l, 0);
  for (let changed = true; changed; ) {
    changed = false;
    if (cross)
      for (const [t, step] of s.entries())
        for (const [label, v] of known[t]!) {
          const from = closedFrom(label);
          if (!from || step.release.period < from) continue;
          for (const [u, o] of s.entries())
            if (o.release.period >= from && !known[u]!.has(label) && o.index.has(label)) {
              known[u]!.set(label, v);
              changed = true;
            }
        }
    for (const [t, step] of s.entries()) {
      const kn = known[t]!;
      const { parts, visit } = cubeRelations(step.release.cube);
      visit((parent, len) => {
        let unknown = -1;
        let count = 0;
        for (const c of [parent, ...parts.subarray(0, len)])
          if (!kn.has(step.labels[c]!)) {
            count++;
            unknown = c;
          }
        if (count !== 1) return;
        let sum = 0;
        for (const c of parts.subarray(0, len)) if (c !== unknown) sum += kn.get(step.labels[c]!)!;
        kn.set(step.labels[unknown]!, unknown === parent ? sum : kn.get(step.labels[parent]!)! - sum);
        changed = true;
      });
    }
  }
  return countPinned(s, k, (t, label) => known[t]!.has(label));
}
