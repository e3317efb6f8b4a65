import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

/** Closes the open tasks of one kind on a case (optionally only the one with this id); returns how many closed. */
export const closeOpenTasksOfKind = async (
  q: Q,
  caseId: string,
  kind: string,
  set: { done_at: string; done_by: string },
  taskId?: string,
) => {
  let u = q
    .updateTable('case_tasks')
    .set(set)
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('done_at', 'is', null);
  if (taskId) u = u.where('id', '=', taskId);
  const r = await u.executeTakeFirst();
  return Number(r.numUpdatedRows);
};

/** The tasks of some kinds on a case (open and done), soonest first. */
export const selectTasksOfKinds = (q: Q, caseId: string, kinds: string[]) =>
  q
    .selectFrom('case_tasks')
    .select(['id', 'case_id', 'kind', 'assignee_user_id', 'authority', 'due_at', 'done_at', 'done_by', 'created_at'])
    .where('case_id', '=', caseId)
    .where('kind', 'in', kinds)
    .orderBy('due_at')
    .execute();

export const selectCaseAssignee = (q: Q, caseId: string) =>
  q.selectFrom('cases').select(['assigned_user_id', 'owner_user_id']).where('id', '=', caseId).executeTakeFirst();
