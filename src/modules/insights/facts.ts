// The de-identified analytical record: one fact per person identified as a (possible or actual) victim, built
// from their first registered case. It carries only aggregatable facts (no name, date of birth, identity number,
// free text or exact date), so the analytical store, the dashboards and the de-identified exports never touch
// personal data. `loadFacts` reads them from the case tables on SQLite and PostgreSQL alike.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types';
import { protectionByCase, sortEntries } from './protection';
import * as repoFacts from './repo-facts';

/** CTDC's broad age bands (ageBroad), in order. */
export const ageBands = ['0--8', '9--17', '18--20', '21--23', '24--26', '27--29', '30--38', '39--47', '48+'] as const;
export type AgeBand = (typeof ageBands)[number];
export const UNKNOWN = 'Unknown';

export interface Fact {
  /** Internal key (a person id); never published. */
  key: string;
  year: number;
  month: number;
  country: string;
  /** First-level division (province) code, or null when the case sits at country level. */
  province: string | null;
  /** Second-level division (canton) code, or null. */
  canton: string | null;
  minor: boolean;
  ageBand: AgeBand | typeof UNKNOWN;
  gender: string;
  ethnicity: string;
  citizenship: string;
  exploitation: string[];
  industries: string[];
  sexTypes: string[];
  recruitment: string[];
  relation: string;
  control: string[];
  /** Where the person was recruited: a division code of the case's country, a country code, or null. */
  recruitedIn: string | null;
  /** Country of exploitation (ISO alpha-2), or null. */
  exploitedIn: string | null;
  monthsExploited: number | null;
  status: string | null;
  /** What happened after identification, by the year it happened: "<year>:<Kind>" (protection.ts), each once. */
  protection: string[];
}

/** The CTDC age band of an age in years. */
export function ageBand(age: number | null | undefined): AgeBand | typeof UNKNOWN {
  if (age === null || age === undefined || Number.isNaN(age)) return UNKNOWN;
  if (age <= 8) return '0--8';
  if (age <= 17) return '9--17';
  if (age <= 20) return '18--20';
  if (age <= 23) return '21--23';
  if (age <= 26) return '24--26';
  if (age <= 29) return '27--29';
  if (age <= 38) return '30--38';
  if (age <= 47) return '39--47';
  return '48+';
}

const list = (json: string | null): string[] => {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};
const union = (a: string[], b: string[]) => (b.length ? [...new Set([...a, ...b])] : a);

/** Every fact in the installation: one per person with a non-draft case not decided "not a victim". */
export async function loadFacts(db: Kysely<Database>): Promise<Fact[]> {
  const out: Fact[] = [];
  await streamFacts(db, (batch) => {
    out.push(...batch);
  });
  return out;
}

/**
 * The same facts in batches of about `batchSize` persons (all cases of a person in one batch), yielding to the
 * event loop between batches so that a large rebuild never stalls the requests being served meanwhile. An
 * `onBatch` that returns a promise is awaited before the next batch is read.
 */
