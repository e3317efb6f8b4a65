// The differential-privacy building blocks: uniform randomness from node:crypto (or a seeded generator in tests),
// the discrete Laplace (two-sided geometric) mechanism, and a noisy contingency table with post-processing.
// Every count here has sensitivity 1: adding or removing one person changes exactly one cell of a table by 1.
import { getRandomValues } from 'node:crypto';

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Uniform numbers in [0, 1) with 53 random bits each, from the operating system's CSPRNG. */
export function cryptoRng(): Rng {
  const buf = new Uint32Array(1024);
  let i = buf.length;
  return () => {
    if (i + 2 > buf.length) {
      getRandomValues(buf);
      i = 0;
    }
    const hi = buf[i++]! >>> 5; // 27 bits
    const lo = buf[i++]! >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };
}

/**
 * Discrete Laplace noise for a count of sensitivity 1 under privacy budget `epsilon`: the difference of two
 * geometric variables with P(k) ∝ exp(-epsilon·|k|). Guarantees epsilon-differential privacy for that count.
 */
export function discreteLaplace(epsilon: number, rng: Rng): number {
  const lnAlpha = -epsilon;
  const geometric = () => Math.floor(Math.log(1 - rng()) / lnAlpha);
  return geometric() - geometric();
}

/**
 * A table of counts over `cells` keys made private with `epsilon`, then post-processed (which costs no privacy):
 * negatives become 0, and cells marked `sparse` (large open domains such as country codes) below
 * `threshold` become 0, so noise spread over hundreds of empty cells does not turn into invented people.
 */
export function noisyTable(
  counts: ReadonlyMap<string, number>,
  cells: readonly string[],
  epsilon: number,
  rng: Rng,
  sparse: (cell: string) => boolean = () => false,
): Map<string, number> {
  const sparseCells = cells.filter(sparse).length;
  // Probability that any empty sparse cell survives is at most about 1%: P(noise ≥ t) = e^(-ε t) / (1 + e^(-ε)).
  const threshold = sparseCells ? Math.log(sparseCells / 0.01) / epsilon : 0;
  const out = new Map<string, number>();
  for (const cell of cells) {
    const v = (counts.get(cell) ?? 0) + discreteLaplace(epsilon, rng);
    out.set(cell, v < 0 || (sparse(cell) && v < threshold) ? 0 : v);
  }
  return out;
}

/** A sampler drawing keys with probability proportional to their weights; null when every weight is 0. */
export function sampler<T>(weights: ReadonlyMap<T, number>, rng: Rng): () => T | null {
  const keys: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [k, w] of weights) {
    if (w <= 0) continue;
    total += w;
    keys.push(k);
    cumulative.push(total);
  }
  return () => {
    if (!keys.length) return null;
    const x = rng() * total;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return keys[lo]!;
  };
}

/**
 * Post-processing towards a known total (Norm-Sub): when the non-negative cells add up to more than `total`,
 * one common amount is subtracted from every cell (floored at 0) so that they add up to `total`. Noise spread
 * over many empty cells thus loses more, in proportion, than the real cells. Costs no privacy.
 */
export function towardsTotal(table: Map<string, number>, total: number): Map<string, number> {
  const values = [...table.values()].filter((v) => v > 0).sort((a, b) => b - a);
  let sum = values.reduce((s, v) => s + v, 0);
  if (sum <= total || total <= 0) return table;
  // Find the shift: with the m largest cells kept, shift = (their sum - total) / m must leave the m-th above it.
  let shift = 0;
  sum = 0;
  for (let m = 1; m <= values.length; m++) {
    sum += values[m - 1]!;
    const s = (sum - total) / m;
    if (m === values.length || values[m]! <= s) {
      shift = s;
      break;
    }
  }
  return new Map([...table].map(([k, v]) => [k, Math.max(0, v - shift)]));
}
