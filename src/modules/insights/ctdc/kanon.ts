// k-anonymity over the CTDC quasi-identifiers by global recoding, then suppression. The generalisation steps run
// in one fixed, documented order, each on top of the ones before it, and stop as soon as the records left in
// classes under k are at most `maxSuppressedShare` of all records (and never fewer than one); whatever is still in a class under k is then
// removed. The result is k-anonymous by construction: classes partition the rows, so dropping every row of a
// small class leaves the size of every other class unchanged.
import { protectCount } from '../disclosure';
import { type CtdcRow, type QuasiIdentifier, quasiIdentifiers } from './columns';

export interface Step {
  column: QuasiIdentifier;
  /** Stable name of the level reached, e.g. "ageBroad:wide". */
  level: string;
  apply(rows: CtdcRow[], ctx: { k: number; home: string }): void;
}

const wideAge: Record<string, string> = {
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

const yearRange = (width: number) => (v: string | number) => {
  const y = typeof v === 'number' ? v : Number(String(v).slice(0, 4));
  if (!Number.isFinite(y) || v === '') return v;
  const from = y - (((y % width) + width) % width);
  return `${from}--${from + width - 1}`;
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
  { column: 'yearOfRegistration', level: 'yearOfRegistration:2y', apply: map('yearOfRegistration', yearRange(2)) },
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
  { column: 'yearOfRegistration', level: 'yearOfRegistration:5y', apply: map('yearOfRegistration', yearRange(5)) },
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
 * Makes `input` k-anonymous over the quasi-identifiers. Guarantees: every class of the returned rows has at least
 * k rows; the input is not modified; rows keep their order; `report` says which steps ran and what was removed.
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
    step.apply(rows, { k, home });
    generalised.push({ column: step.column, level: step.level });
  }
  const sizes = classSizes(rows);
  const kept = rows.filter((r) => (sizes.get(classKey(r)) ?? 0) >= k);
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

/** The report as published: the suppressed count passes disclosure control like any other number. */
export interface PublishedKReport extends Omit<KReport, 'records' | 'suppressed'> {
  /** Records before suppression; hidden whenever the suppressed count is (it would give it back). */
  records: number | null;
  /** Records suppressed, or null when between 1 and k-1. */
  suppressed: number | null;
  suppressedUnderK: boolean;
}

/** Hides a suppressed count under k (and the total that would reveal it); everything else is shown. */
export function publishKReport(r: KReport): PublishedKReport {
  const cell = protectCount(r.suppressed, r.k);
  return {
    ...r,
    records: cell.suppressed ? null : r.records,
    suppressed: cell.value,
    suppressedUnderK: cell.suppressed,
  };
}
