import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectDivisions = (q: Q) =>
  q.selectFrom('divisions').select(['country_code', 'code', 'level', 'parent_code']).execute();

export const selectPersonsById = (q: Q, after: string, batchSize: number) =>
  q.selectFrom('persons').select('id').where('id', '>', after).orderBy('id').limit(batchSize).execute();

export const selectCasesByStageAndPersonId = (q: Q, personIds: readonly string[]) =>
  q
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.person_id',
      'c.created_at',
      'c.country_code',
      'c.division_code',
      'c.is_minor',
      'c.age_at_intake',
      'c.age_when_trafficked',
      'c.trafficking_status',
      'c.exploitation',
      'c.labour_industries',
      'c.sex_exploitation',
      'c.recruitment_methods',
      'c.relationship_to_trafficker',
      'c.control_methods',
      'c.months_exploited',
      'p.gender',
      'p.ethnicity',
      'p.citizenship',
    ])
    .where('c.person_id', 'in', personIds)
    .where('c.stage', '<>', 'Draft')
    .where((w) =>
      w.or([w('c.trafficking_status', 'is', null), w('c.trafficking_status', '<>', 'NotAVictimOfTrafficking')]),
    )
    .execute();

export const selectCaseEventsByTypeAndCaseId = (q: Q, ids: string[], i: number) =>
  q
    .selectFrom('case_events')
    .select(['case_id', 'type', 'country_code', 'division_code'])
    .where('case_id', 'in', ids.slice(i, i + 5000))
    .where('type', 'in', ['Recruitment', 'Exploitation'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** The protection records of these cases (board measures, returns, closed reintegration plans, complaints). */
export async function selectProtectionByCaseId(q: Q, caseIds: readonly string[]) {
  const ids = [...caseIds];
  const [measures, returns, plans, complaints] = await Promise.all([
    q.selectFrom('board_measures').select(['case_id', 'decided_on']).where('case_id', 'in', ids).execute(),
    q
      .selectFrom('case_returns')
      .select(['case_id', 'arrived_on'])
      .where('case_id', 'in', ids)
      .where('arrived_on', 'is not', null)
      .execute(),
    q
      .selectFrom('reintegration_plans')
      .select(['case_id', 'status', 'outcome', 'closed_on'])
      .where('case_id', 'in', ids)
      .where('status', '=', 'closed')
      .execute(),
    q
      .selectFrom('complaints')
      .select(['case_id', 'filed_on', 'charged_on', 'outcome', 'outcome_on'])
      .where('case_id', 'in', ids)
      .execute(),
  ]);
  return { measures, returns, plans, complaints };
}
