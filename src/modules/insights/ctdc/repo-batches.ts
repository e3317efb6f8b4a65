import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../../platform/db/index';
import type { Database } from '../../../platform/db/types';

type Q = Db | Transaction<Database>;

/** Rows per insert statement: well under the bound-parameter limits of SQLite and PostgreSQL. */
const chunk = 500;
const inChunks = async <T>(items: T[], fn: (part: T[]) => Promise<unknown>) => {
  for (let i = 0; i < items.length; i += chunk) await fn(items.slice(i, i + chunk));
};

export const selectCtdcBatchByScopeAndPeriod = (q: Q, scope: string, period: string) =>
  q.selectFrom('ctdc_batches').selectAll().where('scope', '=', scope).where('period', '=', period).executeTakeFirst();

export const selectCtdcBatchesByScope = (q: Q, scope: string) =>
  q.selectFrom('ctdc_batches').selectAll().where('scope', '=', scope).orderBy('number').execute();

/**
 * Inserts a batch unless another process decided the scope's period or took its number meanwhile. No conflict
 * target: PostgreSQL raises on a unique index other than a named target, so a racing (scope, number) is skipped too.
 */
export const insertCtdcBatch = (q: Q, row: Insertable<Database['ctdc_batches']>) =>
  q
    .insertInto('ctdc_batches')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();

export const insertCtdcRows = (q: Q, rows: Insertable<Database['ctdc_rows']>[]) =>
  inChunks(rows, (part) => q.insertInto('ctdc_rows').values(part).execute());

export const selectCtdcRowsByScope = (q: Q, scope: string) =>
  q
    .selectFrom('ctdc_rows')
    .select(['batch_number', 'row'])
    .where('scope', '=', scope)
    .orderBy('batch_number')
    .orderBy('position')
    .execute();

export const selectCtdcPublishedByScope = (q: Q, scope: string) =>
  q.selectFrom('ctdc_published').select('person_id').where('scope', '=', scope).execute();

export const insertCtdcPublished = (q: Q, rows: Insertable<Database['ctdc_published']>[]) =>
  inChunks(rows, (part) => q.insertInto('ctdc_published').values(part).execute());
