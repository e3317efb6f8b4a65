import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectLocalPlansById = (q: Q, id: string) =>
  q.selectFrom('local_plans').selectAll().where('id', '=', id).executeTakeFirst();

export const selectLocalPlans = (q: Q) =>
  q.selectFrom('local_plans').selectAll().orderBy('year_from', 'desc').execute();

export const selectLocalPlansByYearToAndYearFrom = (
  q: Q,
  country: string,
  code: string,
  yearTo: number,
  yearFrom: number,
) =>
  q
    .selectFrom('local_plans')
    .select('id')
    .where('country_code', '=', country)
    .where('division_code', '=', code)
    .where('year_from', '<=', yearTo)
    .where('year_to', '>=', yearFrom)
    .executeTakeFirst();

export const selectAgreementsById = (q: Q, agreementId: string) =>
  q.selectFrom('agreements').selectAll().where('id', '=', agreementId).executeTakeFirst();

export const insertLocalPlans = (q: Q, row: Insertable<Database['local_plans']>) =>
  q.insertInto('local_plans').values(row).execute();

export const selectPlanObjectivesByPlanId = (q: Q, planId: string) =>
  q
    .selectFrom('plan_objectives')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();

export const insertPlanObjectives = (q: Q, row: Insertable<Database['plan_objectives']>) =>
  q.insertInto('plan_objectives').values(row).execute();

export const selectPlanObjectivesByPlanIdAndId = (q: Q, objectiveId: string, planId: string) =>
  q
    .selectFrom('plan_objectives')
    .select('id')
    .where('id', '=', objectiveId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();

export const insertPlanActions = (q: Q, row: Insertable<Database['plan_actions']>) =>
  q.insertInto('plan_actions').values(row).execute();

export const selectOrganisationsById = (q: Q, orgId: string) =>
  q.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst();

export const selectAgreementCommitmentsByAgreementIdAndId = (q: Q, commitmentId: string, agreement_id: string | null) =>
  q
    .selectFrom('agreement_commitments')
    .select('id')
    .where('id', '=', commitmentId)
    .where('agreement_id', '=', agreement_id ?? '')
    .executeTakeFirst();

export const selectPlanActionsByPlanIdAndId = (q: Q, actionId: string, planId: string) =>
  q
    .selectFrom('plan_actions')
    .select('starts_on')
    .where('id', '=', actionId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();

export const updatePlanActionsByPlanIdAndId = (
  q: Q,
  set: Updateable<Database['plan_actions']>,
  actionId: string,
  planId: string,
) => q.updateTable('plan_actions').set(set).where('id', '=', actionId).where('plan_id', '=', planId).executeTakeFirst();

export const selectOrganisationsByName = (q: Q) =>
  q.selectFrom('organisations').select('id').where('name', '=', 'GAD Municipal de Colta (demo)').executeTakeFirst();

export const selectOrganisationsByOrgType = (q: Q) =>
  q
    .selectFrom('organisations')
    .select('id')
    .where('org_type', '=', 'local_InternationalOrganisation')
    .executeTakeFirst();
