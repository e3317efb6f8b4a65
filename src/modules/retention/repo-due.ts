import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

// The HTCDS statuses that mean closed (as cases' vocabulary isClosed).
const closed = ['Closed', 'ClosedReferred'];

/** Closed cases not anonymised, closed before `before` (ISO), with their person. */
export const closedCasesBefore = (q: Q, before: string) =>
  q
    .selectFrom('cases')
    .select(['id', 'person_id', 'closed_at'])
    .where('status', 'in', closed)
    .where('anonymised_at', 'is', null)
    .where('closed_at', 'is not', null)
    .where('closed_at', '<', before)
    .orderBy('closed_at')
    .execute();

/**
 * Persons not anonymised whose every case is closed or anonymised, the latest closure before `before` (ISO):
 * each with that latest closure.
 */
export const personsClosedBefore = (q: Q, before: string) =>
  q
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(['c.person_id', sql<string>`max(c.closed_at)`.as('last_closed')])
    .where('p.anonymised_at', 'is', null)
    .groupBy('c.person_id')
    .having(
      sql<number>`sum(case when c.status in ('Closed', 'ClosedReferred') or c.anonymised_at is not null then 0 else 1 end)`,
      '=',
      0,
    )
    .having(sql<string>`max(c.closed_at)`, '<', before)
    .execute();

/** The person's cases: id, closure and whether anonymised. */
export const casesOfPerson = (q: Q, personId: string) =>
  q
    .selectFrom('cases')
    .select(['id', 'status', 'closed_at', 'anonymised_at'])
    .where('person_id', '=', personId)
    .orderBy('closed_at', 'desc')
    .execute();

/** Referrals ended (completed, declined, revoked) before `before` (ISO) that still hold free text. */
export const endedReferralsBefore = (q: Q, before: string) =>
  q
    .selectFrom('referrals as r')
    .select(['r.id', 'r.case_id', sql<string>`coalesce(r.completed_at, r.updated_at)`.as('ended_at')])
    .where((w) =>
      w.or([
        w.and([w('r.status', '=', 'completed'), w(sql`coalesce(r.completed_at, r.updated_at)`, '<', before)]),
        w.and([w('r.status', 'in', ['declined', 'revoked']), w('r.updated_at', '<', before)]),
      ]),
    )
    .where((w) =>
      w.or([
        w('r.details_enc', 'is not', null),
        w('r.override_reason_enc', 'is not', null),
        w('r.response_reason_enc', 'is not', null),
        w.exists(
          w
            .selectFrom('referral_services as s')
            .select('s.id')
            .whereRef('s.referral_id', '=', 'r.id')
            .where('s.notes_enc', 'is not', null),
        ),
      ]),
    )
    .execute();

/** Destroys a referral's free text (reasons, details, service notes); the referral's facts stay. */
export async function clearReferralText(q: Q, referralId: string): Promise<number> {
  const r = await q
    .updateTable('referrals')
    .set({ details_enc: null, override_reason_enc: null, response_reason_enc: null })
    .where('id', '=', referralId)
    .executeTakeFirst();
  const s = await q
    .updateTable('referral_services')
    .set({ notes_enc: null })
    .where('referral_id', '=', referralId)
    .where('notes_enc', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) + Number(s.numUpdatedRows);
}

/** Closed cases closed before `before` (ISO) that still have attached files. */
export const closedCasesWithFilesBefore = (q: Q, before: string) =>
  q
    .selectFrom('cases as c')
    .select(['c.id', 'c.closed_at'])
    .where('c.status', 'in', closed)
    .where('c.closed_at', 'is not', null)
    .where('c.closed_at', '<', before)
    .where((w) => w.exists(w.selectFrom('case_files as f').select('f.id').whereRef('f.case_id', '=', 'c.id')))
    .execute();

/** Deletes the case's file rows; answers their ids (the stored bytes go after the commit). */
export const deleteCaseFiles = (q: Q, caseId: string) =>
  q.deleteFrom('case_files').where('case_id', '=', caseId).returning('id').execute();

/** The case's code, place and closure. */
export const caseOf = (q: Q, caseId: string) =>
  q
    .selectFrom('cases')
    .select(['id', 'code', 'person_id', 'country_code', 'division_code', 'closed_at', 'anonymised_at'])
    .where('id', '=', caseId)
    .executeTakeFirst();
