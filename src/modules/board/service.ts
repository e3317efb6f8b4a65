import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { CaseAccess, CaseTasks } from '../cases/index';
import { addHours } from './dates';
import { BoardPresenter } from './present';
import * as repo from './repo';
import { fieldError, notificationHours } from './rules';
import type { deliveryBody, hearingBody, notificationBody } from './schema';
import { boardTaskKinds } from './vocabulary';

/**
 * The protection-board procedure of a child's case: reading it (section 'measures'), the notification to the Junta
 * Cantonal and its delivery, and the board's hearings. Measures are in measures.ts. Writes need cases:write and
 * direct reach of the case (a receiver of the 'measures' section reads only).
 */
export class Board {
  readonly access: CaseAccess;
  readonly tasks: CaseTasks;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
    this.tasks = new CaseTasks(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }
  private seal = (table: string, row: string, column: string, v?: string | null) =>
    this.ctx.crypto.encryptOptional(v, { table, row, column });

  /** The case when the actor may write its board procedure (404 out of reach, 403 for a receiver). */
  writable(actor: Actor, caseId: string) {
    return this.access.load(actor, caseId, 'cases:write', 'measures');
  }

  /**
   * The case when the actor may start something new in its board procedure (a notification, a hearing, a measure):
   * the board acts for children only, so an adult's case is refused (409), the same way for each. Records already
   * there (a delivery, a review, an end) stay writable whatever the case says today.
   */
  async writableChild(actor: Actor, caseId: string) {
    const c = await this.writable(actor, caseId);
    if (!Number(c.is_minor)) throw new AppError(409, 'board_not_a_child');
    return c;
  }

  /** The whole procedure of a case, with what the actor may do. */
  async get(actor: Actor, caseId: string, lang: string) {
    const { c, direct } = await this.access.reach(actor, caseId, 'cases:read', 'measures');
    return new BoardPresenter(this.ctx).present(actor, c, direct, lang);
  }

  /** Generates a notification for the board; it is due within the catalogue's hours of the child's 24-hour task. */
  async notify(actor: Actor, caseId: string, b: z.infer<typeof notificationBody>, requestId: string, lang: string) {
    await this.writableChild(actor, caseId);
    const hours = await notificationHours(this.ctx);
    const open = (await this.tasks.list(this.db, caseId, [boardTaskKinds.notification])).find((t) => !t.done_at);
    const id = randomUUID();
    const now = nowIso();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'board.notification_generated',
        recordType: 'case',
        recordId: caseId,
        details: { notification: id, language: b.language },
        requestId,
      },
      (trx) =>
        repo.insertNotification(trx, {
          id,
          case_id: caseId,
          created_on: now.slice(0, 10),
          language: b.language,
          facts_enc: this.seal('board_notifications', id, 'facts', b.facts)!,
          request_enc: this.seal('board_notifications', id, 'request', b.request)!,
          sender_org_id: actor.orgId,
          due_at: open ? addHours(open.created_at, hours) : null,
          delivered_at: null,
          delivery_method: null,
          delivered_by: null,
          receiver_enc: null,
          proof_file_id: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        }),
    );
    return this.get(actor, caseId, lang);
  }

  /** Records how a notification reached the board (once), with proof; this closes the case's 24-hour task. */
  async deliver(
    actor: Actor,
    caseId: string,
    notificationId: string,
    b: z.infer<typeof deliveryBody>,
    requestId: string,
    lang: string,
  ) {
    await this.writable(actor, caseId);
    const n = await repo.findNotification(this.db, caseId, notificationId);
    if (!n) throw notFound();
    if (n.delivered_at) throw new AppError(409, 'board_already_delivered');
    const at = new Date(b.deliveredAt).toISOString();
    if (at > addHours(nowIso(), 1)) throw fieldError('board_date_in_future', 'deliveredAt');
    if (at.slice(0, 10) < n.created_on) throw fieldError('board_delivered_before_notice', 'deliveredAt');
    if (!(await repo.caseFile(this.db, caseId, b.proofFileId))) throw fieldError('board_proof_unknown', 'proofFileId');
    const late = Boolean(n.due_at && at > n.due_at);
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'board.notification_delivered',
        recordType: 'case',
        recordId: caseId,
        details: { notification: n.id, method: b.method, file: b.proofFileId, late },
        requestId,
      },
      async (trx) => {
        const done = await repo.deliverNotification(trx, n.id, {
          delivered_at: at,
          delivery_method: b.method,
          delivered_by: actor.userId,
          receiver_enc: this.seal('board_notifications', n.id, 'receiver', b.receiver),
          proof_file_id: b.proofFileId,
          updated_at: nowIso(),
        });
        if (done !== 1) throw new AppError(409, 'board_already_delivered');
        await this.tasks.close(trx, { caseId, kind: boardTaskKinds.notification, doneBy: actor.userId });
      },
    );
    return this.get(actor, caseId, lang);
  }

  /** Records a hearing of the board. */
  async hearing(actor: Actor, caseId: string, b: z.infer<typeof hearingBody>, requestId: string, lang: string) {
    await this.writableChild(actor, caseId);
    if (b.heldOn > addDaysFromNow(366)) throw fieldError('board_hearing_too_far_ahead', 'heldOn');
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'board.hearing_recorded',
        recordType: 'case',
        recordId: caseId,
        details: { hearing: id, kind: b.kind, heldOn: b.heldOn },
        requestId,
      },
      (trx) =>
        repo.insertHearing(trx, {
          id,
          case_id: caseId,
          held_on: b.heldOn,
          kind: b.kind,
          attendees_enc: this.seal('board_hearings', id, 'attendees', b.attendees),
          notes_enc: this.seal('board_hearings', id, 'notes', b.notes),
          outcome_enc: this.seal('board_hearings', id, 'outcome', b.outcome),
          created_by: actor.userId,
          created_at: nowIso(),
        }),
    );
    return this.get(actor, caseId, lang);
  }
}

/** A hearing may be scheduled ahead, but not beyond a year. */
const addDaysFromNow = (days: number) => addHours(nowIso(), days * 24).slice(0, 10);
