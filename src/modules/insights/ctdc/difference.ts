// The CTDC file-difference attack (issue 21), run by `npm run bench disclosure` (through bench/ctdc-attack.ts) and
// by the tests. A researcher downloads the CTDC-style file of their jurisdiction every release period and compares
// each file with the previous one:
// the rows that appear are last period's registrants (and rows held back before). A group of fewer than k new rows
// sharing their quasi-identifiers is a handful of recent registrants singled out, with every flag of their row.
// The attacker is careful: when the two files are generalised differently, both are first brought to common,
// coarser levels (year bands to a width containing both, age bands to the wider, a country seen only in one file
// to "Other" when the other file has "Other"), and rows are compared as whole rows, as multisets.
// Designs: "recomputed" is the design before issue 21 (every download k-anonymises everyone registered before the
// period afresh); "batched" is ctdc/batches.ts (published rows frozen, new rows only in k-anonymous batches).

import type { Fact } from '../facts';
import { inRelease } from '../release';
import { type Candidate, type Generalisation, planBatch, rowText } from './batches';
import { type CtdcRow, toCtdcRow } from './columns';
import { classKey, kAnonymise } from './kanon';

export type CtdcDesign = 'recomputed' | 'batched';

export interface CtdcAttackResult {
  design: CtdcDesign;
  k: number;
  /** Jurisdictions attacked: the country, every province and every canton with facts. */
  scopes: number;
  /** Files downloaded (scopes × periods). */
  files: number;
  /** Consecutive files compared. */
  comparisons: number;
  /** Rows that appear in a file in a group of 1..k-1 new rows with the same quasi-identifiers: must be 0. */
  uniqueRowsRevealed: number;
  /** Of those, rows alone in their group (one registrant singled out exactly). */
  singleRowsRevealed: number;
  /** Comparisons that revealed at least one such row. */
  comparisonsRevealing: number;
  /** Rows in the last files, summed over the scopes. */
  rowsPublished: number;
  /** People registered before the last period but not in the last files (held back or suppressed), summed. */
  heldBack: number;
  /** Among those, the people of the country-wide file. */
  heldBackCountry: number;
  rowsInCountryFile: number;
  /** Without a design asked for: the same attack on the design before issue 21 ("recomputed"), to compare. */
  before?: CtdcAttackResult;
}

