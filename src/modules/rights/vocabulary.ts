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
