import { z } from 'zod';

/** Forms of exploitation a reporter can tick (each with a pictogram). */
export const reportForms = ['begging', 'labour', 'domestic', 'sexual', 'forced_marriage', 'other'] as const;
/** The text of a report that is only a voice note: the screens show it in words, in the reader's language. */
export const spokenReport = '🎤';
export const reportStatuses = ['new', 'in_review', 'referred', 'unfounded', 'closed'] as const;

const yesNo = z.enum(['yes', 'no', 'unknown']).optional();
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** The public report form as the browser posts it (urlencoded or multipart, every value a string). */
export const reportFormBody = z.object({
  lang: z.string().max(10).optional(),
  /** May stay empty when a voice note says it instead. */
  what: z.string().trim().max(5000).default(''),
  division: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,32}$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  placeText: text(300),
  whenText: text(200),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  forms: z.union([z.enum(reportForms), z.array(z.enum(reportForms))]).optional(),
  child: yesNo,
  people: z
    .string()
    .regex(/^\d{0,3}$/)
    .optional(),
  danger: yesNo,
  contact: text(300),
  token: z.string().max(200),
  website: z.string().max(0).optional(),
});
export type ReportFormBody = z.infer<typeof reportFormBody>;

export const receiptBody = z.object({ lang: z.string().max(10).optional(), receipt: z.string().max(40) });
export const reporterMessageBody = z.object({
  lang: z.string().max(10).optional(),
  body: z.string().trim().min(1).max(5000),
});

export const reportListItem = z
  .object({
    id: z.string(),
    code: z.string(),
    status: z.enum(reportStatuses),
    channel: z.string(),
    /** The language the reporter wrote in (es, en, qu-EC): answer in it. */
    language: z.string(),
    division: z.object({ country: z.string(), code: z.string(), label: z.string(), known: z.boolean() }),
    forms: z.array(z.string()),
    childInvolved: z.boolean().nullable(),
    peopleCount: z.number().nullable(),
    dangerNow: z.boolean(),
    occurredMonth: z.string().nullable(),
    assigneeUserId: z.string().nullable(),
    caseCode: z.string().nullable(),
    createdAt: z.string(),
    reporterActivityAt: z.string(),
    purgesOn: z.string().nullable(),
    awaitingReply: z.boolean(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: 'ReportListItem' });

export const reportMessage = z
  .object({ id: z.string(), author: z.enum(['reporter', 'staff']), body: z.string(), createdAt: z.string() })
  .meta({ id: 'ReportMessage' });

export const reportDetail = reportListItem
  .extend({
    what: z.string(),
    placeText: z.string().nullable(),
    whenText: z.string().nullable(),
    contact: z.string().nullable(),
    messages: z.array(reportMessage),
    files: z.array(z.object({ id: z.string(), kind: z.string(), mime: z.string(), size: z.number() })),
  })
  .meta({ id: 'ReportDetail' });

export const reportQuery = z.strictObject({
  status: z.enum(reportStatuses).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const assignBody = z.strictObject({ userId: z.uuid().nullable() });
export const statusBody = z.strictObject({
  status: z.enum(reportStatuses),
  reason: z.string().trim().max(500).optional(),
});
export const staffMessageBody = z.strictObject({ body: z.string().trim().min(1).max(5000) });
export const linkCaseBody = z.strictObject({
  caseCode: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}-\d{4}-\d{4}$/),
});
