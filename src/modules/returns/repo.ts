import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;
type Row<T extends keyof Database> = Insertable<Database[T]>;

export const insertExchange = (q: Q, row: Row<'cross_border_exchanges'>) =>
  q.insertInto('cross_border_exchanges').values(row).execute();
export const insertDocument = (q: Q, row: Row<'cross_border_documents'>) =>
  q.insertInto('cross_border_documents').values(row).execute();
export const insertTracing = (q: Q, row: Row<'family_tracings'>) =>
  q.insertInto('family_tracings').values(row).execute();
export const insertAssessment = (q: Q, row: Row<'family_assessments'>) =>
  q.insertInto('family_assessments').values(row).execute();
export const insertReturn = (q: Q, row: Row<'case_returns'>) => q.insertInto('case_returns').values(row).execute();
export const insertPlan = (q: Q, row: Row<'reintegration_plans'>) =>
  q.insertInto('reintegration_plans').values(row).execute();
export const insertVisit = (q: Q, row: Row<'monitoring_visits'>) =>
  q.insertInto('monitoring_visits').values(row).execute();

export const exchangesOf = (q: Q, caseId: string) =>
  q
    .selectFrom('cross_border_exchanges')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('exchanged_on')
    .orderBy('created_at')
    .execute();
export const exchangeOf = (q: Q, caseId: string, id: string) =>
  q
    .selectFrom('cross_border_exchanges')
    .select('id')
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
/** The documents of a case's exchanges with the case file's sealed name. */
export const documentsOf = (q: Q, caseId: string) =>
  q
    .selectFrom('cross_border_documents as d')
    .leftJoin('case_files as f', 'f.id', 'd.file_id')
    .select(['d.id', 'd.exchange_id', 'd.file_id', 'd.doc_type', 'f.name_enc'])
    .where('d.case_id', '=', caseId)
    .orderBy('d.created_at')
    .execute();
/** True when the file is attached to this case. */
export const caseFileExists = async (q: Q, caseId: string, fileId: string) =>
  Boolean(
    await q
      .selectFrom('case_files')
      .select('id')
      .where('id', '=', fileId)
      .where('case_id', '=', caseId)
      .executeTakeFirst(),
  );

export const tracingsOf = (q: Q, caseId: string) =>
  q
    .selectFrom('family_tracings')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('traced_on')
    .orderBy('created_at')
    .execute();
export const assessmentsOf = (q: Q, caseId: string) =>
  q
    .selectFrom('family_assessments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('assessed_on')
    .orderBy('created_at')
    .execute();
export const returnsOf = (q: Q, caseId: string) =>
  q
    .selectFrom('case_returns')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('departed_on')
    .orderBy('created_at')
    .execute();
export const returnOf = (q: Q, caseId: string, id: string) =>
  q.selectFrom('case_returns').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
export const updateReturn = (q: Q, id: string, set: Updateable<Database['case_returns']>) =>
  q.updateTable('case_returns').set(set).where('id', '=', id).execute();

export const plansOf = (q: Q, caseId: string) =>
  q.selectFrom('reintegration_plans').selectAll().where('case_id', '=', caseId).execute();
export const planOf = (q: Q, caseId: string, id: string) =>
  q.selectFrom('reintegration_plans').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
export const planOfReturn = (q: Q, returnId: string) =>
  q.selectFrom('reintegration_plans').select('id').where('return_id', '=', returnId).executeTakeFirst();
/** Closes a plan that is still open; the count says whether this call closed it. */
export const closePlan = (q: Q, id: string, set: Updateable<Database['reintegration_plans']>) =>
  q.updateTable('reintegration_plans').set(set).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();

export const visitsOf = (q: Q, caseId: string) =>
  q.selectFrom('monitoring_visits').selectAll().where('case_id', '=', caseId).orderBy('due_on').execute();
export const visitOf = (q: Q, caseId: string, id: string) =>
  q.selectFrom('monitoring_visits').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
/** Records a visit not yet recorded; the count says whether this call recorded it. */
export const recordVisit = (q: Q, id: string, set: Updateable<Database['monitoring_visits']>) =>
  q.updateTable('monitoring_visits').set(set).where('id', '=', id).where('done_on', 'is', null).executeTakeFirst();

/** Whether the case's tasks (by id) are still open: a visit whose plan was closed keeps no open task. */
export const openTaskIds = async (q: Q, caseId: string) =>
  new Set(
    (
      await q.selectFrom('case_tasks').select('id').where('case_id', '=', caseId).where('done_at', 'is', null).execute()
    ).map((r) => r.id),
  );

export const organisationNames = async (q: Q, ids: string[]) =>
  ids.length
    ? new Map(
        (await q.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute()).map((r) => [
          r.id,
          r.name,
        ]),
      )
    : new Map<string, string>();

export const providerNames = async (q: Q, ids: string[]) =>
  ids.length
    ? new Map(
        (await q.selectFrom('providers').select(['id', 'name', 'kind']).where('id', 'in', ids).execute()).map((r) => [
          r.id,
          { name: r.name, kind: r.kind },
        ]),
      )
    : new Map<string, { name: string; kind: string }>();
