import type { Insertable, Updateable } from 'kysely';
// Plain queries for persons, cases and what hangs off a case. No rules here.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { CaseTable, Database, PersonTable } from '../../platform/db/types';

export type Q = Db | Transaction<Database>;

export const insertPerson = (q: Q, row: PersonTable) => q.insertInto('persons').values(row).execute();
export const findPerson = (q: Q, id: string) =>
  q.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
export async function setNameKeys(q: Q, personId: string, keys: string[]) {
  await q.deleteFrom('person_name_keys').where('person_id', '=', personId).execute();
  if (keys.length)
    await q
      .insertInto('person_name_keys')
      .values(keys.map((key_index) => ({ person_id: personId, key_index })))
      .execute();
}
/** Persons sharing at least one name key (or the identity number), with how many keys they share. */
export function personsByKeys(q: Q, keys: string[], identityIndexes?: string[]) {
  return q
    .selectFrom('persons as p')
    .leftJoin('person_name_keys as k', (j) =>
      j.onRef('k.person_id', '=', 'p.id').on('k.key_index', 'in', keys.length ? keys : ['-']),
    )
    .select([
      'p.id',
      'p.given_names_enc',
      'p.surnames_enc',
      'p.birth_year',
      'p.birthdate_index',
      'p.gender',
      'p.identity_index',
      (eb) => eb.fn.count<number>('k.key_index').as('shared'),
    ])
    .where('p.merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        eb('k.key_index', 'is not', null),
        ...(identityIndexes?.length ? [eb('p.identity_index', 'in', identityIndexes)] : []),
      ]),
    )
    .groupBy([
      'p.id',
      'p.birthdate_index',
      'p.given_names_enc',
      'p.surnames_enc',
      'p.birth_year',
      'p.birthdate_index',
      'p.gender',
      'p.identity_index',
    ])
    .orderBy('shared', 'desc')
    .limit(200)
    .execute();
}
export const casesOfPersons = (q: Q, ids: string[]) =>
  ids.length
    ? q.selectFrom('cases').select(['person_id', 'code']).where('person_id', 'in', ids).execute()
    : Promise.resolve([]);

export const insertCase = (q: Q, row: CaseTable) => q.insertInto('cases').values(row).execute();
export const findCase = (q: Q, id: string) => q.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
/** Updates a case and raises its version, so a concurrent versioned change of the record sees it moved. */
export const updateCaseVersioned = (q: Q, id: string, set: Partial<CaseTable>) =>
  q
    .updateTable('cases')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

export const updateCase = (q: Q, id: string, set: Partial<CaseTable>) =>
  q.updateTable('cases').set(set).where('id', '=', id).execute();

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
  nameKeys?: string[];
  /** How many of nameKeys a person must have (nameKeys may hold each key under several index keys). */
  nameKeyCount?: number;
  after?: { createdAt: string; id: string };
  limit: number;
}

/** One page of cases, newest first, by keyset (created_at, id) so deep pages stay fast. */
export function listCases(q: Q, f: CaseFilter) {
  let s = q.selectFrom('cases as c').selectAll('c').where('c.country_code', '=', f.country);
  const { own, shared } = f;
  s = s.where((eb) =>
    eb.or([
      eb('c.id', '=', '-'),
      ...(own
        ? [
            eb.and([
              eb('c.owner_org_id', '=', own.orgId),
              ...(own.divisions ? [eb('c.division_code', 'in', own.divisions.length ? own.divisions : ['-'])] : []),
            ]),
            eb('c.assigned_user_id', '=', own.userId),
          ]
        : []),
      ...(shared?.ids.length ? [eb('c.id', 'in', shared.ids)] : []),
      ...(shared?.agreements ?? []).map((a) =>
        eb.and([
          eb('c.owner_org_id', '=', a.ownerOrgId),
          eb('c.division_code', 'in', a.divisions.length ? a.divisions : ['-']),
        ]),
      ),
    ]),
  );
  if (f.divisions) s = s.where('c.division_code', 'in', f.divisions.length ? f.divisions : ['-']);
  if (f.status) s = s.where('c.status', '=', f.status);
  if (f.stage) s = s.where('c.stage', '=', f.stage);
  if (f.minor !== undefined) s = s.where('c.is_minor', '=', f.minor ? 1 : 0);
  if (f.assignedTo) s = s.where('c.assigned_user_id', '=', f.assignedTo);
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
  if (f.nameKeys?.length) {
    const keys = f.nameKeys;
    s = s.where('c.person_id', 'in', (eb) =>
      eb
        .selectFrom('person_name_keys')
        .select('person_id')
        .where('key_index', 'in', keys)
        .groupBy('person_id')
        .having(sql`count(*)`, '>=', f.nameKeyCount ?? keys.length),
    );
  }
  if (f.after) {
    const a = f.after;
    s = s.where((eb) =>
      eb.or([
        eb('c.created_at', '<', a.createdAt),
        eb.and([eb('c.created_at', '=', a.createdAt), eb('c.id', '<', a.id)]),
      ]),
    );
  }
  return s
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1)
    .execute();
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

export const personsByIds = (q: Q, ids: string[]) =>
  ids.length ? q.selectFrom('persons').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
export const tasksOf = (q: Q, caseId: string) =>
  q.selectFrom('case_tasks').selectAll().where('case_id', '=', caseId).orderBy('due_at').execute();
export const eventsOf = (q: Q, caseId: string) =>
  q.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
export const commentsOf = (q: Q, caseId: string) =>
  q.selectFrom('case_comments').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
export const consentsOf = (q: Q, caseId: string) =>
  q.selectFrom('consents').selectAll().where('case_id', '=', caseId).orderBy('given_at').execute();
export const screeningsOf = (q: Q, caseId: string) =>
  q.selectFrom('case_screenings').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();
export const perpetratorsOf = (q: Q, caseId: string) =>
  q.selectFrom('case_perpetrators').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();

/** Referrals of these cases that still stand (not revoked or declined), newest first, with the sender's organisation. */
export function standingReferrals(q: Q, caseIds: string[]) {
  return q
    .selectFrom('referrals as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([
      'r.id',
      'r.case_id',
      'r.to_org_id',
      'r.provider_id',
      'r.to_user_id',
      'r.created_at',
      'r.accepted_at',
      'r.reason',
      'r.details_enc',
      'r.created_by',
      'u.organisation_id',
    ])
    .where('r.case_id', 'in', caseIds)
    .where('r.status', 'not in', ['revoked', 'declined'])
    .orderBy('r.created_at', 'desc')
    .execute();
}

/** The id of the case with this code, if any. */
export const findCaseIdByCode = async (q: Q, code: string) =>
  (await q.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirst())?.id;

export const insertCaseScreenings = (q: Q, row: Insertable<Database['case_screenings']>) =>
  q.insertInto('case_screenings').values(row).execute();

export const selectOrganisationsByOrgType = (q: Q) =>
  q
    .selectFrom('organisations')
    .select('id')
    .where('org_type', '=', 'local_InternationalOrganisation')
    .executeTakeFirst();

export const selectOrganisations = (q: Q) =>
  q.selectFrom('organisations').select('id').orderBy('name').executeTakeFirst();

export const selectUsersByScopeCodeAndRoleKey = (q: Q, code: string) =>
  q
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.organisation_id'])
    .where('r.role_key', '=', 'caseworker')
    .where('u.scope_code', '=', code.slice(0, 4))
    .executeTakeFirst();

export const updateCaseTasksByCaseId = (q: Q, set: Updateable<Database['case_tasks']>, id: string) =>
  q.updateTable('case_tasks').set(set).where('case_id', '=', id).execute();
