// k-anonymity over the CTDC quasi-identifiers by global recoding, then suppression. The generalisation steps run
// in one fixed, documented order and stop as soon as the records left in classes under k are at most
// `maxSuppressedShare` of all records (and never fewer than one); whatever is still in a class under k is then
// removed. The result is k-anonymous by construction: classes partition the rows, so dropping every row of a
// small class leaves the size of every other class unchanged. A step that recodes a column again (years from two-
// to five-year periods) starts from the original value, never from the earlier band, so a band always contains
// the true value. The number suppressed is then never 1..k-1 (complementary suppression, see `complement`).
import { protectCount } from '../disclosure';
import { type CtdcRow, type QuasiIdentifier, quasiIdentifiers } from './columns';

export interface Step {
  column: QuasiIdentifier;
  /** Stable name of the level reached, e.g. "ageBroad:wide". */
  level: string;
  apply(rows: CtdcRow[], ctx: StepContext): void;
}

/** What a step may read: k, the home country, and the original rows (same order and length as `rows`). */
export interface StepContext {
  k: number;
  home: string;
  original: readonly CtdcRow[];
}

/** The CTDC age bands folded into three (children, young adults, older adults): the ladder's wide age step. */
export const wideAge: Record<string, string> = {
  '0--8': '0--17',
  '9--17': '0--17',
  '18--20': '18--29',
  '21--23': '18--29',
  '24--26': '18--29',
  '27--29': '18--29',
  '30--38': '30+',
  '39--47': '30+',
  '48+': '30+',
};

/** The `width`-year period (aligned on multiples of `width`) that contains year `v`; empty stays empty. */
export const yearBand = (width: number, v: string | number): string | number => {
  if (v === '') return v;
  const y = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(y)) return v;
  const from = y - (((y % width) + width) % width);
  return `${from}--${from + width - 1}`;
};

/** Years to periods of `width`, always from the original year (a band of a band could exclude the true year). */
const yearRange = (width: number) => (rows: CtdcRow[], ctx: StepContext) => {
  for (const [i, r] of rows.entries()) r.yearOfRegistration = yearBand(width, ctx.original[i]!.yearOfRegistration!);
};

/** Values seen in fewer than k rows become "Other" (empty, i.e. unknown, stays as it is). */
const rareToOther = (column: QuasiIdentifier) => (rows: CtdcRow[], ctx: { k: number }) => {
  const n = new Map<string | number, number>();
  for (const r of rows) n.set(r[column]!, (n.get(r[column]!) ?? 0) + 1);
  for (const r of rows) if (r[column] !== '' && (n.get(r[column]!) ?? 0) < ctx.k) r[column] = 'Other';
};

/** Anything but the installation's own country becomes "Other" (national / foreign). */
const homeOrOther = (column: QuasiIdentifier) => (rows: CtdcRow[], ctx: { home: string }) => {
  for (const r of rows) if (r[column] !== '' && r[column] !== ctx.home) r[column] = 'Other';
};

const map = (column: QuasiIdentifier, f: (v: string | number) => string | number) => (rows: CtdcRow[]) => {
  for (const r of rows) r[column] = f(r[column]!);
};

/** The generalisation ladder, in the order it is climbed. */
export const steps: Step[] = [
  { column: 'ageBroad', level: 'ageBroad:wide', apply: map('ageBroad', (v) => wideAge[String(v)] ?? v) },
  { column: 'yearOfRegistration', level: 'yearOfRegistration:2y', apply: yearRange(2) },
  { column: 'citizenship', level: 'citizenship:rare-to-other', apply: rareToOther('citizenship') },
  {
    column: 'CountryOfExploitation',
    level: 'CountryOfExploitation:rare-to-other',
    apply: rareToOther('CountryOfExploitation'),
  },
  { column: 'citizenship', level: 'citizenship:national-or-other', apply: homeOrOther('citizenship') },
  {
    column: 'CountryOfExploitation',
    level: 'CountryOfExploitation:national-or-other',
    apply: homeOrOther('CountryOfExploitation'),
  },
  { column: 'yearOfRegistration', level: 'yearOfRegistration:5y', apply: yearRange(5) },
  { column: 'ageBroad', level: 'ageBroad:removed', apply: map('ageBroad', () => '') },
];

/** The equivalence-class key of a row: its quasi-identifier values. */
export const classKey = (r: CtdcRow) => quasiIdentifiers.map((q) => String(r[q])).join('\u0001');

