import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

// The plain reads the access export is built from: one request, its person, the person's cases and every table
// that holds something about those cases, each row whole (sealed columns are opened by the export, not here).

type T = Database;

/** The tables keyed by case_id that the access export reads whole. */
export type CaseLinked =
  | 'case_events'
  | 'case_perpetrators'
  | 'record_changes'
  | 'case_comments'
  | 'case_tasks'
  | 'case_screenings'
  | 'consents'
  | 'referrals'
  | 'case_files'
  | 'support_plans'
  | 'legal_proceedings'
  | 'case_form_answers'
  | 'board_notifications'
  | 'board_hearings'
  | 'board_measures'
  | 'cross_border_exchanges'
  | 'family_tracings'
  | 'family_assessments'
  | 'case_returns'
  | 'reintegration_plans'
  | 'monitoring_visits'
  | 'complaints'
  | 'complaint_charges'
  | 'complaint_hearings'
  | 'legal_holds';

export const findRequest = (db: Db, id: string) =>
  db.selectFrom('data_requests').selectAll().where('id', '=', id).executeTakeFirst();

/** The person row whole (with whatever markers later migrations add, e.g. anonymised_at). */
export const findPerson = (db: Db, id: string) =>
  db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();

export const casesOfPerson = (db: Db, personId: string) =>
  db.selectFrom('cases').selectAll().where('person_id', '=', personId).orderBy('created_at').execute();

/** Every row of one case-linked table for these cases, oldest first where the table has a creation time. */
export async function rowsOfCases<K extends CaseLinked>(
  db: Db,
  table: K,
  caseIds: string[],
): Promise<Selectable<T[K]>[]> {
  if (!caseIds.length) return [];
  const rows = await db
    .selectFrom(table as 'case_events')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .execute();
  const at = (r: Record<string, unknown>) => String(r.at ?? r.created_at ?? r.placed_at ?? r.given_at ?? '');
  return (rows as unknown as Selectable<T[K]>[]).sort((a, b) =>
    at(a as Record<string, unknown>).localeCompare(at(b as Record<string, unknown>)),
  );
}

/** Services recorded as delivered on these referrals. */
export const deliveredServices = (db: Db, referralIds: string[]) =>
  referralIds.length
    ? db
        .selectFrom('referral_services')
        .select(['id', 'referral_id', 'service', 'delivered_at'])
        .where('referral_id', 'in', referralIds)
        .orderBy('delivered_at')
        .execute()
    : Promise.resolve([]);

/** Public reports linked to these cases (by case code): what was received, when and by which channel. */
export const reportsOfCases = (db: Db, codes: string[]) =>
  codes.length
    ? db
        .selectFrom('reports')
        .select(['code', 'case_code', 'channel', 'status', 'created_at'])
        .where('case_code', 'in', codes)
        .orderBy('created_at')
        .execute()
    : Promise.resolve([]);

export const requestsOfPerson = (db: Db, personId: string) =>
  db
    .selectFrom('data_requests')
    .select([
      'code',
      'right',
      'status',
      'channel',
      'language',
      'received_on',
      'due_on',
      'answered_on',
      'refusal_reason',
    ])
    .where('person_id', '=', personId)
    .orderBy('received_on')
    .orderBy('code')
    .execute();

export const flagsOfPerson = (db: Db, personId: string) =>
  db
    .selectFrom('person_flags')
    .select(['flag', 'set_at', 'lifted_at'])
    .where('person_id', '=', personId)
    .orderBy('set_at')
    .execute();

/** Names of organisations by id. */
export async function organisationNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Names of directory providers by id. */
export async function providerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('providers').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Form titles (JSON texts) by form id. */
export async function formTitles(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('forms').select(['id', 'title']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}
