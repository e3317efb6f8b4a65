import type { Insertable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectInsightSnapshotsByPeriod = (q: Q, period: string) =>
  q.selectFrom('insight_snapshots').select('payload').where('period', '=', period).executeTakeFirst();

export const selectInsightSnapshotsByPeriod2 = (q: Q, period: string) =>
  q
    .selectFrom('insight_snapshots')
    .select(['period', 'payload'])
    .where('period', '<', period)
    .orderBy('period', 'desc')
    .executeTakeFirst();

export const insertInsightSnapshots = (q: Q, row: Insertable<Database['insight_snapshots']>) =>
  q
    .insertInto('insight_snapshots')
    .values(row)
    .onConflict((oc) => oc.column('period').doNothing())
    .execute();

export const selectCases = (q: Q) =>
  q
    .selectFrom('cases')
    .select([sql<number>`count(*)`.as('n'), sql<string | null>`max(updated_at)`.as('u')])
    .executeTakeFirstOrThrow();

export const selectPersons = (q: Q) =>
  q.selectFrom('persons').select(sql<string | null>`max(updated_at)`.as('u')).executeTakeFirstOrThrow();

export const selectCaseEvents = (q: Q) =>
  q.selectFrom('case_events').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
