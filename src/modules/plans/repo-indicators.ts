import type { Insertable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { decodeAll, indicatorCodec, valueCodec } from './codecs';

type Q = Db | Transaction<Database>;

export const insertPlanIndicators = (q: Q, row: Insertable<Database['plan_indicators']>) =>
  q.insertInto('plan_indicators').values(row).execute();

export const selectPlanIndicatorsByPlanIdAndId = (q: Q, indicatorId: string, planId: string) =>
  q
    .selectFrom('plan_indicators')
    .selectAll()
    .where('id', '=', indicatorId)
    .where('plan_id', '=', planId)
    .executeTakeFirst()
    .then((r) => r && indicatorCodec.decode(r));

export const deleteIndicatorValuesByPeriodAndIndicatorId = (q: Q, indicatorId: string, period: string) =>
  q.deleteFrom('indicator_values').where('indicator_id', '=', indicatorId).where('period', '=', period).execute();

export const insertIndicatorValues = (q: Q, row: Insertable<Database['indicator_values']>) =>
  q.insertInto('indicator_values').values(row).execute();

export const selectPlanIndicatorsByPlanId = (q: Q, id: string) =>
  q
    .selectFrom('plan_indicators')
    .selectAll()
    .where('plan_id', '=', id)
    .orderBy('code')
    .execute()
    .then(decodeAll(indicatorCodec));

/** The values entered for these indicators, oldest period first. */
export const valuesOfIndicators = (q: Q, indicatorIds: string[]) =>
  q
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', 'in', indicatorIds)
    .orderBy('period')
    .execute()
    .then(decodeAll(valueCodec));

export const selectPreventionActivitiesByHeldOnAndPlanId = (q: Q, planId: string, from: string, to: string) =>
  q
    .selectFrom('prevention_activities')
    .select((eb) => eb.fn.sum<number>('participants').as('n'))
    .where('plan_id', '=', planId)
    .where('held_on', '>=', from)
    .where('held_on', '<', to)
    .executeTakeFirstOrThrow();

export const selectReferralsByUpdatedAtAndStage = (q: Q, country: string, codes: string[], from: string, to: string) =>
  q
    .selectFrom('referrals as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.country_code', '=', country)
    .where('c.division_code', 'in', codes)
    .where('r.status', '=', 'completed')
    .where('c.stage', '!=', 'Draft')
    .where('r.updated_at', '>=', from)
    .where('r.updated_at', '<', to)
    .executeTakeFirstOrThrow();

export const selectCasesByStageAndDivisionCode = (q: Q, country: string, codes: string[]) =>
  q
    .selectFrom('cases')
    .select((eb) => eb.fn.count<number>('person_id').distinct().as('n'))
    .where('country_code', '=', country)
    .where('division_code', 'in', codes)
    .where('stage', '!=', 'Draft');

export const selectPlanActionsByPlanIdAndId = (q: Q, actionId: string, planId: string) =>
  q.selectFrom('plan_actions').select('id').where('id', '=', actionId).where('plan_id', '=', planId).executeTakeFirst();

export type ProtectionEvent = 'measure' | 'returned' | 'reintegrated' | 'complaint' | 'prosecution' | 'conviction';

/** Where each protection event is recorded: its table, the date it happened on, and what else must hold. */
const eventSource: Record<
  ProtectionEvent,
  {
    table: 'board_measures' | 'case_returns' | 'reintegration_plans' | 'complaints';
    date: string;
    equals: [string, string][];
  }
> = {
  measure: { table: 'board_measures', date: 'decided_on', equals: [] },
  returned: { table: 'case_returns', date: 'arrived_on', equals: [] },
  reintegrated: {
    table: 'reintegration_plans',
    date: 'closed_on',
    equals: [
      ['status', 'closed'],
      ['outcome', 'reintegrated'],
    ],
  },
  complaint: { table: 'complaints', date: 'filed_on', equals: [] },
  prosecution: { table: 'complaints', date: 'charged_on', equals: [] },
  conviction: { table: 'complaints', date: 'outcome_on', equals: [['outcome', 'conviction']] },
};

/**
 * People of the plan's divisions with a counted case (not a draft, not found "not a victim") that had this event
 * in [from, to): a measure decided, a return, a reintegration closed as reintegrated, a complaint filed, charges
 * brought, a conviction.
 */
export const countProtectionEvents = async (
  q: Q,
  country: string,
  codes: string[],
  event: ProtectionEvent,
  from: string,
  to: string,
) => {
  const r = await q
    .selectFrom('cases as c')
    .select((eb) => eb.fn.count<number>('c.person_id').distinct().as('n'))
    .where('c.country_code', '=', country)
    .where('c.division_code', 'in', codes)
    .where('c.stage', '!=', 'Draft')
    .where((w) =>
      w.or([w('c.trafficking_status', 'is', null), w('c.trafficking_status', '<>', 'NotAVictimOfTrafficking')]),
    )
    .where(() => {
      const e = eventSource[event];
      const at = sql.ref(`e.${e.date}`);
      const also = e.equals.map(([column, value]) => sql` and ${sql.ref(`e.${column}`)} = ${value}`);
      return sql<boolean>`exists (select 1 from ${sql.table(e.table)} as e where e.case_id = c.id and ${at} >= ${from} and ${at} < ${to}${sql.join(also, sql``)})`;
    })
    .executeTakeFirstOrThrow();
  return Number(r.n);
};
