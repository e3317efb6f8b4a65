// What each retention schedule does when a record's time is up (shared with the web app).
import type { RetentionRecordType } from '../rights/vocabulary';

export { type RetentionRecordType, retentionRecordTypes } from '../rights/vocabulary';

/** What happens to a record of each type when its time is up (after the warning, unless held). */
export const retentionActions = {
  closed_cases: 'anonymise',
  persons: 'anonymise',
  referrals: 'destroy_text',
  attachments: 'delete_files',
  audit: 'keep',
  reports: 'delete',
} as const satisfies Record<RetentionRecordType, string>;
export type RetentionAction = (typeof retentionActions)[RetentionRecordType];

/** Record types whose period counts days (public reports); the others count months. */
export const dayCounted: readonly RetentionRecordType[] = ['reports'];

/** Bounds of a schedule's numbers (checked on every change). */
export const retentionBounds = { months: [1, 1200], days: [1, 3650], warningDays: [1, 365] } as const;
