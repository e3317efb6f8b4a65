// A sparse linear system modulo a prime below 2^26 (products stay exact in a double), solved by elimination with
// Markowitz pivoting and grown incrementally: equations added after a solve are first reduced by the pivots found so
// far, so that solving again only eliminates what is new, and `undo` forgets what was added since a `mark`. The rank
// attack (attack-rank.ts) keeps the solved system of the releases already published and tries one release at a time.
const P = 67108859;
export const mod = (a: number) => {
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

/**
 * Rows of (unknown → coefficient) with a constant (sum = constant). Rows being eliminated are maps; a row taken as a
 * pivot never changes again and is kept packed (its other unknowns are pivoted later or free).
 */
export class ModSystem {
  private rows: Map<number, number>[] = [];
  private consts: number[] = [];
  /** For each unknown, the rows not yet used as a pivot that hold it (empty after a solve). */
  private cols: Set<number>[] = [];
  /** Unknown → its place among the pivots, or -1. */
  private order: number[] = [];
  /** Rows added since the last solve. */
  private pending: number[] = [];
  // The pivots in the order they were taken: unknown, inverse of its coefficient, constant, other unknowns, their
  // coefficients.
  private pv: number[] = [];
  private pinv: number[] = [];
  private pconst: number[] = [];
  private pvars: Int32Array[] = [];
  private pcoefs: Float64Array[] = [];

  get unknowns(): number {
    return this.cols.length;
  }

  /** Makes room for unknowns 0..n-1. */
  grow(n: number): void {
    while (this.cols.length < n) {
      this.cols.push(new Set());
      this.order.push(-1);
    }
  }

  /** Where the solved system stands, to `undo` back to (only after a solve). */
  mark(): { pivots: number; unknowns: number } {
    if (this.pending.length) throw new Error('mod system: mark before solve');
    return { pivots: this.pv.length, unknowns: this.unknowns };
  }

  /** Forgets every unknown, equation and pivot added since `mark`. */
  undo(m: { pivots: number; unknowns: number }): void {
    for (let i = m.pivots; i < this.pv.length; i++) this.order[this.pv[i]!] = -1;
    for (const a of [this.pv, this.pinv, this.pconst, this.pvars, this.pcoefs]) a.length = m.pivots;
    this.cols.length = m.unknowns;
    this.order.length = m.unknowns;
    for (let v = 0; v < m.unknowns; v++) if (this.cols[v]!.size) this.cols[v] = new Set();
    this.rows = [];
    this.consts = [];
    this.pending = [];
  }

  /** Adds the equation sum(coef * x) = constant, reduced by the pivots already taken. */
  add(terms: Map<number, number>, constant: number): void {
    const row = new Map<number, number>();
    for (const [v, c] of terms) if (mod(c)) row.set(v, mod(c));
    let k = mod(constant);
    // Reducing in pivot order ends: a pivot row holds only unknowns pivoted after it, or free ones.
    const heap = new MinHeap();
    for (const v of row.keys()) if (this.order[v]! >= 0) heap.push(this.order[v]!);
    while (heap.size) {
      const o = heap.pop();
      const c = row.get(this.pv[o]!);
      if (c === undefined) continue;
      row.delete(this.pv[o]!);
      const f = mul(c, this.pinv[o]!);
      const vars = this.pvars[o]!;
      const coefs = this.pcoefs[o]!;
      for (let j = 0; j < vars.length; j++) {
        const v = vars[j]!;
        const had = row.get(v);
        const nv = mod((had ?? 0) - mul(f, coefs[j]!));
        if (nv) {
          row.set(v, nv);
          if (had === undefined && this.order[v]! >= 0) heap.push(this.order[v]!);
        } else row.delete(v);
      }
      k = mod(k - mul(f, this.pconst[o]!));
    }
    if (!row.size) return;
    const r = this.rows.length;
    this.rows.push(row);
    this.consts.push(k);
    for (const v of row.keys()) this.cols[v]!.add(r);
    this.pending.push(r);
  }

  /** Eliminates the rows added since the last solve (each pivot: the unknown of fewest rows in a shortest row). */
  solve(): void {
    const buckets: number[][] = [];
    const push = (r: number) => {
      const n = this.rows[r]!.size;
      const b = buckets[n];
      if (b) b.push(r);
      else buckets[n] = [r];
    };
    const active = new Set(this.pending);
    for (const r of active) push(r);
    let min = 0;
    for (;;) {
      while (min < buckets.length && !buckets[min]?.length) min++;
      if (min >= buckets.length) break;
      const r = buckets[min]!.pop()!;
      const row = this.rows[r]!;
      if (!active.has(r) || row.size !== min) continue;
      active.delete(r);
      if (!row.size) continue;
      let pv = -1;
      for (const v of row.keys()) if (pv < 0 || this.cols[v]!.size < this.cols[pv]!.size) pv = v;
      for (const v of row.keys()) this.cols[v]!.delete(r);
      const ip = inv(row.get(pv)!);
      this.order[pv] = this.pv.length;
      this.pv.push(pv);
      this.pinv.push(ip);
      this.pconst.push(this.consts[r]!);
      const vars = new Int32Array(row.size - 1);
      const coefs = new Float64Array(row.size - 1);
      let j = 0;
      for (const [v, c] of row)
        if (v !== pv) {
          vars[j] = v;
          coefs[j++] = c;
        }
      this.pvars.push(vars);
      this.pcoefs.push(coefs);
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
    this.rows = [];
    this.consts = [];
    this.pending = [];
  }

  /** One solution: free unknowns set by `free` (0 for a particular solution, random for the null space). */
  private back(free: (v: number) => number, homogeneous: boolean): Float64Array {
    const x = new Float64Array(this.unknowns);
    for (let v = 0; v < this.unknowns; v++) if (this.order[v]! < 0) x[v] = free(v);
    for (let i = this.pv.length - 1; i >= 0; i--) {
      const vars = this.pvars[i]!;
      const coefs = this.pcoefs[i]!;
      let s = homogeneous ? 0 : this.pconst[i]!;
      for (let j = 0; j < vars.length; j++) s = mod(s - mul(coefs[j]!, x[vars[j]!]!));
      x[this.pv[i]!] = mul(s, this.pinv[i]!);
    }
    return x;
  }

  /**
   * The unknowns the solved system determines, with their values (modulo P): zero in two random vectors of the null
   * space (a false "determined" has probability about 2^-52).
   */
  determined(seed = 12345): Map<number, number> {
    if (this.pending.length) throw new Error('mod system: determined before solve');
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

/** A binary min-heap of small integers. */
class MinHeap {
  private a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  push(x: number): void {
    const a = this.a;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]! <= x) break;
      a[i] = a[p]!;
      a[p] = x;
      i = p;
    }
  }
  pop(): number {
    const a = this.a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
