import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

// Restriction and objection flags on persons: plain queries.

type Q = Db | Transaction<Database>;

export type FlagRow = Database['person_flags'];

export const flagsOfPerson = (q: Q, personId: string) =>
  q.selectFrom('person_flags').selectAll().where('person_id', '=', personId).orderBy('set_at').orderBy('id').execute();

export const flagById = (q: Q, id: string) =>
  q.selectFrom('person_flags').selectAll().where('id', '=', id).executeTakeFirst();

export const activeFlag = (q: Q, personId: string, flag: string) =>
  q
    .selectFrom('person_flags')
    .select('id')
    .where('person_id', '=', personId)
    .where('flag', '=', flag)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();

export const insertFlag = (q: Q, row: Insertable<FlagRow>) => q.insertInto('person_flags').values(row).execute();

export const liftFlag = (q: Q, id: string, set: { lifted_by: string; lifted_at: string; lift_reason_enc: string }) =>
  q.updateTable('person_flags').set(set).where('id', '=', id).where('lifted_at', 'is', null).execute();

/** Every person with an active restriction or objection flag. */
export const flaggedPersonIds = async (q: Q) =>
  new Set(
    (await q.selectFrom('person_flags').select('person_id').distinct().where('lifted_at', 'is', null).execute()).map(
      (r) => r.person_id,
    ),
  );

/** The active flags of the person of a case. */
export const activeFlagsOfCasePerson = (q: Q, caseId: string) =>
  q
    .selectFrom('person_flags as f')
    .innerJoin('cases as c', 'c.person_id', 'f.person_id')
    .select(['f.id', 'f.flag'])
    .where('c.id', '=', caseId)
    .where('f.lifted_at', 'is', null)
    .execute();
