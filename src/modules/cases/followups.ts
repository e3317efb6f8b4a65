import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { t } from '../../platform/i18n/index';
import { sendMail } from '../../platform/mail';
import type { Actor } from '../access/index';
import { CaseAccess } from './access';
import { maySupervise } from './policy';
import * as repoFollowups from './repo-followups';

/** A draft nobody has touched for this many days shows on its caseworker's work list. */
export const staleDraftDays = 30;

/** Follow-ups with due dates, "my work", the supervisor's overdue board and reminders (in-app, and e-mail with SMTP). */
export class FollowUps {
  private readonly access: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  async add(
    actor: Actor,
    caseId: string,
    b: { dueAt: string; assigneeUserId?: string; note?: string },
    requestId: string,
  ) {
    await this.access.load(actor, caseId, 'cases:write');
    const assignee = b.assigneeUserId ?? actor.userId;
    const user = await repoFollowups.selectUsersById(this.db, assignee);
    if (user?.status !== 'active') throw new AppError(400, 'unknown_assignee');
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'case.follow_up_added',
        recordType: 'case',
        recordId: caseId,
        details: { task: id, assignee, dueAt: b.dueAt },
        requestId,
      },
      (trx) =>
        repoFollowups.insertCaseTasks(trx, {
          id,
          case_id: caseId,
          kind: 'follow_up',
          assignee_user_id: assignee,
          note_enc: this.ctx.crypto.encryptOptional(b.note, { table: 'case_tasks', row: id, column: 'note' }),
          notified_at: null,
          authority: null,
          due_at: new Date(b.dueAt).toISOString(),
          done_at: null,
          done_by: null,
          created_at: nowIso(),
        }),
    );
    return { id, caseId, dueAt: new Date(b.dueAt).toISOString(), assigneeUserId: assignee };
  }

  private present = (
    r: { id: string; case_id: string; kind: string; due_at: string; assignee_user_id: string | null; code: string },
    now: string,
  ) => ({
    id: r.id,
    caseId: r.case_id,
    caseCode: r.code,
    kind: r.kind,
    dueAt: r.due_at,
    assigneeUserId: r.assignee_user_id,
    overdue: r.due_at < now,
  });

  /** My open tasks, soonest first, and my drafts untouched for 30 days (to complete or close). */
  async myWork(actor: Actor) {
    const now = nowIso();
    const tasks = (await repoFollowups.selectOpenTasksOfAssignee(this.db, actor.userId)).map((r) =>
      this.present(r, now),
    );
    const before = new Date(Date.now() - staleDraftDays * 86_400_000).toISOString();
    const drafts = (await repoFollowups.selectStaleDrafts(this.db, actor.userId, before)).map((d) => ({
      id: d.id,
      caseId: d.id,
      caseCode: d.code,
      kind: 'complete_draft',
      dueAt: new Date(Date.parse(d.updated_at) + staleDraftDays * 86_400_000).toISOString(),
      assigneeUserId: actor.userId,
      overdue: true,
    }));
    return [...drafts, ...tasks];
  }

  /** Overdue open tasks on the cases a supervisor may see. */
  async overdueBoard(actor: Actor) {
    if (!maySupervise(actor)) throw new AppError(403, 'forbidden');
    const now = nowIso();
    const rows = await repoFollowups.selectOverdueOpenTasks(this.db, now);
    const visible = [];
    for (const r of rows) {
      try {
        await this.access.load(actor, r.case_id);
        visible.push(this.present(r, now));
      } catch {}
    }
    return visible;
  }

  /**
   * Creates one reminder per overdue task for its assignee and e-mails it when SMTP is configured. Each reminder is
   * claimed in the database first (a conditional update only one run wins, with the in-app notification in the same
   * transaction), and only the run that claimed it sends the e-mail: two runs at once, on one node or two, send one.
   * A crash between the claim and the e-mail loses that e-mail (at most once): the in-app reminder is kept either
   * way, and retrying would need to know whether the mail server took the message, which SMTP cannot say after a
   * crash. Returns how many reminders this run created.
   */
  async remind(now = nowIso()) {
    const due = await repoFollowups.selectCaseTasksByAssigneeUserIdAndDueAt(this.db, now);
    let claimed = 0;
    for (const task of due) {
      const won = await this.db.transaction().execute(async (trx) => {
        const r = await repoFollowups.updateCaseTasksByNotifiedAtAndId(trx, { notified_at: now }, task.id);
        if (Number(r.numUpdatedRows) !== 1) return false;
        await repoFollowups.insertNotifications(trx, {
          id: randomUUID(),
          user_id: task.assignee_user_id!,
          kind: 'task_overdue',
          case_id: task.case_id,
          task_id: task.id,
          created_at: now,
          read_at: null,
        });
        return true;
      });
      if (!won) continue;
      claimed++;
      const user = await repoFollowups.selectUsersById2(this.db, task.assignee_user_id);
      const code = (await repoFollowups.selectCasesById(this.db, task.case_id))?.code ?? '';
      if (user)
        await sendMail(
          this.ctx.config,
          this.ctx.crypto.decrypt(user.email_enc, { table: 'users', row: user.id, column: 'email' }),
          // In the language the caseworker reads.
          t(user.language ?? 'es', 'mail.overdueSubject'),
          t(user.language ?? 'es', 'mail.overdueBody', { code }),
        ).catch(() => false);
    }
    return claimed;
  }

  /** My notifications; reminders are created by the server's hourly job (`remind`), not by reading. */
  async notifications(actor: Actor) {
    const rows = await repoFollowups.selectNotificationsByUserId(this.db, actor.userId);
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      caseId: n.case_id,
      caseCode: n.code ?? null,
      createdAt: n.created_at,
      read: Boolean(n.read_at),
    }));
  }

  async markRead(actor: Actor, id: string) {
    const r = await repoFollowups.updateNotificationsByUserIdAndId(this.db, { read_at: nowIso() }, id, actor.userId);
    if (Number(r.numUpdatedRows) !== 1) throw notFound();
    return { ok: true as const };
  }
}
