// The analytical store's finest cells: every fact counts once in the cell of its country, province, canton,
// month of registration and minor status, under "total" and each of its keys (cube.ts). The store keeps these
// counts (insight_cells) and each person's fact as a cell and keys (insight_facts), so a change is a delta: the
// person's old contribution out, the new one in. Cubes for the dashboards and for a release are sums of cells;
// they are laid out in one canonical order, so the same counts always give the same cube, byte for byte.
import { Cube, factKeys } from './cube';
import type { Fact } from './facts';

/** Counts of one finest cell by key ("total" included). */
export type Counts = Map<string, number>;
/** Counts by finest cell ("country|province|canton|YYYY-MM|minor", minor 1 or adults 2). */
export type Finest = Map<string, Counts>;

/** A person's contribution to the store: the cell they count in and their keys. */
export interface FactRow {
  person_id: string;
  cell: string;
  keys: string;
}

const ym = (f: Fact) => `${f.year}-${String(f.month).padStart(2, '0')}`;

/** The finest cell a fact counts in. */
export const cellOf = (f: Fact): string =>
  `${f.country}|${f.province ?? ''}|${f.canton ?? ''}|${ym(f)}|${f.minor ? 1 : 2}`;

/** The stored form of a fact (its keys one per line: no key holds a line break). */
export const factRow = (f: Fact): FactRow => ({ person_id: f.key, cell: cellOf(f), keys: factKeys(f).join('\n') });

/** The parts of a cell name. */
export function parseCell(cell: string) {
  const [country = '', province = '', canton = '', month = '', minor = '2'] = cell.split('|');
  return {
    country,
    province: province || null,
    canton: canton || null,
    month,
    year: Number(month.slice(0, 4)),
    minor: (minor === '1' ? 1 : 2) as 1 | 2,
  };
}

/** Adds (`sign` 1) or takes away (-1) one fact's contribution. */
export function count(into: Finest, row: Pick<FactRow, 'cell' | 'keys'>, sign: 1 | -1): void {
  let c = into.get(row.cell);
  if (!c) {
    c = new Map();
    into.set(row.cell, c);
  }
  c.set('total', (c.get('total') ?? 0) + sign);
  for (const k of row.keys.split('\n')) c.set(k, (c.get(k) ?? 0) + sign);
}

/** A cell's counts as stored: a JSON object in key order, without zeros. */
export function encodeCounts(c: Counts): string {
  const o: Record<string, number> = {};
  for (const k of [...c.keys()].sort()) if (c.get(k)) o[k] = c.get(k)!;
  return JSON.stringify(o);
}

/** The counts `encodeCounts` wrote. */
export function decodeCounts(text: string): Counts {
  return new Map(Object.entries(JSON.parse(text) as Record<string, number>));
}

/** The sum of two cells' counts (a stored cell and a delta), without zeros. */
export function plus(a: Counts | undefined, b: Counts): Counts {
  const out = new Map(a ?? []);
  for (const [k, n] of b) {
    const v = (out.get(k) ?? 0) + n;
    if (v < 0) throw new Error('the analytical store would count below zero');
    if (v) out.set(k, v);
    else out.delete(k);
  }
  return out;
}

/** The finished cube of the cells registered before `before` ("YYYY-MM"; every cell when omitted). */
export function cubeOf(finest: Finest, before?: string): Cube {
  const cells = [...finest.keys()]
    .filter((cell) => (finest.get(cell)!.get('total') ?? 0) > 0 && (!before || parseCell(cell).month < before))
    .sort();
  const keys = new Set<string>();
  for (const cell of cells) for (const [k, n] of finest.get(cell)!) if (n && k !== 'total') keys.add(k);
  const cube = new Cube();
  cube.orderKeys([...keys].sort());
  for (const cell of cells) {
    const p = parseCell(cell);
    cube.addCounts(p, finest.get(cell)!);
  }
  cube.finish();
  return cube;
}
