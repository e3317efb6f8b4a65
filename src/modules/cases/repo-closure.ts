import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectCaseClosureRequestsByStatusAndCaseId = (q: Q, caseId: string) =>
  q
    .selectFrom('case_closure_requests')
    .select(['id', 'comment_enc', 'decided_at'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'returned')
    .orderBy('decided_at', 'desc')
    .executeTakeFirst();

export const selectCaseClosureRequestsByStatusAndCaseId2 = (q: Q, caseId: string) =>
  q
    .selectFrom('case_closure_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .executeTakeFirst();

export const insertCaseClosureRequests = (q: Q, row: Insertable<Database['case_closure_requests']>) =>
  q.insertInto('case_closure_requests').values(row).execute();

export const updateCaseClosureRequestsByStatusAndId = (
  q: Q,
  set: Updateable<Database['case_closure_requests']>,
  id: string,
) =>
  q
    .updateTable('case_closure_requests')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();

export const insertNotifications = (q: Q, row: Insertable<Database['notifications']>) =>
  q.insertInto('notifications').values(row).execute();

/** Pending closure requests of cases in this country (and these divisions, when given), oldest first (at most 500). */
export const selectPendingClosureRequests = (q: Q, country: string, divisions?: string[]) => {
  let query = q
    .selectFrom('case_closure_requests as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(['r.id', 'r.case_id', 'r.requested_status', 'r.requested_at', 'c.code'])
    .where('r.status', '=', 'pending')
    .where('c.country_code', '=', country);
  if (divisions) query = query.where('c.division_code', 'in', divisions);
  return query.orderBy('r.requested_at').limit(500).execute();
};
