import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import type { CaseTable } from '../../platform/db/types';
import { type Actor, can, userNames } from '../access/index';
import { Catalogues } from '../catalogues/index';
import * as repo from './repo';
import { notificationHours } from './rules';

/** The board procedure of a case as the API shows it: decrypted for whoever reached it, overdue marks by the business clock. */
export class BoardPresenter {
  constructor(private readonly ctx: Context) {}
  private open = (table: string, row: string, column: string, v: string | null) =>
    this.ctx.crypto.decryptOptional(v, { table, row, column });

  async present(actor: Actor, c: CaseTable, direct: boolean, lang: string) {
    const db = this.ctx.db.db;
    const [notifications, hearings, measures, reviews, types] = await Promise.all([
      repo.notificationsOf(db, c.id),
      repo.hearingsOf(db, c.id),
      repo.measuresOf(db, c.id),
      repo.reviewsOf(db, c.id),
      new Catalogues(this.ctx).entries('measure_type'),
    ]);
    const names = await userNames(this.ctx, [
      ...notifications.map((n) => n.created_by),
      ...notifications.map((n) => n.delivered_by ?? ''),
    ]);
    const orgs = new Map<string, string | null>();
    for (const n of notifications)
      if (!orgs.has(n.sender_org_id)) orgs.set(n.sender_org_id, await repo.organisationName(db, n.sender_org_id));
    const now = nowIso();
    const today = todayIso();
    const typeOf = new Map(types.map((e) => [e.key, e]));
    const write = direct && can(actor, 'cases:write');
    return {
      caseId: c.id,
      caseCode: c.code,
      isMinor: Boolean(Number(c.is_minor)),
      deadlineHours: await notificationHours(this.ctx),
      notifications: notifications.map((n) => ({
        id: n.id,
        createdOn: n.created_on,
        language: n.language,
        facts: this.open('board_notifications', n.id, 'facts', n.facts_enc) ?? '',
        request: this.open('board_notifications', n.id, 'request', n.request_enc) ?? '',
        senderOrg: orgs.get(n.sender_org_id) ?? null,
        officer: names.get(n.created_by) ?? null,
        dueAt: n.due_at,
        deliveredAt: n.delivered_at,
        method: n.delivery_method,
        deliveredBy: n.delivered_by ? (names.get(n.delivered_by) ?? null) : null,
        receiver: this.open('board_notifications', n.id, 'receiver', n.receiver_enc),
        proofFileId: n.proof_file_id,
        late: Boolean(n.delivered_at && n.due_at && n.delivered_at > n.due_at),
        overdue: Boolean(!n.delivered_at && n.due_at && n.due_at < now),
      })),
      hearings: hearings.map((h) => ({
        id: h.id,
        heldOn: h.held_on,
        kind: h.kind,
        attendees: this.open('board_hearings', h.id, 'attendees', h.attendees_enc),
        notes: this.open('board_hearings', h.id, 'notes', h.notes_enc),
        outcome: this.open('board_hearings', h.id, 'outcome', h.outcome_enc),
      })),
      measures: measures.map((m) => {
        const e = typeOf.get(m.type) ?? null;
        return {
          id: m.id,
          type: m.type,
          typeLabel: Catalogues.label(e, lang, m.type),
          source: e?.source ?? '',
          decidedBy: m.decided_by,
          decidedOn: m.decided_on,
          startOn: m.start_on,
          reviewOn: m.review_on,
          status: m.status,
          responsible: this.open('board_measures', m.id, 'responsible', m.responsible_enc) ?? '',
          hearingId: m.hearing_id,
          notes: this.open('board_measures', m.id, 'notes', m.notes_enc),
          courtReference: this.open('board_measures', m.id, 'court_ref', m.court_ref_enc),
          ratification: m.ratification,
          ratificationDueOn: m.ratification_due_on,
          ratifiedOn: m.ratified_on,
          endedOn: m.ended_on,
          endReason: this.open('board_measures', m.id, 'end_reason', m.end_reason_enc),
          // Overdue the day after the date (a review due today is still on time).
          reviewOverdue: m.status === 'active' && Boolean(m.review_on && m.review_on < today),
          ratificationOverdue:
            m.status === 'active' &&
            m.ratification === 'pending' &&
            Boolean(m.ratification_due_on && m.ratification_due_on < today),
          reviews: reviews
            .filter((r) => r.measure_id === m.id)
            .map((r) => ({
              id: r.id,
              reviewedOn: r.reviewed_on,
              outcome: r.outcome,
              notes: this.open('board_measure_reviews', r.id, 'notes', r.notes_enc),
              nextReviewOn: r.next_review_on,
            })),
          // What this reader may record on this measure: an ended or revoked measure takes nothing more (a
          // ratification the judge never answered stays 'pending' as a fact, but can no longer be recorded).
          abilities: {
            review: write && m.status === 'active',
            ratify: write && m.status === 'active' && m.ratification === 'pending',
            end: write && m.status === 'active',
          },
        };
      }),
      abilities: { write },
    };
  }
}
