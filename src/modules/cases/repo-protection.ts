import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectSupportPlansByCaseId = (q: Q, caseId: string) =>
  q
    .selectFrom('support_plans')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();

export const updateSupportPlansByStatusAndCaseId = (q: Q, set: Updateable<Database['support_plans']>, caseId: string) =>
  q
    .updateTable('support_plans')
    .set(set)
    .where('case_id', '=', caseId)
    .where('status', 'in', ['submitted', 'approved', 'returned'])
    .execute();

export const insertSupportPlans = (q: Q, row: Insertable<Database['support_plans']>) =>
  q.insertInto('support_plans').values(row).execute();

export const selectSupportPlansByCaseId2 = (q: Q, caseId: string) =>
  q.selectFrom('support_plans').selectAll().where('case_id', '=', caseId).orderBy('version', 'desc').execute();

export const selectSupportPlansById = (q: Q, planId: string) =>
  q.selectFrom('support_plans').selectAll().where('id', '=', planId).executeTakeFirst();

export const updateSupportPlansById = (q: Q, set: Updateable<Database['support_plans']>, id: string) =>
  q.updateTable('support_plans').set(set).where('id', '=', id).execute();

export const insertLegalProceedings = (q: Q, row: Insertable<Database['legal_proceedings']>) =>
  q.insertInto('legal_proceedings').values(row).execute();

export const selectLegalProceedingsByCaseId = (q: Q, caseId: string) =>
  q
    .selectFrom('legal_proceedings')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('date')
    .orderBy('created_at')
    .execute();

export const updateCasesById = (q: Q, set: Updateable<Database['cases']>, caseId: string) =>
  q.updateTable('cases').set(set).where('id', '=', caseId).execute();

/** Support plans submitted for a supervisor's review in a jurisdiction, oldest first. */
export const selectSubmittedPlans = (q: Q, country: string, divisions?: string[]) => {
  let query = q
    .selectFrom('support_plans as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select(['p.id', 'p.case_id', 'p.version', 'p.updated_at', 'c.code'])
    .where('p.status', '=', 'submitted')
    .where('c.country_code', '=', country);
  if (divisions) query = query.where('c.division_code', 'in', divisions);
  return query.orderBy('p.updated_at').limit(500).execute();
};
