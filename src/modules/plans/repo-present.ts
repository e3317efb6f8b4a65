import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { activityCodec, decodeAll, instrumentCodec } from './codecs';

type Q = Db | Transaction<Database>;

export const selectPlanObjectivesByPlanId = (q: Q, id: string) =>
  q.selectFrom('plan_objectives').selectAll().where('plan_id', '=', id).orderBy('position').execute();

export const selectPlanActionsByPlanId = (q: Q, id: string) =>
  q.selectFrom('plan_actions').selectAll().where('plan_id', '=', id).orderBy('title').execute();

export const selectPreventionActivitiesByPlanId = (q: Q, id: string) =>
  q
    .selectFrom('prevention_activities')
    .selectAll()
    .where('plan_id', '=', id)
    .orderBy('held_on')
    .execute()
    .then(decodeAll(activityCodec));

export const selectPolicyInstrumentsByPlanId = (q: Q, id: string) =>
  q
    .selectFrom('policy_instruments')
    .selectAll()
    .where('plan_id', '=', id)
    .orderBy('title')
    .execute()
    .then(decodeAll(instrumentCodec));

export const selectOrganisationsById = (q: Q, orgIds: string[]) =>
  q.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute();

export const selectPlanActionsByPlanId2 = (q: Q, ids: string[]) =>
  q
    .selectFrom('plan_actions')
    .select(['plan_id', 'status', 'budget_planned', 'budget_executed'])
    .where('plan_id', 'in', ids)
    .execute();

export const selectPreventionActivitiesByPlanId2 = (q: Q, ids: string[]) =>
  q.selectFrom('prevention_activities').select(['plan_id', 'participants']).where('plan_id', 'in', ids).execute();

export const selectPolicyInstrumentsByPlanId2 = (q: Q, ids: string[]) =>
  q.selectFrom('policy_instruments').select(['plan_id', 'status']).where('plan_id', 'in', ids).execute();
