// The analytical store's in-memory cube: every count a dashboard can ask for, pre-aggregated once from the facts.
// A cell is (division node, year slot, minor slot, key): node 0.. are the country roots, provinces and cantons;
// year slot 0 is "all years"; minor slot 0 is "everyone", 1 minors, 2 adults; a key is "total" or dimension:value.
// Every fact adds 1 to the cells of its country, province and canton, for its year and all years, for its minor
// status and everyone, for each of its keys. A dashboard query is then a few thousand array reads, whatever the
// number of cases; the cube holds no person-level data.
import type { Fact } from './facts';

export const dimensions = [
  'exploitation',
  'industry',
  'sexType',
  'recruitment',
  'relation',
  'control',
  'ageBand',
  'gender',
  'ethnicity',
  'citizenship',
] as const;
export type Dimension = (typeof dimensions)[number];
/** Dimensions where one person may be in several cells. */
export const multiValued: ReadonlySet<Dimension> = new Set([
  'exploitation',
  'industry',
  'sexType',
  'recruitment',
  'control',
]);

/** The keys a fact counts under (besides "total"). */
export function factKeys(f: Fact): string[] {
  const keys = [`month:${f.year}-${String(f.month).padStart(2, '0')}`];
  const add = (dim: Dimension, values: string[]) => {
    for (const v of values) keys.push(`${dim}:${v}`);
  };
  add('exploitation', f.exploitation);
  add('industry', f.industries);
  add('sexType', f.sexTypes);
  add('recruitment', f.recruitment);
  add('control', f.control);
  add('relation', [f.relation]);
  add('ageBand', [f.ageBand]);
  add('gender', [f.gender]);
  add('ethnicity', [f.ethnicity]);
  add('citizenship', [f.citizenship]);
  if (f.recruitedIn && f.exploitedIn) keys.push(`route:${f.recruitedIn}>${f.exploitedIn}`);
  // Protection and justice by the year they happened (protection.ts): read in the all-years slot, where the cell
  // "protection:2025:Conviction" is the people convicted for in 2025. Several per person, none adds up to the total.
  for (const p of f.protection ?? []) keys.push(`protection:${p}`);
  return keys;
}

export interface Box {
  node: number;
  year: number;
  minor: 0 | 1 | 2;
}

/** Counts of facts by division node, year, minor status and key. */
export class Cube {
  readonly nodes = new Map<string, number>();
  readonly nodeParent: number[] = [];
  readonly years = new Map<number, number>();
  readonly keys = new Map<string, number>([['total', 0]]);
  private counts = new Uint32Array(0);
  private nodeStride = 0;
  private yearStride = 0;
  size = 0;
  /** While adding: counts at each fact's finest cell (node, year, minor status), by key index. */
  private finest = new Map<string, number[]>();

  /** A finished cube of `facts`; without them, an empty cube to `add()` batches to and `finish()`. */
  constructor(facts?: readonly Fact[]) {
    if (facts) {
      this.add(facts);
      this.finish();
    }
  }

  /** Counts a batch of facts (before `finish`). */
  add(facts: readonly Fact[]): void {
    this.size += facts.length;
    for (const f of facts) {
      const counts = this.leaf(f.country, f.province, f.canton, f.year, f.minor ? 1 : 2);
      counts[0] = (counts[0] ?? 0) + 1;
      for (const k of factKeys(f)) {
        const i = this.key(k);
        counts[i] = (counts[i] ?? 0) + 1;
      }
    }
  }

  /** Adds counts already aggregated at a finest cell (before `finish`); "total" is the number of facts. */
  addCounts(
    leaf: { country: string; province: string | null; canton: string | null; year: number; minor: 1 | 2 },
    counts: Iterable<[string, number]>,
  ): void {
    const into = this.leaf(leaf.country, leaf.province, leaf.canton, leaf.year, leaf.minor);
    for (const [k, n] of counts) {
      const i = this.key(k);
      into[i] = (into[i] ?? 0) + n;
      if (i === 0) this.size += n;
    }
  }

  /** Registers keys in this order before any count is added, so that two cubes of the same counts lay out alike. */
  orderKeys(keys: readonly string[]): void {
    for (const k of keys) this.key(k);
  }

  private leaf(country: string, province: string | null, canton: string | null, year: number, minor: 1 | 2) {
    const root = this.node(country, -1);
    const p = province ? this.node(`${country}:${province}`, root) : -1;
    const c = canton ? this.node(`${country}:${canton}`, p >= 0 ? p : root) : -1;
    const leaf = c >= 0 ? c : p >= 0 ? p : root;
    const cell = `${leaf}|${year}|${minor}`;
    let counts = this.finest.get(cell);
    if (!counts) {
      counts = [];
      this.finest.set(cell, counts);
    }
    return counts;
  }

