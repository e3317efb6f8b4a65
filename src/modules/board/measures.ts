import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { Catalogues } from '../catalogues/index';
import { addDays } from './dates';
import * as repo from './repo';
import { fieldError } from './rules';
import type { endBody, measureBody, ratificationBody, reviewBody } from './schema';
import { Board } from './service';
import { boardTaskKinds } from './vocabulary';

/** The authority keys the tasks carried before the catalogue had an active entry of that kind (htcds.authorities). */
const fallbackAuthority = { board: 'JuntaCantonalProteccionDerechos', judge: 'FamilyJudge' } as const;

/**
 * Protection measures a board or a judge decided: the catalogue says who decides, the review period and whether a
 * judge must ratify; each review date and ratification deadline is an open case task (overdue work, reminders).
 */
export class Measures {
  private readonly board: Board;
  constructor(private readonly ctx: Context) {
    this.board = new Board(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }
  private seal = (table: string, row: string, column: string, v?: string | null) =>
    this.ctx.crypto.encryptOptional(v, { table, row, column });

  /** Records a measure decided; its review date defaults to the start plus the catalogue's review days. */
  async add(actor: Actor, caseId: string, b: z.infer<typeof measureBody>, requestId: string, lang: string) {
    const c = await this.board.writableChild(actor, caseId);
    const e = await new Catalogues(this.ctx).entry('measure_type', b.type);
    if (!e?.active) throw fieldError('board_unknown_measure_type', 'type');
    if (b.decidedOn > todayIso()) throw fieldError('board_date_in_future', 'decidedOn');
    if (b.startOn < b.decidedOn) throw fieldError('board_start_before_decision', 'startOn');
    const reviewOn = b.reviewOn ?? addDays(b.startOn, e.data.reviewDays);
    if (reviewOn <= b.startOn) throw fieldError('board_review_before_start', 'reviewOn');
    if (e.data.decidedBy === 'judge' && !b.courtReference)
      throw fieldError('board_court_reference_required', 'courtReference');
    if (b.hearingId && !(await repo.findHearing(this.db, caseId, b.hearingId)))
      throw fieldError('board_hearing_unknown', 'hearingId');
    const ratificationDue = e.data.ratificationDays ? addDays(b.decidedOn, e.data.ratificationDays) : null;
    const id = randomUUID();
    const assignee = c.assigned_user_id ?? actor.userId;
    const now = nowIso();
    const decider = await this.authorityOf(e.data.decidedBy);
    const judge = ratificationDue ? await this.authorityOf('judge') : null;
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'board.measure_decided',
        recordType: 'case',
        recordId: caseId,
        details: { measure: id, type: b.type, decidedBy: e.data.decidedBy, reviewOn, ratificationDue },
        requestId,
      },
      async (trx) => {
        const reviewTask = await this.board.tasks.open(trx, {
          caseId,
          kind: boardTaskKinds.review,
          dueAt: reviewOn,
          assigneeUserId: assignee,
          authority: decider,
        });
        const ratificationTask = ratificationDue
          ? await this.board.tasks.open(trx, {
              caseId,
              kind: boardTaskKinds.ratification,
              dueAt: ratificationDue,
              assigneeUserId: assignee,
              authority: judge,
            })
          : null;
        await repo.insertMeasure(trx, {
          id,
          case_id: caseId,
          type: b.type,
          decided_by: e.data.decidedBy,
          decided_on: b.decidedOn,
          start_on: b.startOn,
          review_on: reviewOn,
          status: 'active',
          ratification_due_on: ratificationDue,
          ratification: ratificationDue ? 'pending' : null,
          ratified_on: null,
          court_ref_enc: this.seal('board_measures', id, 'court_ref', b.courtReference),
          responsible_enc: this.seal('board_measures', id, 'responsible', b.responsible)!,
          hearing_id: b.hearingId ?? null,
          notes_enc: this.seal('board_measures', id, 'notes', b.notes),
          ended_on: null,
          end_reason_enc: null,
          review_task_id: reviewTask,
          ratification_task_id: ratificationTask,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
      },
    );
    return this.board.get(actor, caseId, lang);
  }

  private async active(actor: Actor, caseId: string, measureId: string) {
    const c = await this.board.writable(actor, caseId);
    const m = await repo.findMeasure(this.db, caseId, measureId);
    if (!m) throw notFound();
    return { c, m };
  }

  /** Records a review; it closes the review task, and a next review date opens the next one. */
  async review(
    actor: Actor,
    caseId: string,
    measureId: string,
    b: z.infer<typeof reviewBody>,
    requestId: string,
    lang: string,
  ) {
    const { c, m } = await this.active(actor, caseId, measureId);
    if (m.status !== 'active') throw new AppError(409, 'board_measure_not_active');
    if (b.reviewedOn > todayIso()) throw fieldError('board_date_in_future', 'reviewedOn');
    if (b.reviewedOn < m.start_on) throw fieldError('board_review_before_start', 'reviewedOn');
    if (b.nextReviewOn && b.nextReviewOn <= b.reviewedOn) throw fieldError('board_next_review_before', 'nextReviewOn');
    const id = randomUUID();
    const authority = b.nextReviewOn ? await this.authorityOf(m.decided_by) : null;
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'board.measure_reviewed',
        recordType: 'case',
        recordId: caseId,
        details: { measure: m.id, review: id, outcome: b.outcome, nextReviewOn: b.nextReviewOn ?? null },
        requestId,
      },
      async (trx) => {
        await this.closeTask(trx, m, 'review', actor);
        const next = b.nextReviewOn
          ? await this.board.tasks.open(trx, {
              caseId,
              kind: boardTaskKinds.review,
              dueAt: b.nextReviewOn,
              assigneeUserId: c.assigned_user_id ?? actor.userId,
              authority,
            })
          : null;
        await repo.insertReview(trx, {
          id,
          measure_id: m.id,
          case_id: caseId,
          reviewed_on: b.reviewedOn,
          outcome: b.outcome,
          notes_enc: this.seal('board_measure_reviews', id, 'notes', b.notes),
          next_review_on: b.nextReviewOn ?? null,
          created_by: actor.userId,
          created_at: nowIso(),
        });
        await repo.updateMeasure(trx, m.id, {
          review_on: b.nextReviewOn ?? null,
          review_task_id: next,
          updated_at: nowIso(),
        });
      },
    );
    return this.board.get(actor, caseId, lang);
  }

  /**
   * Records the judge's ratification or refusal; a refused measure ceases (revoked). Only an active measure awaiting
   * ratification: one already ended or revoked keeps its end (409), even if the judge never answered.
   */
  async ratify(
    actor: Actor,
    caseId: string,
    measureId: string,
    b: z.infer<typeof ratificationBody>,
    requestId: string,
    lang: string,
  ) {
    const { m } = await this.active(actor, caseId, measureId);
    if (m.status !== 'active') throw new AppError(409, 'board_measure_not_active');
    if (m.ratification !== 'pending') throw new AppError(409, 'board_ratification_not_pending');
    if (b.on > todayIso()) throw fieldError('board_date_in_future', 'on');
    if (b.on < m.decided_on) throw fieldError('board_before_decision', 'on');
    const refused = b.answer === 'refused';
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'board.measure_ratification',
        recordType: 'case',
        recordId: caseId,
        details: { measure: m.id, answer: b.answer, on: b.on },
        requestId,
      },
      async (trx) => {
        await this.closeTask(trx, m, 'ratification', actor);
        if (refused) await this.closeTask(trx, m, 'review', actor);
        await repo.updateMeasure(trx, m.id, {
          ratification: b.answer,
          ratified_on: b.on,
          court_ref_enc: this.seal('board_measures', m.id, 'court_ref', b.courtReference),
          ...(refused ? { status: 'revoked', ended_on: b.on, review_on: null, review_task_id: null } : {}),
          ratification_task_id: null,
          updated_at: nowIso(),
        });
      },
    );
    return this.board.get(actor, caseId, lang);
  }

  /** Ends or revokes a measure; its open review and ratification tasks close with it. */
  async end(
    actor: Actor,
    caseId: string,
    measureId: string,
    b: z.infer<typeof endBody>,
    requestId: string,
    lang: string,
  ) {
    const { m } = await this.active(actor, caseId, measureId);
    if (m.status !== 'active') throw new AppError(409, 'board_measure_not_active');
    if (b.on > todayIso()) throw fieldError('board_date_in_future', 'on');
    if (b.on < m.decided_on) throw fieldError('board_before_decision', 'on');
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'board.measure_ended',
        recordType: 'case',
        recordId: caseId,
        details: { measure: m.id, status: b.status, on: b.on },
        requestId,
      },
      async (trx) => {
        await this.closeTask(trx, m, 'review', actor);
        await this.closeTask(trx, m, 'ratification', actor);
        await repo.updateMeasure(trx, m.id, {
          status: b.status,
          ended_on: b.on,
          end_reason_enc: this.seal('board_measures', m.id, 'end_reason', b.reason),
          review_on: null,
          review_task_id: null,
          ratification_task_id: null,
          updated_at: nowIso(),
        });
      },
    );
    return this.board.get(actor, caseId, lang);
  }

  /**
   * Who answers for a measure's task: the authority catalogue's first active entry of that kind (a board's measure →
   * kind 'board', a judge's or a ratification → kind 'judge'); the former fixed keys when none is active.
   */
  private async authorityOf(decidedBy: string): Promise<string> {
    const kind = decidedBy === 'judge' ? 'judge' : 'board';
    const entries = await new Catalogues(this.ctx).entries('authority');
    return entries.find((a) => a.active && a.data.kind === kind)?.key ?? fallbackAuthority[kind];
  }

  /** Closes this measure's own open task of a kind (never another measure's). */
  private closeTask(
    trx: Parameters<Board['tasks']['close']>[0],
    m: Selectable<Database['board_measures']>,
    which: 'review' | 'ratification',
    actor: Actor,
  ) {
    const taskId = which === 'review' ? m.review_task_id : m.ratification_task_id;
    if (!taskId) return Promise.resolve(0);
    return this.board.tasks.close(trx, {
      caseId: m.case_id,
      kind: boardTaskKinds[which],
      doneBy: actor.userId,
      taskId,
    });
  }
}
