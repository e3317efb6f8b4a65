// `npm run bench disclosure`: an attack, measured. Monthly releases of a generated population (BENCH_AUDIT_PEOPLE,
// default 1,500, 2025–2026, released from 2025-03 to 2027-02 every BENCH_AUDIT_MONTHS months) are attacked as the independent reviews did: the
// attacker takes every published value it can know exactly (every shown value of an unchained release; of a
// chained one, the values that changed since the previous release), carries the values of closed months and years
// from one release to the next (they no longer change), and solves every additive relation of the cube that has a
// single unknown, until nothing more follows. It counts the hidden cells of 1..k-1 people pinned exactly, within
// single releases and across them, for unchained and chained releases.
import { Cube } from '../src/modules/insights/cube';
import type { Fact } from '../src/modules/insights/facts';
import { generateFacts } from '../src/modules/insights/generate';
import { cubeRelations } from '../src/modules/insights/protect';
import { type Release, releaseValues } from '../src/modules/insights/release';

const K = 11;
const ym = (f: Fact) => `${f.year}-${String(f.month).padStart(2, '0')}`;
const nextMonth = (p: string) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

interface Step {
  release: Release;
  labels: string[];
  index: Map<string, number>;
  known: Map<string, number>;
}

/** Cell labels (division|year|minor|key) of a cube's dense layout. */
function labels(cube: Cube): string[] {
  const nodes = [...cube.nodes.keys()];
  const years = [...cube.years.keys()];
  const keys = [...cube.keys.keys()];
  const out: string[] = [];
  for (const n of nodes)
    for (const y of years) for (let m = 0; m < 3; m++) for (const k of keys) out.push(`${n}|${y}|${m}|${k}`);
  return out;
}

/** The first period from which a cell's count can no longer change (its month or year has closed), if any. */
function closedFrom(label: string): string | null {
  const [, year = '0', , key = ''] = label.split('|');
  if (key.startsWith('month:')) return nextMonth(key.slice(6));
  return year === '0' ? null : `${Number(year) + 1}-01`;
}

function attack(steps: Step[], chained: boolean, cross: boolean) {
  for (const [t, s] of steps.entries()) {
    const prev = steps[t - 1];
    const p = s.release.published;
    s.known = new Map();
    for (const [i, label] of s.labels.entries()) {
      if (p[i]! < 0) continue;
      const j = prev?.index.get(label);
      const before = j === undefined ? undefined : prev!.release.published[j];
      if (!chained || t === 0 || before === undefined || before !== p[i]) s.known.set(label, p[i]!);
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    if (cross)
      for (const s of steps)
        for (const [label, v] of s.known) {
          const from = closedFrom(label);
          if (!from || s.release.period < from) continue;
          for (const o of steps)
            if (o.release.period >= from && !o.known.has(label) && o.index.has(label)) {
              o.known.set(label, v);
              changed = true;
            }
        }
    for (const s of steps) {
      const { parts, visit } = cubeRelations(s.release.cube);
      visit((parent, len) => {
        let unknown = -1;
        let count = 0;
        for (const c of [parent, ...parts.subarray(0, len)])
          if (!s.known.has(s.labels[c]!)) {
            count++;
            unknown = c;
          }
        if (count !== 1) return;
        let sum = 0;
        for (const c of parts.subarray(0, len)) if (c !== unknown) sum += s.known.get(s.labels[c]!)!;
        s.known.set(s.labels[unknown]!, unknown === parent ? sum : s.known.get(s.labels[parent]!)! - sum);
        changed = true;
      });
    }
  }
  let pinned = 0;
  const cells = new Set<string>();
  for (const s of steps) {
    const { counts } = s.release.cube.layout();
    for (const [i, label] of s.labels.entries()) {
      const v = counts[i]!;
      if (s.release.published[i]! < 0 && v > 0 && v < K && s.known.get(label) === v) {
        pinned++;
        cells.add(label);
      }
    }
  }
  return { pinnedCellReleases: pinned, pinnedCells: cells.size };
}

/** Hidden cells of 1..k-1 people an attacker pins, for unchained and chained monthly releases. */
export async function disclosureBench(): Promise<Record<string, unknown>[]> {
  const people = Number(process.env.BENCH_AUDIT_PEOPLE ?? 1500);
  const every = Number(process.env.BENCH_AUDIT_MONTHS ?? 1);
  const facts = generateFacts(people, 7, 2025, 2026);
  const out: Record<string, unknown>[] = [];
  for (const chained of [false, true]) {
    const steps: Step[] = [];
    let previous: Release | undefined;
    for (let period = '2025-03'; period <= '2027-02'; ) {
      const cube = new Cube(facts.filter((f) => ym(f) < period));
      const release: Release = { period, k: K, cube, ...releaseValues(cube, K, chained ? previous : undefined) };
      const names = labels(cube);
      steps.push({ release, labels: names, index: new Map(names.map((l, i) => [l, i])), known: new Map() });
      previous = release;
      for (let i = 0; i < every; i++) period = nextMonth(period);
    }
    const single = attack(steps, chained, false);
    const cross = attack(steps, chained, true);
    out.push({
      bench: 'disclosure',
      releases: chained ? 'chained' : 'unchained',
      people,
      releasesMade: steps.length,
      monthsBetween: every,
      k: K,
      pinnedWithinReleases: single.pinnedCellReleases,
      pinnedAcrossReleases: cross.pinnedCellReleases,
      distinctCellsPinnedAcross: cross.pinnedCells,
    });
  }
  return out;
}
