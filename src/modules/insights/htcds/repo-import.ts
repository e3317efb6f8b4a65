import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../../platform/db/index';
import type { Database } from '../../../platform/db/types';

type Q = Db | Transaction<Database>;

export const insertHtcdsImports = (q: Q, job: Insertable<Database['htcds_imports']>) =>
  q.insertInto('htcds_imports').values(job).execute();

export const updateHtcdsImportsByCreatedAtAndStatus = (
  q: Q,
  set: Updateable<Database['htcds_imports']>,
  before: string,
) =>
  q.updateTable('htcds_imports').set(set).where('status', '=', 'validated').where('created_at', '<', before).execute();

export const selectHtcdsImportsById = (q: Q, id: string) =>
  q.selectFrom('htcds_imports').selectAll().where('id', '=', id).executeTakeFirst();

export const updateHtcdsImportsByStatusAndId = (q: Q, set: Updateable<Database['htcds_imports']>, id: string) =>
  q.updateTable('htcds_imports').set(set).where('id', '=', id).where('status', '=', 'validated').executeTakeFirst();

export const updateHtcdsImportsById2 = (q: Q, set: Updateable<Database['htcds_imports']>, id: string) =>
  q.updateTable('htcds_imports').set(set).where('id', '=', id).execute();

export const selectHtcdsImportsById2 = (q: Q, id: string) =>
  q.selectFrom('htcds_imports').select('problems').where('id', '=', id).executeTakeFirstOrThrow();

export const insertConsents = (q: Q, row: Insertable<Database['consents']>) =>
  q.insertInto('consents').values(row).execute();

/** The rows an import has taken so far, with what became of each. */
export const selectImportRows = (q: Q, importId: string) =>
  q
    .selectFrom('htcds_import_rows')
    .select(['row_no', 'case_id', 'linked', 'minor', 'state'])
    .where('import_id', '=', importId)
    .execute();

/** Records a row as taken; inside the case's transaction it fails (and undoes the case) if another run took it. */
export const insertImportRow = (q: Q, row: Insertable<Database['htcds_import_rows']>) =>
  q.insertInto('htcds_import_rows').values(row).execute();

/** Records a row as failed unless another run has taken it. */
export const insertFailedRow = (q: Q, importId: string, rowNo: number) =>
  q
    .insertInto('htcds_import_rows')
    .values({ import_id: importId, row_no: rowNo, case_id: null, state: 'failed' })
    .onConflict((oc) => oc.columns(['import_id', 'row_no']).doNothing())
    .execute();

/** Moves an opened row on (to done or failed); answers whether this call moved it (only one run can). */
export async function settleImportRow(q: Q, importId: string, rowNo: number, state: 'done' | 'failed') {
  const r = await q
    .updateTable('htcds_import_rows')
    .set({ state })
    .where('import_id', '=', importId)
    .where('row_no', '=', rowNo)
    .where('state', '=', 'opened')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Rows taken, cases imported and of them linked to an existing person, counted from the rows' records. */
export async function countImportRows(q: Q, importId: string) {
  const r = await q
    .selectFrom('htcds_import_rows')
    .select((eb) => [
      eb.fn.countAll<number>().as('processed'),
      eb.fn.sum<number>(eb.case().when('state', '=', 'done').then(1).else(0).end()).as('imported'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('state', '=', 'done'), eb('linked', '=', 1)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('linked'),
    ])
    .where('import_id', '=', importId)
    .executeTakeFirstOrThrow();
  return { processed: Number(r.processed), imported: Number(r.imported ?? 0), linked: Number(r.linked ?? 0) };
}

/** The import's rows that failed, by row number. */
export const selectFailedRows = (q: Q, importId: string) =>
  q
    .selectFrom('htcds_import_rows')
    .select('row_no')
    .where('import_id', '=', importId)
    .where('state', '=', 'failed')
    .orderBy('row_no')
    .execute();

/** Ends a running import; answers whether this call ended it (only one run can). */
export async function finishImport(q: Q, id: string, set: Updateable<Database['htcds_imports']>) {
  const r = await q
    .updateTable('htcds_imports')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Running imports without progress since `stalled`, touched so that only this call resumes each; answers their ids. */
export const touchStalled = (q: Q, stalled: string, now: string) =>
  q
    .updateTable('htcds_imports')
    .set({ updated_at: now })
    .where('status', '=', 'running')
    .where('updated_at', '<', stalled)
    .returning('id')
    .execute();

/** Running imports started before `before` (given up on). */
export const failStartedBefore = (q: Q, before: string, now: string) =>
  q
    .updateTable('htcds_imports')
    .set({ status: 'failed', rows_enc: null, updated_at: now, finished_at: now })
    .where('status', '=', 'running')
    .where('created_at', '<', before)
    .execute();

/** Whether the case (just opened, in the same transaction) is a child's. */
export async function caseIsMinor(q: Q, caseId: string): Promise<boolean> {
  const r = await q.selectFrom('cases').select('is_minor').where('id', '=', caseId).executeTakeFirstOrThrow();
  return Number(r.is_minor) === 1;
}
