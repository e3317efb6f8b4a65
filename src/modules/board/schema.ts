import { z } from 'zod';
import {
  deliveryMethods,
  hearingKinds,
  type measureStatuses,
  noticeLanguages,
  ratificationAnswers,
  reviewOutcomes,
} from './vocabulary';

const date = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const boardParams = z.strictObject({ id: z.uuid(), sub: z.uuid() });
export const pdfQuery = z.strictObject({ lang: z.enum(noticeLanguages).optional() });

export const notificationBody = z.strictObject({
  facts: text(5000),
  request: text(3000),
  language: z.enum(noticeLanguages).default('es'),
});
export const deliveryBody = z.strictObject({
  deliveredAt: z.iso.datetime({ offset: true }),
  method: z.enum(deliveryMethods),
  receiver: text(300),
  /** A file attached to the case (POST /api/cases/{id}/files) proving the delivery. */
  proofFileId: z.uuid(),
});
export const hearingBody = z.strictObject({
  heldOn: date,
  kind: z.enum(hearingKinds),
  attendees: text(2000).optional(),
  notes: text(5000).optional(),
  outcome: text(3000).optional(),
});
export const measureBody = z.strictObject({
  /** A measure_type key of the legal catalogue. */
  type: z.string().min(1).max(60),
  decidedOn: date,
  responsible: text(300),
  startOn: date,
  /** Defaults to the start plus the catalogue's review days. */
  reviewOn: date.optional(),
  hearingId: z.uuid().optional(),
  /** For a measure a judge orders: the court and the judge's order reference. */
  courtReference: text(300).optional(),
  notes: text(3000).optional(),
});
export const reviewBody = z.strictObject({
  reviewedOn: date,
  outcome: z.enum(reviewOutcomes),
  notes: text(3000).optional(),
  nextReviewOn: date.optional(),
});
export const ratificationBody = z.strictObject({
  answer: z.enum(ratificationAnswers),
  on: date,
  courtReference: text(300),
});
export const endBody = z.strictObject({
  status: z.enum(['ended', 'revoked'] as const satisfies readonly (typeof measureStatuses)[number][]),
  on: date,
  reason: text(2000).optional(),
});

const notification = z
  .object({
    id: z.string(),
    createdOn: z.string(),
    language: z.string(),
    facts: z.string(),
    request: z.string(),
    senderOrg: z.string().nullable(),
    officer: z.string().nullable(),
    dueAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    method: z.string().nullable(),
    deliveredBy: z.string().nullable(),
    receiver: z.string().nullable(),
    proofFileId: z.string().nullable(),
    late: z.boolean(),
    overdue: z.boolean(),
  })
  .meta({ id: 'BoardNotification' });
const hearing = z
  .object({
    id: z.string(),
    heldOn: z.string(),
    kind: z.string(),
    attendees: z.string().nullable(),
    notes: z.string().nullable(),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'BoardHearing' });
const review = z
  .object({
    id: z.string(),
    reviewedOn: z.string(),
    outcome: z.string(),
    notes: z.string().nullable(),
    nextReviewOn: z.string().nullable(),
  })
  .meta({ id: 'BoardMeasureReview' });
const measure = z
  .object({
    id: z.string(),
    type: z.string(),
    typeLabel: z.string(),
    source: z.string(),
    decidedBy: z.string(),
    decidedOn: z.string(),
    startOn: z.string(),
    reviewOn: z.string().nullable(),
    status: z.string(),
    responsible: z.string(),
    hearingId: z.string().nullable(),
    notes: z.string().nullable(),
    courtReference: z.string().nullable(),
    ratification: z.string().nullable(),
    ratificationDueOn: z.string().nullable(),
    ratifiedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    endReason: z.string().nullable(),
    reviewOverdue: z.boolean(),
    ratificationOverdue: z.boolean(),
    reviews: z.array(review),
    /** What the reader may record on this measure (review, the judge's answer, its end). */
    abilities: z.object({ review: z.boolean(), ratify: z.boolean(), end: z.boolean() }),
  })
  .meta({ id: 'BoardMeasure' });
export const boardSchema = z
  .object({
    caseId: z.string(),
    caseCode: z.string(),
    isMinor: z.boolean(),
    /** Hours within which the board must be notified (catalogue deadline board_notification). */
    deadlineHours: z.number(),
    notifications: z.array(notification),
    hearings: z.array(hearing),
    measures: z.array(measure),
    abilities: z.object({ write: z.boolean() }),
  })
  .meta({ id: 'Board' });
