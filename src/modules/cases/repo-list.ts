// The case list's queries, shaped so that each reads one index in the list's order and stops at a page, whatever the
// number of cases: one query per way the actor reaches cases (its organisation's, those assigned to it, those shared
// with it), merged here. On SQLite, which keeps no statistics, a column the plan must not be driven by is compared as
// a value (`|| ''`), so it cannot pick an index that would read every case of a division and sort; PostgreSQL sees
// the plain columns, as its statistics (which an expression would hide) are what lead it to the ordered index.
import {
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  SqliteAdapter,
  sql,
} from 'kysely';
import type { CaseTable, Database } from '../../platform/db/types';
import type { Q } from './repo';

export interface CaseFilter {
  country: string;
  /** Cases of the actor's own organisation (in these divisions, when given) and cases assigned to the actor. */
  own?: { orgId: string; userId: string; divisions?: string[] };
  /** Cases others opened to the actor: these ids (referrals) and owners' cases in divisions (agreements). */
  shared?: { ids: string[]; agreements: { ownerOrgId: string; divisions: string[] }[] };
  /** Only cases in these divisions. */
  divisions?: string[];
  status?: string;
  stage?: string;
  minor?: boolean;
  assignedTo?: string;
  overdueBefore?: string;
  traffickingStatus?: string;
  exploitation?: string;
  code?: string;
  /**
   * Only cases whose person is indexed under one of `term` (a name term's blind indexes under every index key) and,
   * for every group of `rest`, one of its. `persons`, when given, are all the persons with the term (few): their cases
   * are read instead of walking the list.
   */
  name?: { term: string[]; rest: string[][]; persons?: string[] };
  after?: { createdAt: string; id: string };
  limit: number;
}

type EB = ExpressionBuilder<Database & { c: CaseTable }, 'c'>;
type Select = SelectQueryBuilder<Database & { c: CaseTable }, 'c', CaseTable>;
type Restrict = (eb: EB) => Expression<SqlBool>;

type Column = 'c.division_code' | 'c.owner_org_id' | 'c.assigned_user_id' | 'c.stage' | 'c.person_id' | 'c.id';
/** A column the plan is not to be driven by: the same comparison through no index (`hidden`), or the column. */
type Value = (column: Column) => RawBuilder<string>;
const hidden: Value = (column) => sql<string>`(${sql.ref(column)} || '')`;
const valueOn = (q: Q): Value =>
  q.getExecutor().adapter instanceof SqliteAdapter ? hidden : (column) => sql<string>`${sql.ref(column)}`;
const inList = (xs: string[]) => (xs.length ? xs : ['-']);

/** Up to this many divisions are read one by one (division, organisation, date); more along the organisation's. */
const fewDivisions = 8;

/** The ways a case reaches the actor, each a condition one index serves. */
function reaches(f: CaseFilter): Restrict[] {
  const wanted = f.divisions ? new Set(f.divisions) : undefined;
  const within = (divisions: string[] | undefined) =>
    divisions === undefined ? f.divisions : wanted ? divisions.filter((d) => wanted.has(d)) : divisions;
  // An organisation's cases in some divisions: per division when they are few, else along the organisation's dates
  // (each division's query has to find a page of its own: for a rare name, one walk is less reading).
  const few = f.name && !f.name.persons ? 1 : fewDivisions;
  const byOwner = (orgId: string, divisions: string[] | undefined): Restrict[] => {
    if (divisions === undefined) return [(eb) => eb('c.owner_org_id', '=', orgId)];
    if (divisions.length <= few)
      return divisions.map((d) => (eb) => eb.and([eb('c.division_code', '=', d), eb('c.owner_org_id', '=', orgId)]));
    return [(eb) => eb.and([eb('c.owner_org_id', '=', orgId), eb(hidden('c.division_code'), 'in', divisions)])];
  };
  const out: Restrict[] = [];
  const { own, shared } = f;
  if (own && f.assignedTo === own.userId) return [(eb) => eb('c.assigned_user_id', '=', own.userId)];
  if (own) {
    out.push(...byOwner(own.orgId, within(own.divisions)));
    out.push((eb) => eb('c.assigned_user_id', '=', own.userId));
  }
  if (shared?.ids.length) out.push((eb) => eb('c.id', 'in', shared.ids));
  for (const a of shared?.agreements ?? []) out.push(...byOwner(a.ownerOrgId, within(a.divisions)));
  return out;
}

/** The same reach as one condition of plain values (when the cases are found by person instead). */
function reachAsValues(f: CaseFilter, value: Value): Restrict {
  return (eb) => {
    const { own, shared } = f;
    return eb.or([
      eb(value('c.id'), '=', '-'),
      ...(own
        ? [
            eb.and([
              eb(value('c.owner_org_id'), '=', own.orgId),
              ...(own.divisions ? [eb(value('c.division_code'), 'in', inList(own.divisions))] : []),
            ]),
            eb(value('c.assigned_user_id'), '=', own.userId),
          ]
        : []),
      ...(shared?.ids.length ? [eb(value('c.id'), 'in', shared.ids)] : []),
      ...(shared?.agreements ?? []).map((a) =>
        eb.and([
          eb(value('c.owner_org_id'), '=', a.ownerOrgId),
          eb(value('c.division_code'), 'in', inList(a.divisions)),
        ]),
      ),
    ]);
  };
}

