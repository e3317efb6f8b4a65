import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { CaseEventTable, Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectDivisionsByLevel = (q: Q) =>
  q.selectFrom('divisions').select('code').where('level', '=', 2).execute();

export const insertCaseEvents = (q: Q, e: CaseEventTable) => q.insertInto('case_events').values(e).execute();
