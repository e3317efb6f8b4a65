import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectUsersById = (q: Q, assignee: string) =>
  q.selectFrom('users').select(['id', 'status']).where('id', '=', assignee).executeTakeFirst();

export const insertCaseTasks = (q: Q, row: Insertable<Database['case_tasks']>) =>
  q.insertInto('case_tasks').values(row).execute();

const openTasks = (q: Q) =>
  q
    .selectFrom('case_tasks as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .select([
      't.id',
      't.case_id',
      't.kind',
      't.due_at',
      't.assignee_user_id',
      'c.code',
      'c.country_code',
      'c.division_code',
    ])
    .where('t.done_at', 'is', null);

/** Open tasks assigned to this user, soonest first (at most 200). */
export const selectOpenTasksOfAssignee = (q: Q, userId: string) =>
  openTasks(q).where('t.assignee_user_id', '=', userId).orderBy('t.due_at').limit(200).execute();

/** Open tasks due before `now`, soonest first (at most 200). */
export const selectOverdueOpenTasks = (q: Q, now: string) =>
  openTasks(q).where('t.due_at', '<', now).orderBy('t.due_at').limit(200).execute();

export const selectCaseTasksByAssigneeUserIdAndDueAt = (q: Q, now: string) =>
  q
    .selectFrom('case_tasks')
    .select(['id', 'case_id', 'assignee_user_id'])
    .where('done_at', 'is', null)
    .where('notified_at', 'is', null)
    .where('due_at', '<', now)
    .where('assignee_user_id', 'is not', null)
    .execute();

export const updateCaseTasksByNotifiedAtAndId = (q: Q, set: Updateable<Database['case_tasks']>, id: string) =>
  q.updateTable('case_tasks').set(set).where('id', '=', id).where('notified_at', 'is', null).executeTakeFirst();

export const insertNotifications = (q: Q, row: Insertable<Database['notifications']>) =>
  q.insertInto('notifications').values(row).execute();

export const selectUsersById2 = (q: Q, assignee_user_id: string | null) =>
  q.selectFrom('users').select(['id', 'email_enc', 'language']).where('id', '=', assignee_user_id!).executeTakeFirst();

export const selectCasesById = (q: Q, case_id: string) =>
  q.selectFrom('cases').select('code').where('id', '=', case_id).executeTakeFirst();

export const selectNotificationsByUserId = (q: Q, userId: string) =>
  q
    .selectFrom('notifications as n')
    .leftJoin('cases as c', 'c.id', 'n.case_id')
    .select(['n.id', 'n.kind', 'n.case_id', 'n.created_at', 'n.read_at', 'c.code'])
    .where('n.user_id', '=', userId)
    .orderBy('n.created_at', 'desc')
    .limit(100)
    .execute();

export const updateNotificationsByUserIdAndId = (
  q: Q,
  set: Updateable<Database['notifications']>,
  id: string,
  userId: string,
) => q.updateTable('notifications').set(set).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();

/** Drafts assigned to a person and untouched since a moment. */
export const selectStaleDrafts = (q: Q, userId: string, before: string) =>
  q
    .selectFrom('cases')
    .select(['id', 'code', 'updated_at'])
    .where('stage', '=', 'Draft')
    .where('assigned_user_id', '=', userId)
    .where('updated_at', '<', before)
    .orderBy('updated_at')
    .limit(100)
    .execute();