const lcm = (a: number, b: number): number => {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  return (a * b) / gcd(a, b);
};
const yearWidth = (v: string) => {
  const m = /^(\d+)--(\d+)$/.exec(v);
  return m ? Number(m[2]) - Number(m[1]) + 1 : 1;
};
const yearStart = (v: string) => Number(v.split('--')[0]);
const wide: Record<string, string> = {
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
const ageLevel = (rows: CtdcRow[]) => {
  if (rows.every((r) => r.ageBroad === '')) return 2;
  return rows.every((r) => r.ageBroad === '' || Object.values(wide).includes(String(r.ageBroad))) ? 1 : 0;
};

/** Both files at common levels: what a careful attacker compares. */
function common(a: CtdcRow[], b: CtdcRow[]): [CtdcRow[], CtdcRow[]] {
  const width = [...a, ...b].reduce((w, r) => lcm(w, yearWidth(String(r.yearOfRegistration))), 1);
  const age = Math.max(ageLevel(a), ageLevel(b));
  const values = (rows: CtdcRow[], c: string) => new Set(rows.map((r) => String(r[c])));
  const places = ['citizenship', 'CountryOfExploitation'].map((c) => ({ c, a: values(a, c), b: values(b, c) }));
  const bring = (rows: CtdcRow[], other: 'a' | 'b') =>
    rows.map((r) => {
      const o = { ...r };
      if (width > 1) {
        const from = yearStart(String(r.yearOfRegistration)) - (yearStart(String(r.yearOfRegistration)) % width);
        o.yearOfRegistration = `${from}--${from + width - 1}`;
      }
      if (age === 2) o.ageBroad = '';
      else if (age === 1) o.ageBroad = wide[String(r.ageBroad)] ?? r.ageBroad!;
      for (const p of places) {
        const seen = p[other];
        const v = String(r[p.c]);
        if (v !== '' && seen.has('Other') && !seen.has(v)) o[p.c] = 'Other';
      }
      return o;
    });
  return [bring(a, 'b'), bring(b, 'a')];
}

/** Rows of `next` not in `prev` (as multisets of whole rows) grouped by quasi-identifiers: the groups' sizes. */
function newGroups(prev: CtdcRow[], next: CtdcRow[]): number[] {
  const [p, n] = common(prev, next);
  const left = new Map<string, number>();
  for (const r of p) left.set(rowText(r), (left.get(rowText(r)) ?? 0) + 1);
  const groups = new Map<string, number>();
  for (const r of n) {
    const t = rowText(r);
    const c = left.get(t) ?? 0;
    if (c > 0) {
      left.set(t, c - 1);
      continue;
    }
    groups.set(classKey(r), (groups.get(classKey(r)) ?? 0) + 1);
  }
  return [...groups.values()];
}

const inScope = (f: Fact, scope: string) => scope === f.country || f.province === scope || f.canton === scope;

/** The files one scope's researcher downloads, one per period, under a design. */
function files(facts: Fact[], periods: string[], design: CtdcDesign, k: number, home: string): CtdcRow[][] {
  const out: CtdcRow[][] = [];
  const published: CtdcRow[] = [];
  const done = new Set<string>();
  let g: Generalisation | null = null;
  for (const period of periods) {
    const now = facts.filter((f) => inRelease(f, period));
    if (design === 'recomputed') {
      out.push(kAnonymise(now.map(toCtdcRow), { k, home }).rows);
      continue;
    }
    const candidates: Candidate[] = now
      .filter((f) => !done.has(f.key))
      .map((f) => ({ key: f.key, row: toCtdcRow(f), registered: `${f.year}-${String(f.month).padStart(2, '0')}` }));
    const plan = planBatch(candidates, g, { k, home });
    g = plan.generalisation;
    for (const key of plan.published) done.add(key);
    published.push(...plan.rows);
    out.push([...published]);
  }
  return out;
}

/**
 * Runs the file-difference attack on the CTDC-style files of every jurisdiction (the country, each province, each
 * canton of `facts`), downloaded once in each of `periods` ("YYYY-MM", ascending; a file covers the people
 * registered before its period), under `design` ("batched" by default: the design since issue 21; "recomputed":
 * the design before; without a design, the result of "batched" carries the "recomputed" one as `before`). Counts the rows that appear between consecutive files in a group of 1..k-1 rows with the
 * same quasi-identifiers (`uniqueRowsRevealed`, which the batched design keeps at 0), and what the last files
 * publish and hold back. Deterministic; reads nothing but its arguments.
 */
export function ctdcDifferenceAttack(
  facts: readonly Fact[],
  periods: readonly string[],
  opts: { k?: number; home?: string; design?: CtdcDesign } = {},
): CtdcAttackResult {
  const k = opts.k ?? 11;
  const home = opts.home ?? 'EC';
  const design = opts.design ?? 'batched';
  const before = opts.design ? undefined : ctdcDifferenceAttack(facts, periods, { ...opts, design: 'recomputed' });
  const country = [...new Set(facts.map((f) => f.country))];
  const provinces = [...new Set(facts.map((f) => f.province).filter((p): p is string => !!p))];
  const cantons = [...new Set(facts.map((f) => f.canton).filter((c): c is string => !!c))];
  const scopes = [...country, ...provinces, ...cantons].sort();
  const result: CtdcAttackResult = {
    design,
    k,
    scopes: scopes.length,
    files: 0,
    comparisons: 0,
    uniqueRowsRevealed: 0,
    singleRowsRevealed: 0,
    comparisonsRevealing: 0,
    rowsPublished: 0,
    heldBack: 0,
    heldBackCountry: 0,
    rowsInCountryFile: 0,
  };
  const last = periods[periods.length - 1];
  for (const scope of scopes) {
    const mine = facts.filter((f) => inScope(f, scope));
    const series = files(mine, [...periods], design, k, home);
    result.files += series.length;
    for (let t = 1; t < series.length; t++) {
      result.comparisons++;
      const small = newGroups(series[t - 1]!, series[t]!).filter((n) => n < k);
      result.uniqueRowsRevealed += small.reduce((s, n) => s + n, 0);
      result.singleRowsRevealed += small.filter((n) => n === 1).length;
      if (small.length) result.comparisonsRevealing++;
    }
    const rows = series[series.length - 1]?.length ?? 0;
    const held = last ? mine.filter((f) => inRelease(f, last)).length - rows : 0;
    result.rowsPublished += rows;
    result.heldBack += held;
    if (country.includes(scope)) {
      result.heldBackCountry += held;
      result.rowsInCountryFile += rows;
    }
  }
  return before ? { ...result, before } : result;
}