export async function streamFacts(
  db: Kysely<Database>,
  onBatch: (facts: Fact[]) => void | Promise<void>,
  batchSize = 20_000,
): Promise<void> {
  const ancestorAt = await divisionTree(db);
  let after = '';
  for (;;) {
    // Pages of persons by primary key, then their cases through the person index: both reads follow an index,
    // so every page costs the same however far the walk has gone.
    const persons = await repoFacts.selectPersonsById(db, after, batchSize);
    if (!persons.length) return;
    after = persons[persons.length - 1]!.id;
    const facts = await factsOfPersons(
      db,
      persons.map((p) => p.id),
      ancestorAt,
    );
    if (facts.length) await onBatch(facts);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The facts of these persons as they stand now (persons without a counted case have none). */
export async function factsOf(db: Kysely<Database>, personIds: readonly string[]): Promise<Fact[]> {
  return factsOfPersons(db, personIds, await divisionTree(db));
}

type AncestorAt = (country: string, code: string, level: number) => string | null;

/** The division (province: level 1, canton: level 2) a division code lies in, from the division tree. */
async function divisionTree(db: Kysely<Database>): Promise<AncestorAt> {
  const divisions = await repoFacts.selectDivisions(db);
  const node = new Map(divisions.map((d) => [`${d.country_code}:${d.code}`, d]));
  return (country, code, level) => {
    let d = node.get(`${country}:${code}`);
    while (d && d.level > level) d = d.parent_code ? node.get(`${country}:${d.parent_code}`) : undefined;
    return d && Number(d.level) === level ? d.code : null;
  };
}

async function factsOfPersons(
  db: Kysely<Database>,
  personIds: readonly string[],
  ancestorAt: AncestorAt,
): Promise<Fact[]> {
  const rows: CaseRow[] = [];
  for (let i = 0; i < personIds.length; i += 5000) rows.push(...(await casePage(db, personIds.slice(i, i + 5000))));
  return rows.length ? toFacts(db, rows, ancestorAt) : [];
}

type CaseRow = Awaited<ReturnType<typeof casePage>>[number];

function casePage(db: Kysely<Database>, personIds: readonly string[]) {
  return repoFacts.selectCasesByStageAndPersonId(db, personIds);
}

async function toFacts(db: Kysely<Database>, rows: CaseRow[], ancestorAt: AncestorAt): Promise<Fact[]> {
  const recruited = new Map<string, string>();
  const exploited = new Map<string, string>();
  const ids = rows.map((r) => r.id);
  // Protection records of the page's cases, read in pages of cases (never one query per person).
  const protection = new Map<string, Set<string>>();
  for (let i = 0; i < ids.length; i += 5000)
    for (const [c, entries] of protectionByCase(await repoFacts.selectProtectionByCaseId(db, ids.slice(i, i + 5000))))
      protection.set(c, entries);
  for (let i = 0; i < ids.length; i += 5000) {
    const events = await repoFacts.selectCaseEventsByTypeAndCaseId(db, ids, i);
    for (const e of events) {
      if (e.type === 'Recruitment' && !recruited.has(e.case_id)) {
        const place = e.division_code ?? e.country_code;
        if (place) recruited.set(e.case_id, place);
      }
      if (e.type === 'Exploitation' && e.country_code && !exploited.has(e.case_id))
        exploited.set(e.case_id, e.country_code);
    }
  }
  // A person's first case gives time and place; later cases add forms and means.
  rows.sort((a, b) =>
    a.person_id === b.person_id
      ? a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id)
      : a.person_id.localeCompare(b.person_id),
  );
  const byPerson = new Map<string, Fact>();
  for (const r of rows) {
    const seen = byPerson.get(r.person_id);
    if (seen) {
      seen.exploitation = union(seen.exploitation, list(r.exploitation));
      seen.industries = union(seen.industries, list(r.labour_industries));
      seen.sexTypes = union(seen.sexTypes, list(r.sex_exploitation));
      seen.recruitment = union(seen.recruitment, list(r.recruitment_methods));
      seen.control = union(seen.control, list(r.control_methods));
      seen.protection = union(seen.protection, [...(protection.get(r.id) ?? [])]);
      continue;
    }
    const age = r.age_at_intake ?? r.age_when_trafficked;
    byPerson.set(r.person_id, {
      key: r.person_id,
      year: Number(r.created_at.slice(0, 4)),
      month: Number(r.created_at.slice(5, 7)),
      country: r.country_code,
      province: ancestorAt(r.country_code, r.division_code, 1),
      canton: ancestorAt(r.country_code, r.division_code, 2),
      minor: Number(r.is_minor) === 1,
      ageBand: ageBand(age === null ? null : Number(age)),
      gender: r.gender ?? UNKNOWN,
      ethnicity: r.ethnicity ?? UNKNOWN,
      citizenship: list(r.citizenship)[0] ?? UNKNOWN,
      exploitation: list(r.exploitation),
      industries: list(r.labour_industries),
      sexTypes: list(r.sex_exploitation),
      recruitment: list(r.recruitment_methods),
      relation: r.relationship_to_trafficker ?? UNKNOWN,
      control: list(r.control_methods),
      recruitedIn: recruited.get(r.id) ?? null,
      exploitedIn: exploited.get(r.id) ?? null,
      monthsExploited: r.months_exploited === null ? null : Number(r.months_exploited),
      status: r.trafficking_status,
      protection: [...(protection.get(r.id) ?? [])],
    });
  }
  // Stored keys are compared as text (incremental.ts): one order whatever the order of the cases.
  for (const f of byPerson.values()) f.protection = sortEntries(f.protection);
  return [...byPerson.values()];
}
