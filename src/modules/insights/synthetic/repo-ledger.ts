import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../../platform/db/index';
import type { Database } from '../../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectDpEpsilonLedgerByPeriodAndCountryCode = (q: Q, country: string, period: string) =>
  q
    .selectFrom('dp_epsilon_ledger')
    .select(['scope_path', 'epsilon_micro'])
    .where('country_code', '=', country)
    .where('period', '=', period)
    .execute();

export const insertDpBudgetTurns = (q: Q, row: Insertable<Database['dp_budget_turns']>) =>
  q
    .insertInto('dp_budget_turns')
    .values(row)
    .onConflict((oc) => oc.columns(['country_code', 'period']).doNothing())
    .execute();

export const updateDpBudgetTurnsByPeriodAndCountryCode = (q: Q, country: string, period: string) =>
  q
    .updateTable('dp_budget_turns')
    .set((eb) => ({ turns: eb('turns', '+', 1) }))
    .where('country_code', '=', country)
    .where('period', '=', period)
    .execute();

export const insertDpEpsilonLedger = (q: Q, row: Insertable<Database['dp_epsilon_ledger']>) =>
  q.insertInto('dp_epsilon_ledger').values(row).execute();
