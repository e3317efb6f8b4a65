import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database, SharingAgreementTable } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const insertAgreement = (q: Q, row: SharingAgreementTable) =>
  q.insertInto('sharing_agreements').values(row).execute();

export const findAgreement = (q: Q, id: string) =>
  q.selectFrom('sharing_agreements').selectAll().where('id', '=', id).executeTakeFirst();

/** Every agreement, newest first (an installation has a handful). */
export const listAgreements = (q: Q) =>
  q.selectFrom('sharing_agreements').selectAll().orderBy('created_at', 'desc').limit(1000).execute();

export const endAgreement = (q: Q, id: string, set: { ended_at: string; ended_by: string }) =>
  q.updateTable('sharing_agreements').set(set).where('id', '=', id).where('ended_at', 'is', null).execute();

/** Agreements to this organisation not ended by hand and running on this day (YYYY-MM-DD). */
export const agreementsRunningTo = (q: Q, orgId: string, day: string) =>
  q
    .selectFrom('sharing_agreements')
    .selectAll()
    .where('to_org_id', '=', orgId)
    .where('ended_at', 'is', null)
    .where('starts_on', '<=', day)
    .where('ends_on', '>', day)
    .execute();
