import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

// Legal holds, and what the prosecution records say about a proceeding still open: plain queries.

type Q = Db | Transaction<Database>;

export type HoldRow = Database['legal_holds'];

export const holdsOfCase = (q: Q, caseId: string) =>
  q.selectFrom('legal_holds').selectAll().where('case_id', '=', caseId).orderBy('placed_at').orderBy('id').execute();

export const holdOfCase = (q: Q, caseId: string, id: string) =>
  q.selectFrom('legal_holds').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();

export const insertHold = (q: Q, row: Insertable<HoldRow>) => q.insertInto('legal_holds').values(row).execute();

export const liftHold = (q: Q, id: string, set: { lifted_by: string; lifted_at: string; lift_reason_enc: string }) =>
  q.updateTable('legal_holds').set(set).where('id', '=', id).where('lifted_at', 'is', null).execute();

/** The cases among these with an active (not lifted) legal hold. */
export const heldCaseIds = async (q: Q, caseIds: string[]) =>
  caseIds.length
    ? new Set(
        (
          await q
            .selectFrom('legal_holds')
            .select('case_id')
            .where('case_id', 'in', caseIds)
            .where('lifted_at', 'is', null)
            .execute()
        ).map((r) => r.case_id),
      )
    : new Set<string>();

/** The cases among these with a complaint that has no outcome yet (an open proceeding). */
export const openProceedingCaseIds = async (q: Q, caseIds: string[]) =>
  caseIds.length
    ? new Set(
        (
          await q
            .selectFrom('complaints')
            .select('case_id')
            .where('case_id', 'in', caseIds)
            .where('outcome', 'is', null)
            .execute()
        ).map((r) => r.case_id),
      )
    : new Set<string>();

/** The person's cases (id and code), oldest first. */
export const casesOfPerson = (q: Q, personId: string) =>
  q
    .selectFrom('cases')
    .select(['id', 'code'])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .orderBy('code')
    .execute();

/** The case row with every column (some, like anonymised_at, come from later migrations). */
export const caseRow = (q: Q, caseId: string) =>
  q.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();

/** The person row with every column. */
export const personRow = (q: Q, personId: string) =>
  q.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst();

/** The closed case's retention notice still to apply (warned, or kept by a hold), if any. */
export const retentionNotice = (q: Q, caseId: string) =>
  q
    .selectFrom('retention_notices')
    .select(['due_on', 'held'])
    .where('record_type', '=', 'closed_cases')
    .where('record_id', '=', caseId)
    .where('done_at', 'is', null)
    .where((eb) => eb.or([eb('warned_at', 'is not', null), eb('held', '=', 1)]))
    .executeTakeFirst();
