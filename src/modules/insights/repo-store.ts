import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectInsightSnapshotsByPeriod = (q: Q, period: string) =>
  q.selectFrom('insight_snapshots').select('payload').where('period', '=', period).executeTakeFirst();

export const selectInsightSnapshotsBefore = (q: Q, period: string) =>
  q
    .selectFrom('insight_snapshots')
    .select(['period', 'payload'])
    .where('period', '<', period)
    .orderBy('period', 'asc')
    .execute();

export const insertInsightSnapshots = (q: Q, row: Insertable<Database['insight_snapshots']>) =>
  q
    .insertInto('insight_snapshots')
    .values(row)
    .onConflict((oc) => oc.column('period').doNothing())
    .execute();
