import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database, RecordChangeTable } from '../../platform/db/types';
import { type RecordType, recordTable } from './record-fields';

type Q = Db | Transaction<Database>;
type Row = Record<string, unknown> & { id: string; version: number };

/** One record of a case by its type and id. */
export const selectRecord = (q: Q, type: RecordType, id: string) =>
  (q as Db)
    .selectFrom(recordTable[type] as 'cases')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst() as Promise<Row | undefined>;

/** Writes the columns only if the record is still at `version`, raising it by one; answers whether it was. */
export const updateRecordAt = async (
  q: Q,
  type: RecordType,
  id: string,
  version: number,
  set: Record<string, unknown>,
) =>
  Number(
    (
      await (q as Db)
        .updateTable(recordTable[type] as 'cases')
        .set({ ...set, version: version + 1 } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const insertRecord = (q: Q, type: 'event' | 'perpetrator', row: Record<string, unknown>) =>
  (q as Db)
    .insertInto(recordTable[type] as 'case_events')
    .values(row as never)
    .execute();

export const deleteRecordAt = async (q: Q, type: 'event' | 'perpetrator', id: string, version: number) =>
  Number(
    (
      await (q as Db)
        .deleteFrom(recordTable[type] as 'case_events')
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst()
    ).numDeletedRows,
  ) === 1;

export const insertRecordChange = (q: Q, row: Insertable<RecordChangeTable>) =>
  q.insertInto('record_changes').values(row).execute();

/** The fields changed in a record after a version (for the merge). */
export const selectChangesSince = (q: Q, type: RecordType, id: string, version: number) =>
  q
    .selectFrom('record_changes')
    .select(['fields', 'version'])
    .where('record_type', '=', type)
    .where('record_id', '=', id)
    .where('version', '>', version)
    .execute();

/** A case's changes, newest first. */
export const selectChangesOfCase = (q: Q, caseId: string, limit: number) =>
  q
    .selectFrom('record_changes')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at', 'desc')
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();

export const selectChange = (q: Q, caseId: string, id: string) =>
  q.selectFrom('record_changes').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();

export const selectTaskKinds = (q: Q, caseId: string) =>
  q.selectFrom('case_tasks').select('kind').where('case_id', '=', caseId).execute();

export const touchCase = (q: Q, caseId: string, at: string) =>
  q.updateTable('cases').set({ updated_at: at }).where('id', '=', caseId).execute();
