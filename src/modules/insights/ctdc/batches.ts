// CTDC-style records published in batches (issue 21). Each release period, the rows of the people not published
// yet (last period's registrants and the rows held back before) are generalised with the scope's fixed levels and
// published only in equivalence classes of at least k rows of the batch itself; the rest are held back until a
// later batch can carry them. Every class of a batch has k rows or more, and all batches use the same levels, so
// the union of the batches (the download) is k-anonymous too: a class of the union is the sum of classes of k or
// more. A published row never changes afterwards, so two downloads differ only by whole batches, each of which
// is k-anonymous on its own: comparing files shows groups of at least k new rows, never one registrant.
// The levels are chosen once, by the ladder of kanon.ts, for the first batch that publishes anything; values kept
// by "rare to other" are frozen with them (a later value becomes "Other"), so a column means the same in every batch.
import { type CtdcRow, ctdcColumns } from './columns';
import { classKey, complement, kAnonymise, wideAge, yearBand } from './kanon';

/** The scope's fixed generalisation: the ladder's levels reached and the values "rare to other" kept. */
export interface Generalisation {
  levels: string[];
  /** Citizenships kept as they are (others become "Other"); null when that step did not run. */
  citizenshipKept: string[] | null;
  /** Countries of exploitation kept as they are; null when that step did not run. */
  countryKept: string[] | null;
}

/** A person not published yet: an internal key (never published), the ungeneralised row and when registered. */
export interface Candidate {
  key: string;
  row: CtdcRow;
  /** "YYYY-MM" of registration: the newest are held back first when more must wait. */
  registered: string;
}

export interface BatchPlan {
  generalisation: Generalisation | null;
  /** The generalised rows to publish, in an order that follows their content only (never registration order). */
  rows: CtdcRow[];
  /** Keys of the candidates published in this batch. */
  published: string[];
  /** Keys of the candidates held back for a later batch. */
  heldBack: string[];
}

const has = (g: Generalisation, level: string) => g.levels.includes(level);

/** Values of `column` seen in at least k rows (the ones "rare to other" keeps). */
const common = (rows: readonly CtdcRow[], column: string, k: number): string[] => {
  const n = new Map<string, number>();
  for (const r of rows) n.set(String(r[column]), (n.get(String(r[column])) ?? 0) + 1);
  return [...n].filter(([v, c]) => v !== '' && c >= k).map(([v]) => v);
};

/**
 * The levels the ladder of kanon.ts reaches on `rows` (the first batch), with the values "rare to other" keeps
 * frozen from the same rows, so the generalisation can be applied unchanged to every later batch.
 */
export function chooseGeneralisation(
  rows: readonly CtdcRow[],
  opts: { k: number; home: string; maxSuppressedShare?: number },
): Generalisation {
  const { report } = kAnonymise([...rows], opts);
  const levels = report.generalised.map((g) => g.level);
  return {
    levels,
    citizenshipKept: levels.includes('citizenship:rare-to-other') ? common(rows, 'citizenship', opts.k) : null,
    countryKept: levels.includes('CountryOfExploitation:rare-to-other')
      ? common(rows, 'CountryOfExploitation', opts.k)
      : null,
  };
}

const country = (v: string, kept: string[] | null, national: boolean, home: string) => {
  if (v === '') return v;
  if (national) return v === home ? v : 'Other';
  if (kept) return kept.includes(v) ? v : 'Other';
  return v;
};

/** The row with the scope's generalisation applied (always from the original values; the input is not modified). */
export function generalise(row: CtdcRow, g: Generalisation, home: string): CtdcRow {
  const out = { ...row };
  const year = row.yearOfRegistration!;
  if (has(g, 'yearOfRegistration:5y')) out.yearOfRegistration = yearBand(5, year);
  else if (has(g, 'yearOfRegistration:2y')) out.yearOfRegistration = yearBand(2, year);
  if (has(g, 'ageBroad:removed')) out.ageBroad = '';
  else if (has(g, 'ageBroad:wide')) out.ageBroad = wideAge[String(row.ageBroad)] ?? row.ageBroad!;
  out.citizenship = country(String(row.citizenship), g.citizenshipKept, has(g, 'citizenship:national-or-other'), home);
  out.CountryOfExploitation = country(
    String(row.CountryOfExploitation),
    g.countryKept,
    has(g, 'CountryOfExploitation:national-or-other'),
    home,
  );
  return out;
}

/** The text of a row's values in column order: the sort key of a batch and the row's identity when comparing files. */
export const rowText = (r: CtdcRow) => ctdcColumns.map((c) => String(r[c] ?? '')).join('\u0001');

/**
 * The next batch of a scope. Guarantees: every class (quasi-identifiers) of `rows` has at least k rows, so the
 * batch is k-anonymous on its own and, with the same `generalisation` as every earlier batch, together with them;
 * every candidate is either published or held back; the number held back is 0, at least k, or all candidates
 * (fewer than k in all), so the dashboards' total minus the rows of the file never gives 1..k-1 people.
 * `generalisation` is the scope's (null before its first published batch: then it is chosen here from the
 * candidates, and returned null again when nothing can be published).
 */
export function planBatch(
  candidates: readonly Candidate[],
  generalisation: Generalisation | null,
  opts: { k: number; home: string; maxSuppressedShare?: number },
): BatchPlan {
  const { k, home } = opts;
  const ordered = [...candidates].sort(
    (a, b) => a.registered.localeCompare(b.registered) || a.key.localeCompare(b.key),
  );
  const empty = (g: Generalisation | null): BatchPlan => ({
    generalisation: g,
    rows: [],
    published: [],
    heldBack: ordered.map((c) => c.key),
  });
  if (ordered.length < k) return empty(generalisation);
  const g =
    generalisation ??
    chooseGeneralisation(
      ordered.map((c) => c.row),
      opts,
    );
  const rows = ordered.map((c) => generalise(c.row, g, home));
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(classKey(r), (sizes.get(classKey(r)) ?? 0) + 1);
  const fit = rows.filter((r) => sizes.get(classKey(r))! >= k);
  // Oldest first, so that when more must wait the newest registrants wait.
  const kept = new Set(complement(fit, rows.length - fit.length, k));
  if (kept.size === 0) return empty(generalisation);
  const published: string[] = [];
  const heldBack: string[] = [];
  const out: CtdcRow[] = [];
  for (const [i, c] of ordered.entries()) {
    if (kept.has(rows[i]!)) {
      published.push(c.key);
      out.push(rows[i]!);
    } else heldBack.push(c.key);
  }
  out.sort((a, b) => (rowText(a) < rowText(b) ? -1 : rowText(a) > rowText(b) ? 1 : 0));
  return { generalisation: g, rows: out, published, heldBack };
}
