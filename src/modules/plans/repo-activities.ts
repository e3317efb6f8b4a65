import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { instrumentCodec } from './codecs';

type Q = Db | Transaction<Database>;

export const insertPreventionActivities = (q: Q, row: Insertable<Database['prevention_activities']>) =>
  q.insertInto('prevention_activities').values(row).execute();

export const selectPlanObjectivesByIdAndPlanId = (q: Q, planId: string, objectiveIds: string[]) =>
  q.selectFrom('plan_objectives').select('id').where('plan_id', '=', planId).where('id', 'in', objectiveIds).execute();

export const insertPolicyInstruments = (q: Q, row: Insertable<Database['policy_instruments']>) =>
  q.insertInto('policy_instruments').values(row).execute();

export const selectPolicyInstrumentsByPlanIdAndId = (q: Q, instrumentId: string, planId: string) =>
  q
    .selectFrom('policy_instruments')
    .selectAll()
    .where('id', '=', instrumentId)
    .where('plan_id', '=', planId)
    .executeTakeFirst()
    .then((r) => r && instrumentCodec.decode(r));

export const updatePolicyInstrumentsById = (
  q: Q,
  set: Updateable<Database['policy_instruments']>,
  instrumentId: string,
) => q.updateTable('policy_instruments').set(set).where('id', '=', instrumentId).execute();

export const selectPlanActionsByPlanIdAndId = (q: Q, actionId: string, planId: string) =>
  q.selectFrom('plan_actions').select('id').where('id', '=', actionId).where('plan_id', '=', planId).executeTakeFirst();
