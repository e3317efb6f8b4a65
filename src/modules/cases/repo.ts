// Plain queries for persons, cases and what hangs off a case. No rules here.
import type { Insertable, Transaction, Updateable } from 'kysely';
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
/** Where the backfill of persons' name terms stands (migration 0025 starts it): the last person id done. */
const backfillKey = 'cases.name_terms_after';
export const nameTermsBackfillAfter = async (q: Q) =>
  (await q.selectFrom('meta').select('value').where('key', '=', backfillKey).executeTakeFirst())?.value;
export const setNameTermsBackfill = (q: Q, after: string, at: string) =>
  q.updateTable('meta').set({ value: after, updated_at: at }).where('key', '=', backfillKey).execute();
export const endNameTermsBackfill = (q: Q) => q.deleteFrom('meta').where('key', '=', backfillKey).execute();
/** The next persons in id order, with their sealed names. */
export const personNamesAfter = (q: Q, after: string, limit: number) =>
  q
    .selectFrom('persons')
    .select(['id', 'given_names_enc', 'surnames_enc'])
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();

/**
 * The bounded set of unmerged persons a duplicate look-up scores: born on the same date (by blind index) and sharing
 * a name key, sharing a triple of name keys, or with the same identity number. Each branch reads an index, so the
 * set stays small whatever the number of persons.
 */
export function personsToMatch(
  q: Q,
  m: { keys: string[]; triples: string[]; birthdates?: string[]; identities?: string[]; limit: number },
) {
  const keys = m.keys.length ? m.keys : ['-'];
  return q
    .selectFrom('persons as p')
    .select([
      'p.id',
      'p.given_names_enc',
      'p.surnames_enc',
      'p.birth_year',
      'p.birthdate_index',
      'p.gender',
      'p.identity_index',
    ])
    .where('p.merged_into', 'is', null)
    .where('p.id', 'in', (eb) => {
      let s = eb
        .selectFrom('person_name_keys as t')
        .select('t.person_id as id')
        .where('t.key_index', 'in', m.triples.length ? m.triples : ['-']);
      if (m.birthdates?.length)
        s = s.union(
          eb
            .selectFrom('persons as d')
            .select('d.id')
            .where('d.birthdate_index', 'in', m.birthdates)
            .where((w) =>
              w.exists(
                w
                  .selectFrom('person_name_keys as k')
                  .select('k.person_id')
                  .whereRef('k.person_id', '=', 'd.id')
                  .where('k.key_index', 'in', keys),
              ),
            ),
        );
      if (m.identities?.length)
        s = s.union(eb.selectFrom('persons as i').select('i.id').where('i.identity_index', 'in', m.identities));
      return s;
    })
    .limit(m.limit)
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
