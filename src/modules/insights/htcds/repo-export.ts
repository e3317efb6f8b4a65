import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/index';
import type { Database } from '../../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectCasesByCountryCode = (q: Q, country: string) =>
  q.selectFrom('cases as c').selectAll('c').where('c.country_code', '=', country);

export const selectCaseEventsByCaseId = (q: Q, part: string[]) =>
  q
    .selectFrom('case_events')
    .select(['case_id', 'type', 'country_code', 'division_code'])
    .where('case_id', 'in', part)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const selectConsentsByWithdrawnAtAndScope = (q: Q, part: string[]) =>
  q
    .selectFrom('consents')
    .select('case_id')
    .where('case_id', 'in', part)
    .where('scope', '=', 'DataProcessing')
    .where('withdrawn_at', 'is', null)
    .execute();

export const selectOrganisations = (q: Q) => q.selectFrom('organisations').select(['id', 'name']).execute();

export const selectCasesById = (q: Q, caseIds: string[]) =>
  q
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .selectAll('p')
    .select('c.id as case_id')
    .where('c.id', 'in', caseIds)
    .execute();
