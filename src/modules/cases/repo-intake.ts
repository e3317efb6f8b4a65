import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const insertCaseTasks = (q: Q, row: Insertable<Database['case_tasks']>) =>
  q.insertInto('case_tasks').values(row).execute();