  /** Lays the counts out densely and derives the margins: everyone = minors + adults; all years = the sum of the
   * years; a division = itself plus its children, deepest first. */
  finish(): void {
    const years = new Set<number>();
    for (const cell of this.finest.keys()) years.add(Number(cell.split('|')[1]));
    this.years.set(0, 0);
    for (const y of [...years].sort()) this.years.set(y, this.years.size);
    const nk = this.keys.size;
    const ny = this.years.size;
    this.yearStride = 3 * nk;
    this.nodeStride = ny * this.yearStride;
    const c = new Uint32Array(this.nodes.size * this.nodeStride);
    this.counts = c;
    for (const [cell, counts] of this.finest) {
      const [n, y, m] = cell.split('|').map(Number) as [number, number, number];
      const base = n * this.nodeStride + this.years.get(y)! * this.yearStride + m * nk;
      for (let k = 0; k < counts.length; k++) if (counts[k]) c[base + k] = counts[k]!;
    }
    this.finest = new Map();
    for (let n = 0; n < this.nodes.size; n++)
      for (let y = 1; y < ny; y++) {
        const b = n * this.nodeStride + y * this.yearStride;
        for (let k = 0; k < nk; k++) c[b + k] = c[b + nk + k]! + c[b + 2 * nk + k]!;
      }
    for (let n = 0; n < this.nodes.size; n++) {
      const b = n * this.nodeStride;
      for (let y = 1; y < ny; y++)
        for (let j = 0; j < this.yearStride; j++) c[b + j] = c[b + j]! + c[b + y * this.yearStride + j]!;
    }
    const depth = (n: number) => this.chain(n).length;
    for (const n of [...this.nodes.values()].sort((a, b) => depth(b) - depth(a))) {
      const parent = this.nodeParent[n]!;
      if (parent < 0) continue;
      const from = n * this.nodeStride;
      const to = parent * this.nodeStride;
      for (let j = 0; j < this.nodeStride; j++) c[to + j] = c[to + j]! + c[from + j]!;
    }
  }

  private node(code: string, parent: number): number {
    let i = this.nodes.get(code);
    if (i === undefined) {
      i = this.nodes.size;
      this.nodes.set(code, i);
      this.nodeParent.push(parent);
    }
    return i;
  }
  private key(k: string): number {
    let i = this.keys.get(k);
    if (i === undefined && this.counts.length) throw new Error('the cube is finished');
    if (i === undefined) {
      i = this.keys.size;
      this.keys.set(k, i);
    }
    return i;
  }

  /** The node index of a division (`country` or `country:code`), or undefined when no fact lies there. */
  nodeOf(country: string, code?: string | null): number | undefined {
    return this.nodes.get(code ? `${country}:${code}` : country);
  }

  /** The node and its ancestors up to the country root. */
  chain(node: number): number[] {
    const out: number[] = [];
    for (let n = node; n >= 0; n = this.nodeParent[n]!) out.push(n);
    return out;
  }

  /** The position of a cell in the dense layout, or -1 when the key, year or node has no facts. */
  index(box: Box, key = 'total'): number {
    const k = this.keys.get(key);
    const y = this.years.get(box.year);
    if (k === undefined || y === undefined || box.node < 0) return -1;
    return box.node * this.nodeStride + y * this.yearStride + box.minor * this.keys.size + k;
  }

  /** The number of facts in a box under a key ("total" when omitted); 0 for an unknown key, year or node. */
  count(box: Box, key = 'total'): number {
    const i = this.index(box, key);
    return i < 0 ? 0 : this.counts[i]!;
  }

  /** Every key that starts with `prefix` (e.g. "gender:"), with the part after it. */
  keysWith(prefix: string): string[] {
    const out: string[] = [];
    for (const k of this.keys.keys()) if (k.startsWith(prefix)) out.push(k.slice(prefix.length));
    return out;
  }

  /** The dense layout, for the disclosure pass (protect.ts) and for snapshots. */
  layout() {
    return {
      counts: this.counts,
      nodeStride: this.nodeStride,
      yearStride: this.yearStride,
      nk: this.keys.size,
      ny: this.years.size,
      nn: this.nodes.size,
    };
  }

  /** Everything needed to rebuild this cube elsewhere (a snapshot row); holds counts only. */
  serialise(): string {
    return JSON.stringify({
      nodes: [...this.nodes.keys()],
      parents: this.nodeParent,
      years: [...this.years.keys()],
      keys: [...this.keys.keys()],
      size: this.size,
      counts: Buffer.from(this.counts.buffer, this.counts.byteOffset, this.counts.byteLength).toString('base64'),
    });
  }

  /** The cube `serialise()` wrote. */
  static parse(text: string): Cube {
    const o = JSON.parse(text) as {
      nodes: string[];
      parents: number[];
      years: number[];
      keys: string[];
      size: number;
      counts: string;
    };
    const c = new Cube();
    o.nodes.forEach((n, i) => {
      c.nodes.set(n, i);
      c.nodeParent.push(o.parents[i]!);
    });
    for (const [i, y] of o.years.entries()) c.years.set(y, i);
    c.keys.clear();
    for (const [i, k] of o.keys.entries()) c.keys.set(k, i);
    c.size = o.size;
    const bytes = Buffer.from(o.counts, 'base64');
    c.counts = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    c.yearStride = 3 * c.keys.size;
    c.nodeStride = c.years.size * c.yearStride;
    return c;
  }

  /** Years that have facts, ascending. */
  yearList(): number[] {
    return [...this.years.keys()].filter((y) => y !== 0);
  }
}
