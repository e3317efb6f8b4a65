import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const updateCaseClosureRequestsByStatusAndCaseId = (
  q: Q,
  set: Updateable<Database['case_closure_requests']>,
  caseId: string,
) =>
  q
    .updateTable('case_closure_requests')
    .set(set)
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .execute();

export const insertConsents = (q: Q, row: Insertable<Database['consents']>) =>
  q.insertInto('consents').values(row).execute();

export const updateConsentsByWithdrawnAtAndCaseId = (
  q: Q,
  set: Updateable<Database['consents']>,
  consentId: string,
  id: string,
) =>
  q
    .updateTable('consents')
    .set(set)
    .where('id', '=', consentId)
    .where('case_id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();

export const updateCaseTasksByDoneAtAndCaseId = (
  q: Q,
  set: Updateable<Database['case_tasks']>,
  taskId: string,
  id: string,
) =>
  q
    .updateTable('case_tasks')
    .set(set)
    .where('id', '=', taskId)
    .where('case_id', '=', id)
    .where('done_at', 'is', null)
    .executeTakeFirst();

export const insertCaseComments = (q: Q, row: Insertable<Database['case_comments']>) =>
  q.insertInto('case_comments').values(row).execute();

export const selectCaseTaskKind = (q: Q, taskId: string, caseId: string) =>
  q.selectFrom('case_tasks').select('kind').where('id', '=', taskId).where('case_id', '=', caseId).executeTakeFirst();
