import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const insertCaseFiles = (q: Q, row: Insertable<Database['case_files']>) =>
  q.insertInto('case_files').values(row).execute();

export const selectCaseFilesByCaseId = (q: Q, caseId: string) =>
  q.selectFrom('case_files').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();

export const selectCaseFilesByCaseIdAndId = (q: Q, fileId: string, caseId: string) =>
  q.selectFrom('case_files').selectAll().where('id', '=', fileId).where('case_id', '=', caseId).executeTakeFirst();
