import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export type ScheduleRow = Database['retention_schedules'];
export type NoticeRow = Database['retention_notices'];

/** Every schedule row. */
export const selectSchedules = (q: Q) => q.selectFrom('retention_schedules').selectAll().execute();

/** One schedule row. */
export const selectSchedule = (q: Q, recordType: string) =>
  q.selectFrom('retention_schedules').selectAll().where('record_type', '=', recordType).executeTakeFirst();

/** Changes one schedule row. */
export const updateSchedule = (q: Q, recordType: string, patch: Partial<ScheduleRow>) =>
  q.updateTable('retention_schedules').set(patch).where('record_type', '=', recordType).executeTakeFirst();

/** The notice on a record, made (not warned, not held) unless it exists; two runs at once make it once. */
export const ensureNotice = (
  q: Q,
  row: { record_type: string; record_id: string; case_id: string | null; due_on: string; updated_at: string },
) =>
  q
    .insertInto('retention_notices')
    .values({ ...row, held: 0, warned_at: null, done_at: null })
    .onConflict((oc) => oc.columns(['record_type', 'record_id']).doNothing())
    .execute();

/** One notice. */
export const selectNotice = (q: Q, recordType: string, recordId: string) =>
  q
    .selectFrom('retention_notices')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .executeTakeFirst();

/**
 * Marks the open notice held (and forgets an earlier warning: a lifted hold warns again); answers the rows this call
 * changed, so a hold already seen is not written again.
 */
export const markHeld = (q: Q, recordType: string, recordId: string, at: string) =>
  q
    .updateTable('retention_notices')
    .set({ held: 1, warned_at: null, updated_at: at })
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('done_at', 'is', null)
    .where((w) => w.or([w('held', '=', 0), w('warned_at', 'is not', null)]))
    .returning('record_id')
    .execute();

/** Marks the open notice warned, due on `dueOn`, unless another run did; answers the rows this call marked. */
export const markWarned = (q: Q, recordType: string, recordId: string, dueOn: string, at: string) =>
  q
    .updateTable('retention_notices')
    .set({ held: 0, warned_at: at, due_on: dueOn, updated_at: at })
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('warned_at', 'is', null)
    .where('done_at', 'is', null)
    .returning('record_id')
    .execute();

/** Marks the warned notice done unless another run did; answers the rows this call marked. */
export const markDone = (q: Q, recordType: string, recordId: string, at: string) =>
  q
    .updateTable('retention_notices')
    .set({ done_at: at, updated_at: at })
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('warned_at', 'is not', null)
    .where('done_at', 'is', null)
    .returning('record_id')
    .execute();

/** The notices of a record type not done yet. */
export const openNotices = (q: Q, recordType: string) =>
  q
    .selectFrom('retention_notices')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('done_at', 'is', null)
    .execute();

/** Forgets open notices whose record is no longer due (reopened, anonymised otherwise, a longer schedule). */
export const deleteOpenNotices = (q: Q, recordType: string, recordIds: string[]) =>
  recordIds.length
    ? q
        .deleteFrom('retention_notices')
        .where('record_type', '=', recordType)
        .where('record_id', 'in', recordIds)
        .where('done_at', 'is', null)
        .execute()
    : Promise.resolve([]);

/** Open notices (warned or held) with their case's code and place, soonest due first. */
export const upcomingNotices = (q: Q) =>
  q
    .selectFrom('retention_notices as n')
    .leftJoin('cases as c', 'c.id', 'n.case_id')
    .select([
      'n.record_type',
      'n.record_id',
      'n.case_id',
      'n.due_on',
      'n.warned_at',
      'n.held',
      'c.code as case_code',
      'c.country_code',
      'c.division_code',
    ])
    .where('n.done_at', 'is', null)
    .where((w) => w.or([w('n.warned_at', 'is not', null), w('n.held', '=', 1)]))
    .orderBy('n.due_on')
    .orderBy('n.record_id')
    .execute();
