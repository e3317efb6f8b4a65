// A monthly release of protected figures: the cube of the facts registered before the month, its suppression
// pattern (protect.ts), and the value published for every cell. Releases are chained: a cell shown in the previous
// release keeps its previous value until it has moved by at least k people, so comparing two consecutive releases
// shows every cell unchanged or changed by at least k, and one registration, edit or removal never shows.
// A period the previous release closed is not released again: its cells stay as published (frozen), so a new
// release decides only the open periods' cells. An open cell's published value is at most k-1 away from its
// count at the release date; a closed one's is its count when it was last decided.
// The product publishes these values only after the cross-release audit (release-audit.ts) has hidden what an
// attacker combining every release could pin.
import { Cube } from './cube';
import { protectCube } from './protect';

export interface Release {
  period: string;
  k: number;
  cube: Cube;
  /** The value published for each cell of the cube's layout, or -1 when it is suppressed. */
  published: Int32Array;
  /** The count each cell had when its published state was last decided. */
  baseline: Int32Array;
}

/**
 * The values to publish for `cube`, given the previous release (if any). Cells of periods the previous release
 * closed (months before its period, and years all of whose months are) are frozen: published as it published them
 * (hidden when it had no such cell), whatever their count has become, so a closed period is released once.
 * Other cells: one whose count is less than k away from its count when its state was last decided keeps its
 * previous state (value or suppression); any other takes its state from this release's suppression pattern,
 * which is computed around the frozen cells (protect.ts).
 */
export function releaseValues(cube: Cube, k: number, previous?: Release): Pick<Release, 'published' | 'baseline'> {
  const { counts, nodeStride, yearStride, nk } = cube.layout();
  const published = new Int32Array(counts.length);
  const baseline = new Int32Array(counts.length);
  // Each cell's position in the previous release (-1 when it had none).
  const before = new Int32Array(counts.length).fill(-1);
  const closed = new Uint8Array(counts.length);
  if (previous) {
    const prevNode = [...cube.nodes.keys()].map((code) => previous.cube.nodes.get(code));
    const prevYear = [...cube.years.keys()].map((y) => previous.cube.years.get(y));
    const prevKey = [...cube.keys.keys()].map((key) => previous.cube.keys.get(key));
    const yearClosed = [...cube.years.keys()].map((y) => y !== 0 && `${y}-12` < previous.period);
    const keyClosed = [...cube.keys.keys()].map((key) => key.startsWith('month:') && key.slice(6) < previous.period);
    const prev = previous.cube.layout();
    for (const [n, pn] of prevNode.entries())
      for (const [y, py] of prevYear.entries())
        for (let m = 0; m < 3; m++)
          for (const [key, pk] of prevKey.entries()) {
            const i = n * nodeStride + y * yearStride + m * nk + key;
            if (pn !== undefined && py !== undefined && pk !== undefined)
              before[i] = pn * prev.nodeStride + py * prev.yearStride + m * prev.nk + pk;
            if (yearClosed[y] || keyClosed[key]) closed[i] = 1;
          }
  }
  const fixed = new Uint8Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    if (!closed[i]) continue;
    const j = before[i]!;
    published[i] = j < 0 ? -1 : previous!.published[j]!;
    baseline[i] = j < 0 ? 0 : previous!.baseline[j]!;
    fixed[i] = published[i]! < 0 ? 1 : 2;
  }
  const hidden = protectCube(cube, k, previous ? fixed : undefined);
  for (let i = 0; i < counts.length; i++) {
    if (closed[i]) continue;
    const v = counts[i]!;
    const j = before[i]!;
    if (j >= 0 && Math.abs(v - previous!.baseline[j]!) < k) {
      published[i] = previous!.published[j]!;
      baseline[i] = previous!.baseline[j]!;
      continue;
    }
    published[i] = hidden[i] ? -1 : v;
    baseline[i] = v;
  }
  return { published, baseline };
}

/** The release period in force at `now` ("YYYY-MM", its first month) for releases every `months` months. */
export function releasePeriod(now: Date, months: number): string {
  const m = now.getUTCMonth() - (now.getUTCMonth() % months);
  return `${now.getUTCFullYear()}-${String(m + 1).padStart(2, '0')}`;
}

/** True when a fact was registered before the release period (so it belongs to that release). */
export const inRelease = (f: { year: number; month: number }, period: string) =>
  `${f.year}-${String(f.month).padStart(2, '0')}` < period;

/** The text stored in insight_snapshots. */
export function serialiseRelease(r: Release): string {
  const b64 = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  return JSON.stringify({ k: r.k, cube: r.cube.serialise(), published: b64(r.published), baseline: b64(r.baseline) });
}

/** The release `serialiseRelease` wrote. */
export function parseRelease(period: string, text: string): Release {
  const o = JSON.parse(text) as { k: number; cube: string; published: string; baseline: string };
  const ints = (b64: string) => {
    const bytes = Buffer.from(b64, 'base64');
    return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  return { period, k: o.k, cube: Cube.parse(o.cube), published: ints(o.published), baseline: ints(o.baseline) };
}
