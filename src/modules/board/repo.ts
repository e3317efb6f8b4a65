import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;
type T = Database;

export const insertNotification = (q: Q, row: Insertable<T['board_notifications']>) =>
  q.insertInto('board_notifications').values(row).execute();

export const notificationsOf = (q: Q, caseId: string) =>
  q.selectFrom('board_notifications').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();

export const findNotification = (q: Q, caseId: string, id: string) =>
  q.selectFrom('board_notifications').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();

/** Records the delivery once: a notification already delivered is left as it is (0 rows). */
export const deliverNotification = async (q: Q, id: string, set: Updateable<T['board_notifications']>) =>
  Number(
    (
      await q
        .updateTable('board_notifications')
        .set(set)
        .where('id', '=', id)
        .where('delivered_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  );

export const insertHearing = (q: Q, row: Insertable<T['board_hearings']>) =>
  q.insertInto('board_hearings').values(row).execute();

export const hearingsOf = (q: Q, caseId: string) =>
  q.selectFrom('board_hearings').selectAll().where('case_id', '=', caseId).orderBy('held_on', 'desc').execute();

export const findHearing = (q: Q, caseId: string, id: string) =>
  q.selectFrom('board_hearings').select('id').where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();

export const insertMeasure = (q: Q, row: Insertable<T['board_measures']>) =>
  q.insertInto('board_measures').values(row).execute();

export const measuresOf = (q: Q, caseId: string) =>
  q
    .selectFrom('board_measures')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('decided_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();

export const findMeasure = (q: Q, caseId: string, id: string) =>
  q.selectFrom('board_measures').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();

export const updateMeasure = (q: Q, id: string, set: Updateable<T['board_measures']>) =>
  q.updateTable('board_measures').set(set).where('id', '=', id).execute();

export const insertReview = (q: Q, row: Insertable<T['board_measure_reviews']>) =>
  q.insertInto('board_measure_reviews').values(row).execute();

export const reviewsOf = (q: Q, caseId: string) =>
  q
    .selectFrom('board_measure_reviews')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('reviewed_on', 'desc')
    .execute();

/** The case file with this id, when it is attached to this case. */
export const caseFile = (q: Q, caseId: string, id: string) =>
  q
    .selectFrom('case_files')
    .select(['id', 'mime'])
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .executeTakeFirst();

export const organisationName = async (q: Q, id: string) =>
  (await q.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;

/** The demo seed's idempotence: whether this case has any board record yet. */
export const hasBoardRecords = async (q: Q, caseId: string) =>
  Boolean(await q.selectFrom('board_notifications').select('id').where('case_id', '=', caseId).executeTakeFirst()) ||
  Boolean(await q.selectFrom('board_measures').select('id').where('case_id', '=', caseId).executeTakeFirst());

/** The demo seed's child: the first child's case registered in this parish. */
export const childCaseIn = async (q: Q, division: string) =>
  (
    await q
      .selectFrom('cases')
      .select('id')
      .where('division_code', '=', division)
      .where('is_minor', '=', 1)
      .orderBy('created_at')
      .executeTakeFirst()
  )?.id;
