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

/** Exchanges with foreign authorities (issue 20), oldest first, with the authority's directory name. */
export const selectForeignExchanges = (q: Q, part: string[]) =>
  q
    .selectFrom('cross_border_exchanges as e')
    .leftJoin('providers as p', 'p.id', 'e.authority_provider_id')
    .select(['e.id', 'e.case_id', 'e.direction', 'e.exchanged_on', 'e.notes_enc', 'p.name as authority_name'])
    .where('e.case_id', 'in', part)
    .orderBy('e.exchanged_on')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();

/** Each charge of a case with the outcome of its suspect and of its complaint (issue 20, prosecution). */
export const selectChargeOutcomes = (q: Q, part: string[]) =>
  q
    .selectFrom('complaint_charges as ch')
    .innerJoin('complaint_suspects as s', 's.id', 'ch.suspect_id')
    .innerJoin('complaints as c', 'c.id', 'ch.complaint_id')
    .select(['ch.case_id', 'ch.offence', 's.outcome as suspect_outcome', 'c.outcome as complaint_outcome'])
    .where('ch.case_id', 'in', part)
    .execute();
