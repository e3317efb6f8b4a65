// The rank attack: exact linear algebra over everything an attacker knows exactly across a series of releases.
// Unknowns are the counts of every cell in every release, one unknown for all the releases in which the cell's
// month or year had ended (its count no longer changes); the values the attacker knows exactly (attack.ts) and the
// structural zeros are substituted; every additive relation of every release (cubeRelations) is an equation.
// Sparse elimination modulo a prime below 2^26 (products stay exact in a double) with Markowitz pivoting, then two
// random vectors of the null space: an unknown is determined exactly when it is zero in both (a false "determined"
// has probability about 2^-52). The determined values are checked against the truth (a consistency check of the
// solver). Nonnegativity and integer bounds are not used: this is the exact, linear attack.
import { closedFrom, countPinned, type Pinned, type Step, structuralZero } from './attack';
import { cubeRelations } from './protect';

const P = 67108859; // a prime below 2^26
const mod = (a: number) => {
  const r = a % P;
  return r < 0 ? r + P : r;
};
const mul = (a: number, b: number) => (a * b) % P;
function inv(a: number): number {
  let [t, nt, r, nr] = [0, 1, P, a];
  while (nr) {
    const q = Math.floor(r / nr);
    [t, nt] = [nt, t - q * nt];
    [r, nr] = [nr, r - q * nr];
  }
  return mod(t);
}

/** A sparse linear system modulo P: rows of (unknown → coefficient) with a constant (sum = constant). */
export class ModSystem {
  private rows: Map<number, number>[] = [];
  private consts: number[] = [];
  private cols: Set<number>[] = [];
  private pivots: { v: number; row: number }[] = [];
  private pivotOf = new Map<number, number>();
  constructor(readonly unknowns: number) {
    for (let v = 0; v < unknowns; v++) this.cols.push(new Set());
  }

  /** Adds the equation sum(coef * x) = constant. */
  add(terms: Map<number, number>, constant: number): void {
    const row = new Map<number, number>();
    for (const [v, c] of terms) if (mod(c)) row.set(v, mod(c));
    if (!row.size) return;
    const r = this.rows.length;
    this.rows.push(row);
    this.consts.push(mod(constant));
    for (const v of row.keys()) this.cols[v]!.add(r);
  }

  /** Eliminates (each row's pivot: the unknown of fewest rows in one of the shortest rows). */
  solve(): void {
    const buckets: number[][] = [];
    const push = (r: number) => {
      const n = this.rows[r]!.size;
      const b = buckets[n];
      if (b) b.push(r);
      else buckets[n] = [r];
    };
    const active = new Uint8Array(this.rows.length).fill(1);
    for (let r = 0; r < this.rows.length; r++) push(r);
    let min = 0;
    for (;;) {
      while (min < buckets.length && !buckets[min]?.length) min++;
      if (min >= buckets.length) break;
      const r = buckets[min]!.pop()!;
      const row = this.rows[r]!;
      if (!active[r] || row.size !== min) continue;
      active[r] = 0;
      if (!row.size) continue;
      let pv = -1;
      for (const v of row.keys()) if (pv < 0 || this.cols[v]!.size < this.cols[pv]!.size) pv = v;
      for (const v of row.keys()) this.cols[v]!.delete(r);
      this.pivots.push({ v: pv, row: r });
      this.pivotOf.set(pv, r);
      const ip = inv(row.get(pv)!);
      for (const o of [...this.cols[pv]!]) {
        const other = this.rows[o]!;
        const f = mul(other.get(pv)!, ip);
        for (const [v, c] of row) {
          const nv = mod((other.get(v) ?? 0) - mul(f, c));
          if (nv) {
            if (!other.has(v)) this.cols[v]!.add(o);
            other.set(v, nv);
          } else if (other.delete(v)) this.cols[v]!.delete(o);
        }
        this.consts[o] = mod(this.consts[o]! - mul(f, this.consts[r]!));
        push(o);
        if (other.size < min) min = other.size;
      }
    }
  }

  /** One solution: free unknowns set by `free` (0 for a particular solution, random for the null space). */
  private back(free: (v: number) => number, homogeneous: boolean): Float64Array {
    const x = new Float64Array(this.unknowns);
    for (let v = 0; v < this.unknowns; v++) if (!this.pivotOf.has(v)) x[v] = free(v);
    for (let i = this.pivots.length - 1; i >= 0; i--) {
      const { v: pv, row: r } = this.pivots[i]!;
      const row = this.rows[r]!;
      let s = homogeneous ? 0 : this.consts[r]!;
      for (const [v, c] of row) if (v !== pv) s = mod(s - mul(c, x[v]!));
      x[pv] = mul(s, inv(row.get(pv)!));
    }
    return x;
  }

