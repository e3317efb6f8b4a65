// The words of people's rights under the LOPDP, shared by the rights, retention and notices modules and the web app.

/** The rights a person may exercise over their data. */
export const rights = ['access', 'rectification', 'erasure', 'objection', 'restriction', 'portability'] as const;
export type Right = (typeof rights)[number];

/** Where a data-subject request stands. */
export const requestStatuses = ['open', 'answered', 'refused', 'withdrawn'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Why an erasure cannot be done now: a legal hold on one of the person's cases, or an open proceeding. */
export const erasureBlockReasons = ['legal_hold', 'open_proceeding'] as const;
export type ErasureBlockReason = (typeof erasureBlockReasons)[number];

/** Flags on a person that stop referrals and exports. */
export const personFlags = ['restriction', 'objection'] as const;
export type PersonFlag = (typeof personFlags)[number];

/** Record types with a retention schedule. */
export const retentionRecordTypes = [
  'closed_cases',
  'persons',
  'referrals',
  'attachments',
  'audit',
  'reports',
] as const;
export type RetentionRecordType = (typeof retentionRecordTypes)[number];

/** How a request reached the installation. */
export const requestChannels = ['in_person', 'letter', 'email', 'phone'] as const;
export type RequestChannel = (typeof requestChannels)[number];

/** The languages an answer (and the access export) can be written in. */
export const answerLanguages = ['es', 'qu-EC', 'en'] as const;
export type AnswerLanguage = (typeof answerLanguages)[number];

/** How a supervisor closes a request by hand (an erasure is answered by erasing). */
export const answerOutcomes = ['answered', 'refused', 'withdrawn'] as const;
export type AnswerOutcome = (typeof answerOutcomes)[number];

/** Why a request was refused: the erasure blockers, and the grounds a refusal may otherwise rest on. */
export const refusalReasons = [
  'legal_hold',
  'open_proceeding',
  'identity_not_verified',
  'legal_obligation',
  'unfounded',
  'other',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];
