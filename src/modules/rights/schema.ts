import { z } from 'zod';
import {
  answerLanguages,
  answerOutcomes,
  erasureBlockReasons,
  personFlags,
  refusalReasons,
  requestChannels,
  requestStatuses,
  rights,
} from './vocabulary';

// The rights API's bodies and answers: route validation, OpenAPI and the web forms read these.

const day = z.iso.date();
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const requestParams = z.strictObject({ id: z.uuid() });
export const flagParams = z.strictObject({ flagId: z.uuid() });
export const holdParams = z.strictObject({ id: z.uuid(), holdId: z.uuid() });

export const requestListQuery = z.strictObject({
  status: z.enum(requestStatuses).optional(),
  right: z.enum(rights).optional(),
});

/** A request as it arrives: the case it is logged from, the right, who asked, how, in which language, when. */
export const requestCreate = z.strictObject({
  caseId: z.uuid(),
  right: z.enum(rights),
  /** Who asked: the person, a guardian, a lawyer… (sealed). */
  requester: text(2, 200),
  channel: z.enum(requestChannels),
  /** The language the answer (and the access export) is written in. */
  language: z.enum(answerLanguages),
  /** Not in the future (business clock) and not more than a year ago. */
  receivedOn: day,
  /** What was asked, in the staff's words (sealed). */
  note: text(1, 4000).optional(),
});

/** Closing a request by hand: answered, refused (with its reason) or withdrawn, with a note (sealed). */
export const answerBody = z.strictObject({
  outcome: z.enum(answerOutcomes),
  note: text(1, 4000),
  /** Required when refused, refused otherwise. */
  refusalReason: z.enum(refusalReasons).optional(),
});

/** Erasure needs the code of the case the request was logged from, typed again. */
export const eraseBody = z.strictObject({ confirmCode: text(1, 40) });

export const flagBody = z.strictObject({ flag: z.enum(personFlags) });

/** Lifting a flag or a hold says why (sealed). */
export const liftBody = z.strictObject({ reason: text(2, 2000) });

/** A legal hold: why, and on what basis (e.g. an official letter of the prosecutor's office), both sealed. */
export const holdBody = z.strictObject({ reason: text(2, 2000), basis: text(2, 500) });

/** What keeps a person's records from erasure: the reason and the case it is about. */
export const erasureBlocker = z.object({ reason: z.enum(erasureBlockReasons), caseCode: z.string() });

export const flagSchema = z
  .object({
    id: z.string(),
    flag: z.enum(personFlags),
    requestId: z.string().nullable(),
    requestCode: z.string().nullable(),
    setAt: z.string(),
    setBy: z.string().nullable(),
    active: z.boolean(),
    liftedAt: z.string().nullable(),
    liftedBy: z.string().nullable(),
    liftReason: z.string().nullable(),
  })
  .meta({ id: 'PersonFlag' });

export const holdSchema = z
  .object({
    id: z.string(),
    reason: z.string().nullable(),
    basis: z.string().nullable(),
    placedAt: z.string(),
    placedBy: z.string().nullable(),
    active: z.boolean(),
    liftedAt: z.string().nullable(),
    liftedBy: z.string().nullable(),
    liftReason: z.string().nullable(),
  })
  .meta({ id: 'LegalHold' });

const requestCore = {
  id: z.string(),
  code: z.string(),
  right: z.enum(rights),
  status: z.enum(requestStatuses),
  caseId: z.string(),
  caseCode: z.string(),
  channel: z.enum(requestChannels),
  language: z.enum(answerLanguages),
  receivedOn: z.string(),
  dueOn: z.string(),
  /** Days until the due date on the business clock while open (negative: overdue); null once closed. */
  daysLeft: z.number().nullable(),
  overdue: z.boolean(),
  answeredOn: z.string().nullable(),
};

export const requestList = z
  .object({ items: z.array(z.object(requestCore)), abilities: z.object({ create: z.boolean() }) })
  .meta({ id: 'DataRequestList' });

export const requestDetail = z
  .object({
    ...requestCore,
    /** The person's name while it exists (null once anonymised). */
    personName: z.string().nullable(),
    requester: z.string().nullable(),
    note: z.string().nullable(),
    answeredBy: z.string().nullable(),
    /** The answer's note. */
    outcome: z.string().nullable(),
    refusalReason: z.enum(refusalReasons).nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    /** For an erasure: what keeps the person's records now, computed live (empty: nothing); null for other rights. */
    blockers: z.array(erasureBlocker).nullable(),
    /** For a rectification: the case whose living record is corrected (each change there asks for a reason). */
    rectifyCaseId: z.string().nullable(),
    /** The person's restriction and objection flags, lifted ones too. */
    flags: z.array(flagSchema),
    /** When the person's records were anonymised (null while they exist). */
    anonymisedAt: z.string().nullable(),
    abilities: z.object({
      answer: z.boolean(),
      erase: z.boolean(),
      flag: z.boolean(),
      export: z.boolean(),
    }),
  })
  .meta({ id: 'DataRequest' });

export const holdsView = z
  .object({ holds: z.array(holdSchema), abilities: z.object({ place: z.boolean() }) })
  .meta({ id: 'LegalHolds' });

/** What the case page's privacy card shows. */
export const privacyView = z
  .object({
    flags: z.array(flagSchema),
    holds: z.array(holdSchema),
    /** A complaint of the case has no outcome yet: the record is needed by the proceeding. */
    openProceeding: z.boolean(),
    anonymisedAt: z.string().nullable(),
    /** The case's retention notice: the day it is anonymised, or that a hold keeps it past that day (null: none). */
    retention: z.object({ dueOn: z.string(), held: z.boolean() }).nullable(),
    abilities: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'CasePrivacy' });

export type RequestCreate = z.infer<typeof requestCreate>;
export type AnswerBody = z.infer<typeof answerBody>;
export type RequestDetail = z.infer<typeof requestDetail>;
export type RequestListItem = z.infer<typeof requestList>['items'][number];
export type FlagView = z.infer<typeof flagSchema>;
export type HoldView = z.infer<typeof holdSchema>;
export type PrivacyView = z.infer<typeof privacyView>;