  /** The unknowns the system determines, with their values (modulo P). */
  determined(seed = 12345): Map<number, number> {
    let a = seed >>> 0;
    const rnd = () => {
      a = (Math.imul(a, 1103515245) + 12345) >>> 0;
      return 1 + (a % (P - 1));
    };
    const z1 = this.back(rnd, true);
    const z2 = this.back(rnd, true);
    const x = this.back(() => 0, false);
    const out = new Map<number, number>();
    for (let v = 0; v < this.unknowns; v++) if (!z1[v] && !z2[v]) out.set(v, x[v]!);
    return out;
  }
}

/**
 * The rank attack on a series of releases (see the header): hidden cells of 1..k-1 people it determines. With
 * `strict`, a determined value that differs from the truth throws (the bench and the tests: facts never change
 * there); the audit of a live release passes false (late corrections make a closed cell differ between releases).
 */
export function rankAttack(
  s: Step[],
  k: number,
  chained: boolean,
  strict = true,
): Pinned & { unknowns: number; equations: number } {
  const T = s.length;
  // Labels numbered once across releases; what each one is (ended from which period, structurally zero).
  const labelIds = new Map<string, number>();
  const from: (string | null)[] = [];
  const zero: boolean[] = [];
  const cellLabel = s.map((step) => {
    const out = new Int32Array(step.labels.length);
    for (const [i, l] of step.labels.entries()) {
      let id = labelIds.get(l);
      if (id === undefined) {
        id = labelIds.size;
        labelIds.set(l, id);
        from.push(closedFrom(l));
        zero.push(structuralZero(l));
      }
      out[i] = id;
    }
    return out;
  });
  // The unknown of each cell of each release: one per label and release, one per label once its period ended.
  const keys = s.map((step, t) => {
    const out = new Float64Array(step.labels.length);
    const period = step.release.period;
    for (let i = 0; i < out.length; i++) {
      const id = cellLabel[t]![i]!;
      const f = from[id];
      out[i] = id * (T + 1) + (f && period >= f ? T : t);
    }
    return out;
  });
  const known = new Map<number, number>();
  let prevAt: Int32Array | null = null;
  for (const [t, step] of s.entries()) {
    const p = step.release.published;
    const prev = s[t - 1];
    for (let i = 0; i < p.length; i++) {
      const id = cellLabel[t]![i]!;
      if (zero[id]) known.set(keys[t]![i]!, 0);
      if (p[i]! < 0) continue;
      const j = prevAt && id < prevAt.length ? prevAt[id]! : -1;
      const before = j >= 0 ? prev!.release.published[j] : undefined;
      if (!chained || t === 0 || before === undefined || before !== p[i]) known.set(keys[t]![i]!, p[i]!);
    }
    prevAt = new Int32Array(labelIds.size).fill(-1);
    for (let i = 0; i < p.length; i++) prevAt[cellLabel[t]![i]!] = i;
  }
  const ids = new Map<number, number>();
  const truth: number[] = [];
  for (const [t, step] of s.entries()) {
    const { counts } = step.release.cube.layout();
    for (let i = 0; i < counts.length; i++) {
      const key = keys[t]![i]!;
      if (!known.has(key) && !ids.has(key)) {
        ids.set(key, ids.size);
        truth.push(counts[i]!);
      }
    }
  }
  const system = new ModSystem(ids.size);
  let equations = 0;
  for (const [t, step] of s.entries()) {
    const { parts, visit } = cubeRelations(step.release.cube);
    const nm = keys[t]!;
    visit((parent, len) => {
      const terms = new Map<number, number>();
      let constant = 0;
      const term = (cell: number, coef: number) => {
        const key = nm[cell]!;
        const v = known.get(key);
        if (v !== undefined) constant -= coef * v;
        else {
          const id = ids.get(key)!;
          terms.set(id, (terms.get(id) ?? 0) + coef);
        }
      };
      term(parent, 1);
      for (let j = 0; j < len; j++) term(parts[j]!, -1);
      if (terms.size) {
        system.add(terms, constant);
        equations++;
      }
    });
  }
  system.solve();
  const det = system.determined();
  if (strict)
    for (const [id, v] of det)
      if (v !== mod(truth[id]!)) throw new Error(`rank attack: inconsistent solution for unknown ${id}`);
  const pinned = countPinned(s, k, (t, label) => {
    const key = keys[t]![s[t]!.index.get(label)!]!;
    if (known.has(key)) return true;
    const id = ids.get(key);
    return id !== undefined && det.has(id);
  });
  return { ...pinned, unknowns: ids.size, equations };
}
