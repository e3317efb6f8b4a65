import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const insertCaseTransfers = (q: Q, row: Insertable<Database['case_transfers']>) =>
  q.insertInto('case_transfers').values(row).execute();

export const selectCaseTransfersByCaseId = (q: Q, caseId: string) =>
  q
    .selectFrom('case_transfers as t')
    .innerJoin('organisations as o', 'o.id', 't.to_org_id')
    .select(['t.id', 't.case_id', 't.to_org_id', 't.to_user_id', 't.status', 't.created_at', 'o.name'])
    .where('t.case_id', '=', caseId)
    .orderBy('t.created_at', 'desc')
    .execute();

export const selectCaseTransfersByStatus = (q: Q, userId: string, orgId: string) =>
  q
    .selectFrom('case_transfers as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .select(['t.id', 't.case_id', 't.to_org_id', 't.to_user_id', 't.status', 'c.code'])
    .where('t.status', '=', 'pending')
    .where((eb) =>
      eb.or([eb('t.to_user_id', '=', userId), eb.and([eb('t.to_user_id', 'is', null), eb('t.to_org_id', '=', orgId)])]),
    )
    .execute();

export const selectCaseTransfersById = (q: Q, id: string) =>
  q.selectFrom('case_transfers').selectAll().where('id', '=', id).executeTakeFirst();

export const updateCaseTransfersById = (q: Q, set: Updateable<Database['case_transfers']>, id: string) =>
  q.updateTable('case_transfers').set(set).where('id', '=', id).execute();

export const updateCasesById = (q: Q, set: Updateable<Database['cases']>, case_id: string) =>
  q.updateTable('cases').set(set).where('id', '=', case_id).execute();