/** The size of every equivalence class. */
export function classSizes(rows: CtdcRow[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const r of rows) {
    const key = classKey(r);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

const atRisk = (rows: CtdcRow[], k: number) => {
  let n = 0;
  for (const size of classSizes(rows).values()) if (size < k) n += size;
  return n;
};

export interface KReport {
  k: number;
  records: number;
  published: number;
  suppressed: number;
  classes: number;
  smallestClass: number | null;
  maxSuppressedShare: number;
  generalised: { column: QuasiIdentifier; level: string }[];
}

/**
 * Complementary suppression of whole records: when 1..k-1 records were suppressed, more are removed so that the
 * number suppressed is 0 or at least k. Otherwise the dashboards' total minus the rows of the file would give a
 * count of 1..k-1 people. Spare rows (beyond k) of the largest classes go first, the last ones in file order;
 * when there are not enough, the smallest class goes whole. Every class left keeps at least k rows.
 * Returns the rows kept, in their order.
 */
export function complement(kept: CtdcRow[], suppressed: number, k: number): CtdcRow[] {
  if (suppressed === 0 || suppressed >= k || kept.length === 0) return kept;
  const need = k - suppressed;
  const sizes = classSizes(kept);
  const bySize = [...sizes].sort((a, b) => b[1] - a[1]);
  const spare = bySize.reduce((s, [, n]) => s + n - k, 0);
  const drop = new Map<string, number>();
  if (spare >= need) {
    let left = need;
    for (const [key, n] of bySize) {
      const take = Math.min(left, n - k);
      if (take > 0) drop.set(key, take);
      left -= take;
      if (left === 0) break;
    }
  } else {
    const [key, n] = bySize[bySize.length - 1]!;
    drop.set(key, n);
  }
  const out: CtdcRow[] = [];
  for (let i = kept.length - 1; i >= 0; i--) {
    const r = kept[i]!;
    const key = classKey(r);
    const d = drop.get(key) ?? 0;
    if (d > 0) drop.set(key, d - 1);
    else out.push(r);
  }
  return out.reverse();
}

/**
 * Makes `input` k-anonymous over the quasi-identifiers. Guarantees: every class of the returned rows has at least
 * k rows; the number of records suppressed is 0, at least k, or all of them (fewer than k people in all); the
 * input is not modified; rows keep their order; `report` says which steps ran and what was removed.
 */
export function kAnonymise(
  input: CtdcRow[],
  opts: { k: number; home: string; maxSuppressedShare?: number },
): { rows: CtdcRow[]; report: KReport } {
  const { k, home } = opts;
  const maxShare = opts.maxSuppressedShare ?? 0.05;
  const rows = input.map((r) => ({ ...r }));
  // At least one record may go without generalising everyone else: one outlier should not coarsen the whole file.
  const limit = Math.max(1, Math.floor(rows.length * maxShare));
  const generalised: KReport['generalised'] = [];
  for (const step of steps) {
    if (atRisk(rows, k) <= limit) break;
    step.apply(rows, { k, home, original: input });
    generalised.push({ column: step.column, level: step.level });
  }
  const sizes = classSizes(rows);
  const small = rows.filter((r) => (sizes.get(classKey(r)) ?? 0) >= k);
  const kept = complement(small, rows.length - small.length, k);
  const final = [...classSizes(kept).values()];
  return {
    rows: kept,
    report: {
      k,
      records: input.length,
      published: kept.length,
      suppressed: input.length - kept.length,
      classes: final.length,
      smallestClass: final.length ? Math.min(...final) : null,
      maxSuppressedShare: maxShare,
      generalised,
    },
  };
}

/** The report as published: no figure that, with the dashboards' totals, gives a count of 1..k-1 people. */
export interface PublishedKReport extends Omit<KReport, 'records' | 'suppressed'> {
  /** Records before suppression; null when fewer than k (the dashboards show that total as "fewer than k" too). */
  records: number | null;
  /** Records suppressed: 0 or at least k after complementary suppression; null when the whole population is 1..k-1. */
  suppressed: number | null;
  suppressedUnderK: boolean;
}

/**
 * Publishes the report. `kAnonymise` never suppresses 1..k-1 records out of k or more, so the only count under
 * k a report can hold is a whole population of 1..k-1 people with nothing published: then the total and the
 * suppressed count are both hidden, as the dashboards hide that total.
 */
export function publishKReport(r: KReport): PublishedKReport {
  const cell = protectCount(r.suppressed, r.k);
  return {
    ...r,
    records: cell.suppressed ? null : r.records,
    suppressed: cell.value,
    suppressedUnderK: cell.suppressed,
  };
}
