import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const insertCaseEvents = (q: Q, row: Insertable<Database['case_events']>) =>
  q.insertInto('case_events').values(row).execute();

export const insertCasePerpetrators = (q: Q, row: Insertable<Database['case_perpetrators']>) =>
  q.insertInto('case_perpetrators').values(row).execute();

export const insertCaseTasks = (q: Q, row: Insertable<Database['case_tasks']>) =>
  q.insertInto('case_tasks').values(row).execute();
