import type { Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectCasesByPersonId = (q: Q, personId: string) =>
  q.selectFrom('cases').select('id').where('person_id', '=', personId).execute();

export const updatePersonsByMergedIntoAndId = (q: Q, set: Updateable<Database['persons']>, duplicateId: string) =>
  q.updateTable('persons').set(set).where('id', '=', duplicateId).where('merged_into', 'is', null).executeTakeFirst();

export const updateCasesByOriginalPersonIdAndPersonId = (
  q: Q,
  set: Updateable<Database['cases']>,
  duplicateId: string,
) =>
  q
    .updateTable('cases')
    .set(set)
    .where('person_id', '=', duplicateId)
    .where('original_person_id', 'is', null)
    .execute();

export const updateCasesByPersonId = (q: Q, set: Updateable<Database['cases']>, duplicateId: string) =>
  q.updateTable('cases').set(set).where('person_id', '=', duplicateId).execute();

export const selectCasesByOriginalPersonId = (q: Q, duplicateId: string) =>
  q.selectFrom('cases').select('id').where('original_person_id', '=', duplicateId).execute();

export const updateCasesByOriginalPersonId = (q: Q, set: Updateable<Database['cases']>, duplicateId: string) =>
  q.updateTable('cases').set(set).where('original_person_id', '=', duplicateId).execute();

export const updatePersonsById = (q: Q, set: Updateable<Database['persons']>, duplicateId: string) =>
  q.updateTable('persons').set(set).where('id', '=', duplicateId).execute();
