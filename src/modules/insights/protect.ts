// One suppression pattern for the whole cube, so that a cell is hidden in every response or in none, and no
// response can be combined with another to give it back. Computed once per published cube.
//
// Primary suppression: a cell under k people (zero included); every cell of a category the whole country has
// fewer than k people in; a cell whose difference to a wider cell (ancestor division, all years, everyone, the
// total, the minors for a child age band) is 1..k-1.
// Then the cube's additive relations (each an equation parent = sum of its parts):
//   a division = its child divisions + the people registered at its own level;
//   all years = each year; everyone = minors + adults;
//   the total = the values of each single-valued dimension; a year = its months.
// In every relation, the hidden parts that hold someone must be none or at least two, and add up to none or at
// least k people; a hidden parent must not be the only unknown. Where a relation breaks this, the smallest shown
// part that holds someone is hidden too (the parent if none is left), until no relation changes.
import type { Cube } from './cube';
import { multiValued } from './cube';

const minorBands = new Set(['ageBand:0--8', 'ageBand:9--17']);
/** Keys outside the dimensions that are no breakdown of the total: a route, a protection event (several a person). */
const notAdditive = new Set(['route', 'protection']);

/**
 * The hidden flag of every cell of the cube's dense layout (1 = suppressed). Cells marked in `fixed` (1 hidden,
 * 2 shown: a closed period's cells, frozen as an earlier release published them) keep that state: suppression
 * decides only the other cells, and complements are chosen among them.
 */
export function protectCube(cube: Cube, k: number, fixed?: Uint8Array): Uint8Array {
  const { counts, nodeStride, yearStride, nk, ny, nn } = cube.layout();
  const hidden = new Uint8Array(counts.length);
  const at = (n: number, y: number, m: number, key: number) => n * nodeStride + y * yearStride + m * nk + key;
  const keyNames = [...cube.keys.keys()];
  const chains = Array.from({ length: nn }, (_, n) => cube.chain(n));
  const roots = chains.map((c) => c[c.length - 1]!);
  const minorBandKeys = new Set(keyNames.flatMap((name, i) => (minorBands.has(name) ? [i] : [])));

  // Primary suppression.
  for (let n = 0; n < nn; n++)
    for (let y = 0; y < ny; y++)
      for (let m = 0; m < 3; m++)
        for (let key = 0; key < nk; key++) {
          const i = at(n, y, m, key);
          if (fixed?.[i]) {
            hidden[i] = fixed[i] === 1 ? 1 : 0;
            continue;
          }
          const v = counts[i]!;
          if (v < k || counts[at(roots[n]!, 0, 0, key)]! < k) {
            hidden[i] = 1;
            continue;
          }
          check: for (const wn of chains[n]!)
            for (const wy of y === 0 ? [0] : [y, 0])
              for (const wm of m === 0 ? (minorBandKeys.has(key) ? [0, 1] : [0]) : [m, 0])
                for (const wk of key === 0 ? [0] : [key, 0]) {
                  const d = counts[at(wn, wy, wm, wk)]! - v;
                  if (d > 0 && d < k) {
                    hidden[i] = 1;
                    break check;
                  }
                }
        }

  const { parts, visit: relations } = cubeRelations(cube);

  // Complementary suppression until every relation holds.
  let changed = true;
  while (changed) {
    changed = false;
    relations((parent, len) => {
      let hiddenParts = 0;
      let mass = 0;
      let sum = 0;
      let pick = -1;
      for (let j = 0; j < len; j++) {
        const i = parts[j]!;
        const v = counts[i]!;
        sum += v;
        if (hidden[i]) {
          if (v > 0) hiddenParts++;
          mass += v;
        } else if (v > 0 && !fixed?.[i] && (pick < 0 || v < counts[pick]!)) pick = i;
      }
      // People in no part (registered at a division's own level) are never shown: a hidden part of their own.
      const rest = counts[parent]! - sum;
      if (rest > 0) {
        hiddenParts++;
        mass += rest;
      }
      const parentHidden = hidden[parent] === 1;
      const broken = parentHidden
        ? hiddenParts === 0 && counts[parent]! > 0
        : hiddenParts === 1 || (mass > 0 && mass < k);
      if (!broken) return;
      if (pick >= 0) hidden[pick] = 1;
      else if (!parentHidden && !fixed?.[parent]) hidden[parent] = 1;
      else return;
      changed = true;
    });
  }
  return hidden;
}

/**
 * The cube's additive relations (a division = its child divisions + its own level; all years = each year;
 * everyone = minors + adults; the total = each single-valued breakdown; a year = its months), visited without
 * materialising them (a national cube has millions): `visit(parent, len)` sees the parts in `parts[0..len)`.
 */
export function cubeRelations(cube: Cube) {
  const { nodeStride, yearStride, nk, ny, nn } = cube.layout();
  const at = (n: number, y: number, m: number, key: number) => n * nodeStride + y * yearStride + m * nk + key;
  const keyNames = [...cube.keys.keys()];
  const children: number[][] = Array.from({ length: nn }, () => []);
  for (let n = 0; n < nn; n++) {
    const p = cube.nodeParent[n]!;
    if (p >= 0) children[p]!.push(n);
  }
  const single = new Map<string, number[]>();
  const months = new Map<number, number[]>();
  keyNames.forEach((name, i) => {
    const [dim = '', value = ''] = name.split(':');
    if (dim === 'month') {
      const year = Number(value.slice(0, 4));
      months.set(year, [...(months.get(year) ?? []), i]);
    } else if (i > 0 && !notAdditive.has(dim) && !multiValued.has(dim as never))
      single.set(dim, [...(single.get(dim) ?? []), i]);
  });
  const yearOf = [...cube.years.keys()];
  const parts = new Int32Array(Math.max(nn, ny, nk, 16));
  const walk = (visit: (parent: number, len: number) => void) => {
    for (let n = 0; n < nn; n++)
      for (let y = 0; y < ny; y++)
        for (let m = 0; m < 3; m++) {
          for (let key = 0; key < nk; key++) {
            const kids = children[n]!;
            if (kids.length) {
              for (let j = 0; j < kids.length; j++) parts[j] = at(kids[j]!, y, m, key);
              visit(at(n, y, m, key), kids.length);
            }
            if (y === 0 && ny > 1) {
              for (let j = 1; j < ny; j++) parts[j - 1] = at(n, j, m, key);
              visit(at(n, 0, m, key), ny - 1);
            }
            if (m === 0) {
              parts[0] = at(n, y, 1, key);
              parts[1] = at(n, y, 2, key);
              visit(at(n, y, 0, key), 2);
            }
          }
          for (const keys of single.values()) {
            for (let j = 0; j < keys.length; j++) parts[j] = at(n, y, m, keys[j]!);
            visit(at(n, y, m, 0), keys.length);
          }
          const ms = y > 0 ? months.get(yearOf[y]!) : undefined;
          if (ms?.length) {
            for (let j = 0; j < ms.length; j++) parts[j] = at(n, y, m, ms[j]!);
            visit(at(n, y, m, 0), ms.length);
          }
        }
  };

  return { parts, visit: walk };
}
