// Protection and justice figures: what happened to a person's case after identification, by the year it happened.
// The board's measures, the return and the reintegration outcome, and the complaint's way through the courts are
// turned into entries "<year>:<Kind>" of the person's fact (facts.ts), counted in the same cube, under the same
// release and suppression as every other figure (cube.ts: keys "protection:<year>:<Kind>"). A person counts once
// per kind and year, whatever the number of measures, returns or complaints behind it.

/** The kinds, in the order the dashboards and plans show them. */
export const protectionKinds = [
  'MeasureDecided',
  'Returned',
  'Reintegrated',
  'PartiallyReintegrated',
  'NotReintegrated',
  'LostContact',
  'Complaint',
  'Prosecution',
  'Conviction',
  'Acquittal',
  'Dismissal',
] as const;
export type ProtectionKind = (typeof protectionKinds)[number];

/** The reintegration plan outcomes (table contract) and the kind each counts under. */
const reintegrationKinds: Record<string, ProtectionKind> = {
  reintegrated: 'Reintegrated',
  partially_reintegrated: 'PartiallyReintegrated',
  not_reintegrated: 'NotReintegrated',
  lost_contact: 'LostContact',
};
/** The complaint outcomes (table contract) and the kind each counts under. */
const outcomeKinds: Record<string, ProtectionKind> = {
  conviction: 'Conviction',
  acquittal: 'Acquittal',
  dismissal: 'Dismissal',
};

/** The rows of a case's protection records that the figures read (the columns of the table contracts). */
export interface ProtectionRows {
  measures: { case_id: string; decided_on: string | null }[];
  returns: { case_id: string; arrived_on: string | null }[];
  plans: { case_id: string; status: string | null; outcome: string | null; closed_on: string | null }[];
  complaints: {
    case_id: string;
    filed_on: string | null;
    charged_on: string | null;
    outcome: string | null;
    outcome_on: string | null;
  }[];
}

const yearOf = (date: string | null | undefined): number | null => {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  return Number(date.slice(0, 4));
};

/** The protection entries of each case ("<year>:<Kind>", each once), from its records. */
export function protectionByCase(rows: ProtectionRows): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (caseId: string, date: string | null, kind: ProtectionKind | undefined) => {
    const year = yearOf(date);
    if (year === null || !kind) return;
    let s = out.get(caseId);
    if (!s) {
      s = new Set();
      out.set(caseId, s);
    }
    s.add(`${year}:${kind}`);
  };
  for (const m of rows.measures) add(m.case_id, m.decided_on, 'MeasureDecided');
  for (const r of rows.returns) add(r.case_id, r.arrived_on, 'Returned');
  for (const p of rows.plans)
    if (p.status === 'closed' && p.outcome) add(p.case_id, p.closed_on, reintegrationKinds[p.outcome]);
  for (const c of rows.complaints) {
    add(c.case_id, c.filed_on, 'Complaint');
    add(c.case_id, c.charged_on, 'Prosecution');
    if (c.outcome) add(c.case_id, c.outcome_on, outcomeKinds[c.outcome]);
  }
  return out;
}

/** An entry's parts, or null when it is not one. */
export function parseEntry(entry: string): { year: number; kind: ProtectionKind } | null {
  const m = /^(\d{4}):(\w+)$/.exec(entry);
  if (!m || !(protectionKinds as readonly string[]).includes(m[2]!)) return null;
  return { year: Number(m[1]), kind: m[2] as ProtectionKind };
}

/** Orders entries by year, then kind order (a fact's entries are stored in this order). */
export function sortEntries(entries: Iterable<string>): string[] {
  const rank = (e: string) => (protectionKinds as readonly string[]).indexOf(e.slice(5));
  return [...entries].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4)) || rank(a) - rank(b));
}
