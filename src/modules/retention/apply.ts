import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/types';
import * as due from './repo-due';

type Trx = Transaction<Database>;

/** A referral's free text destroyed (reasons, details, service notes); who, when, what services and status stay. */
export async function applyReferral(trx: Trx, referralId: string) {
  return { count: await due.clearReferralText(trx, referralId) };
}

/**
 * A closed case's attached files deleted: the rows in `trx`, the stored bytes (named `case-<file id>` by the cases
 * module) handed back to be deleted after the commit.
 */
export async function applyAttachments(trx: Trx, caseId: string) {
  const gone = await due.deleteCaseFiles(trx, caseId);
  return { count: gone.length, blobs: gone.map((f) => `case-${f.id}`) };
}
