import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Context } from '../../platform/context';
import type { Db } from '../../platform/db/index';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { insertCaseTasks } from './repo-followups';
import * as repoTasks from './repo-tasks';

type Q = Db | Transaction<Database>;

/**
 * Deadlines a person must act on are open rows in `case_tasks`: "my work", the supervisor's overdue board, reminders
 * and the menu count read them unchanged. Other modules (board, returns…) open and close their tasks through this,
 * inside the transaction of the record that makes the deadline (no authorization here: the caller has checked it).
 */
export class CaseTasks {
  constructor(private readonly ctx: Context) {}

  /**
   * Opens a task; the assignee defaults to the case's assigned caseworker, else its owner. `dueAt` is an ISO instant
   * or a YYYY-MM-DD date (due by the end of that day, UTC: overdue from the next day). Returns the task id.
   */
  async open(
    trx: Q,
    t: {
      caseId: string;
      kind: string;
      dueAt: string;
      assigneeUserId?: string | null;
      authority?: string | null;
      note?: string;
    },
  ) {
    let assignee = t.assigneeUserId ?? null;
    if (!assignee) {
      const c = await repoTasks.selectCaseAssignee(trx, t.caseId);
      assignee = (c?.assigned_user_id as string | null) ?? (c?.owner_user_id as string | null) ?? null;
    }
    const id = randomUUID();
    await insertCaseTasks(trx, {
      id,
      case_id: t.caseId,
      kind: t.kind,
      assignee_user_id: assignee,
      note_enc: this.ctx.crypto.encryptOptional(t.note, { table: 'case_tasks', row: id, column: 'note' }),
      notified_at: null,
      authority: t.authority ?? null,
      due_at: toInstant(t.dueAt),
      done_at: null,
      done_by: null,
      created_at: nowIso(),
    });
    return id;
  }

  /** Closes the open tasks of a kind on a case (or only `taskId`), done now by `doneBy`. Returns how many closed. */
  close(trx: Q, t: { caseId: string; kind: string; doneBy: string; taskId?: string; doneAt?: string }) {
    return repoTasks.closeOpenTasksOfKind(
      trx,
      t.caseId,
      t.kind,
      { done_at: t.doneAt ?? nowIso(), done_by: t.doneBy },
      t.taskId,
    );
  }

  /** The tasks of these kinds on a case, open and done, soonest due first. */
  list(q: Q, caseId: string, kinds: string[]) {
    return repoTasks.selectTasksOfKinds(q, caseId, kinds);
  }
}

const toInstant = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T23:59:59.999Z` : new Date(d).toISOString());
