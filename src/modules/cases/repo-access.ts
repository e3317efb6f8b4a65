import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectCasesByPersonId = (q: Q, personId: string) =>
  q.selectFrom('cases').select('id').where('person_id', '=', personId).execute();