/** The filters every query of a list shares (columns no plan may be driven by as values), the keyset and the order. */
function filtered(s: Select, f: CaseFilter, value: Value, sortHere = false): Select {
  s = s.where('c.country_code', '=', f.country);
  if (f.divisions) s = s.where(value('c.division_code'), 'in', inList(f.divisions));
  if (f.status) s = s.where('c.status', '=', f.status);
  if (f.stage) s = s.where(value('c.stage'), '=', f.stage);
  if (f.minor !== undefined) s = s.where('c.is_minor', '=', f.minor ? 1 : 0);
  if (f.assignedTo) s = s.where(value('c.assigned_user_id'), '=', f.assignedTo);
  if (f.traffickingStatus) s = s.where('c.trafficking_status', '=', f.traffickingStatus);
  if (f.exploitation) s = s.where('c.exploitation', 'like', `%"${f.exploitation}"%`);
  if (f.code) s = s.where('c.code', '=', f.code.toUpperCase());
  if (f.overdueBefore) {
    const before = f.overdueBefore;
    s = s.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_tasks as t')
          .select('t.id')
          .whereRef('t.case_id', '=', 'c.id')
          .where('t.done_at', 'is', null)
          .where('t.due_at', '<', before),
      ),
    );
  }
  if (f.name)
    for (const terms of f.name.persons ? f.name.rest : [f.name.term, ...f.name.rest])
      s = s.where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_name_keys as k')
            .select('k.person_id')
            .whereRef('k.person_id', '=', 'c.person_id')
            .where('k.key_index', 'in', terms),
        ),
      );
  if (f.after) {
    const a = f.after;
    s = s.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '<', eb.tuple(a.createdAt, a.id)));
  }
  // Sorting by the columns as values (the same order) leaves no index in that order: the few rows found are sorted,
  // and PostgreSQL cannot choose to walk every case newest first looking for them instead.
  const order = sortHere
    ? (c: 'c.created_at' | 'c.id') => sql<string>`${sql.ref(c)} || ''`
    : (c: 'c.created_at' | 'c.id') => sql.ref(c);
  return s
    .orderBy(order('c.created_at'), 'desc')
    .orderBy(order('c.id'), 'desc')
    .limit(f.limit + 1);
}

const newestFirst = (a: CaseTable, b: CaseTable) =>
  a.created_at === b.created_at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.created_at < b.created_at ? 1 : -1;

/**
 * One page of cases (limit + 1 rows, to tell whether more follow), newest first, by keyset (created_at, id) so deep
 * pages stay fast. Found by code, or by person for a name few persons have, else through each way of reach.
 */
export async function listCases(q: Q, f: CaseFilter): Promise<CaseTable[]> {
  const value = valueOn(q);
  const base = () => q.selectFrom('cases as c').selectAll('c') as Select;
  if (f.code) return filtered(base().where(reachAsValues(f, value)), f, value).execute();
  if (f.name?.persons)
    // Found by person on either engine: no other column may drive the plan (see `filtered` for the order too).
    return filtered(
      base().where('c.person_id', 'in', inList(f.name.persons)).where(reachAsValues(f, hidden)),
      f,
      hidden,
      true,
    ).execute();
  const pages = await Promise.all(reaches(f).map((r) => filtered(base().where(r), f, value).execute()));
  const seen = new Set<string>();
  return pages
    .flat()
    .sort(newestFirst)
    .filter((c) => !seen.has(c.id) && Boolean(seen.add(c.id)))
    .slice(0, f.limit + 1);
}

/** Up to `limit` persons indexed under one of these terms (a name term's blind indexes), read from the index alone. */
export async function personsWithTerm(q: Q, terms: string[], limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom('person_name_keys')
    .select('person_id')
    .where('key_index', 'in', inList(terms))
    .limit(limit)
    .execute();
  return rows.map((r) => r.person_id);
}

export async function taskCounts(q: Q, caseIds: string[], now: string) {
  const out = new Map<string, { open: number; overdue: number }>();
  if (!caseIds.length) return out;
  const rows = await q
    .selectFrom('case_tasks')
    .select(['case_id', 'due_at'])
    .where('case_id', 'in', caseIds)
    .where('done_at', 'is', null)
    .execute();
  for (const r of rows) {
    const c = out.get(r.case_id) ?? { open: 0, overdue: 0 };
    c.open++;
    if (r.due_at < now) c.overdue++;
    out.set(r.case_id, c);
  }
  return out;
}
