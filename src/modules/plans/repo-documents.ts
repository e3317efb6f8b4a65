import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;
type Parent = 'plan' | 'agreement';

export const selectPlanActionsByPlanIdAndId = (q: Q, actionId: string, parentId: string) =>
  q
    .selectFrom('plan_actions')
    .select('id')
    .where('id', '=', actionId)
    .where('plan_id', '=', parentId)
    .executeTakeFirst();

export const selectPolicyInstrumentsByPlanIdAndId = (q: Q, instrumentId: string, parentId: string) =>
  q
    .selectFrom('policy_instruments')
    .select('id')
    .where('id', '=', instrumentId)
    .where('plan_id', '=', parentId)
    .executeTakeFirst();

export const insertPlanDocuments = (q: Q, row: Insertable<Database['plan_documents']>) =>
  q.insertInto('plan_documents').values(row).execute();

export const selectPlanDocumentsByParentIdAndParentType = (q: Q, type: Parent, parentId: string) =>
  q
    .selectFrom('plan_documents')
    .selectAll()
    .where('parent_type', '=', type)
    .where('parent_id', '=', parentId)
    .orderBy('created_at')
    .execute();

export const selectPlanDocumentsByParentIdAndParentType2 = (q: Q, id: string, type: Parent, parentId: string) =>
  q
    .selectFrom('plan_documents')
    .selectAll()
    .where('id', '=', id)
    .where('parent_type', '=', type)
    .where('parent_id', '=', parentId)
    .executeTakeFirst();
