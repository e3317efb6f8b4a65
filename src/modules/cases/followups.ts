import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { t } from '../../platform/i18n/index';
import { sendMail } from '../../platform/mail';
import { type Actor, can } from '../access/index';
import { CaseAccess } from './access';

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
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'status'])
      .where('id', '=', assignee)
      .executeTakeFirst();
    if (user?.status !== 'active') throw new AppError(400, 'unknown_assignee');
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('case_tasks')
        .values({
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
        })
        .execute();
      await this.ctx.audit.record(
        {
          actor,
          action: 'case.follow_up_added',
          recordType: 'case',
          recordId: caseId,
          details: { task: id, assignee, dueAt: b.dueAt },
          requestId,
        },
        trx,
      );
    });
    return { id, caseId, dueAt: new Date(b.dueAt).toISOString(), assigneeUserId: assignee };
  }

  private rows(where: (q: ReturnType<FollowUps['base']>) => ReturnType<FollowUps['base']>) {
    return where(this.base()).orderBy('t.due_at').limit(200).execute();
  }
  private base() {
    return this.db
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

  /** My open tasks, soonest first. */
  async myWork(actor: Actor) {
    const now = nowIso();
    return (await this.rows((q) => q.where('t.assignee_user_id', '=', actor.userId))).map((r) => this.present(r, now));
  }

  /** Overdue open tasks on the cases a supervisor may see. */
  async overdueBoard(actor: Actor) {
    if (!can(actor, 'cases:approve')) throw new AppError(403, 'forbidden');
    const now = nowIso();
    const rows = await this.rows((q) => q.where('t.due_at', '<', now));
    const visible = [];
    for (const r of rows) {
      try {
        await this.access.load(actor, r.case_id);
        visible.push(this.present(r, now));
      } catch {}
    }
    return visible;
  }

  /** Creates one reminder per overdue task for its assignee (and e-mails it when SMTP is configured). */
  async remind(now = nowIso()) {
    const due = await this.db
      .selectFrom('case_tasks')
      .select(['id', 'case_id', 'assignee_user_id'])
      .where('done_at', 'is', null)
      .where('notified_at', 'is', null)
      .where('due_at', '<', now)
      .where('assignee_user_id', 'is not', null)
      .execute();
    for (const task of due) {
      await this.db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('case_tasks')
          .set({ notified_at: now })
          .where('id', '=', task.id)
          .where('notified_at', 'is', null)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return;
        await trx
          .insertInto('notifications')
          .values({
            id: randomUUID(),
            user_id: task.assignee_user_id!,
            kind: 'task_overdue',
            case_id: task.case_id,
            task_id: task.id,
            created_at: now,
            read_at: null,
          })
          .execute();
      });
      const user = await this.db
        .selectFrom('users')
        .select(['id', 'email_enc'])
        .where('id', '=', task.assignee_user_id!)
        .executeTakeFirst();
      const code =
        (await this.db.selectFrom('cases').select('code').where('id', '=', task.case_id).executeTakeFirst())?.code ??
        '';
      if (user)
        await sendMail(
          this.ctx.config,
          this.ctx.crypto.decrypt(user.email_enc, { table: 'users', row: user.id, column: 'email' }),
          t('es', 'mail.overdueSubject'),
          t('es', 'mail.overdueBody', { code }),
        ).catch(() => false);
    }
    return due.length;
  }

  /** My notifications; reminders are created by the server's hourly job (`remind`), not by reading. */
  async notifications(actor: Actor) {
    const rows = await this.db
      .selectFrom('notifications as n')
      .leftJoin('cases as c', 'c.id', 'n.case_id')
      .select(['n.id', 'n.kind', 'n.case_id', 'n.created_at', 'n.read_at', 'c.code'])
      .where('n.user_id', '=', actor.userId)
      .orderBy('n.created_at', 'desc')
      .limit(100)
      .execute();
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
    const r = await this.db
      .updateTable('notifications')
      .set({ read_at: nowIso() })
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw notFound();
    return { ok: true as const };
  }
}
