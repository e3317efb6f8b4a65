import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/types';

// Plain queries of anonymisation (rights/anonymise.ts). The sealed columns are walked by name from the registry
// (personal-columns.ts), so the table is seen as any table by name.

type Q = Transaction<Database>;
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
const any = (q: Q) => q as unknown as AnyDb;

/** The person and every person merged into them (a merge keeps the merged row, its values sealed), with their marks. */
export async function personsOf(q: Q, personId: string): Promise<{ id: string; anonymised_at: string | null }[]> {
  const out: { id: string; anonymised_at: string | null }[] = [];
  let next = [personId];
  const seen = new Set<string>();
  while (next.length) {
    const rows = await q
      .selectFrom('persons')
      .select(['id', 'anonymised_at'])
      .where((w) => w.or([w('id', 'in', next), w('merged_into', 'in', next)]))
      .execute();
    next = [];
    for (const r of rows)
      if (!seen.has(r.id)) {
        seen.add(r.id);
        out.push({ id: r.id, anonymised_at: r.anonymised_at ?? null });
        next.push(r.id);
      }
  }
  // The asked person first.
  return out.sort((a, b) => (a.id === personId ? -1 : b.id === personId ? 1 : 0));
}

/** A case as anonymisation needs it: its code (to find its reports), person and mark. */
export interface CaseMark {
  id: string;
  code: string;
  person_id: string;
  anonymised_at: string | null;
}

/** The cases of these persons (a merge moved the merged persons' cases to the survivor). */
export const casesOfPersons = async (q: Q, personIds: string[]): Promise<CaseMark[]> =>
  (
    await q
      .selectFrom('cases')
      .select(['id', 'code', 'person_id', 'anonymised_at'])
      .where((w) => w.or([w('person_id', 'in', personIds), w('original_person_id', 'in', personIds)]))
      .execute()
  ).map((c) => ({ ...c, anonymised_at: c.anonymised_at ?? null }));

/** One case with its mark, or undefined. */
export const caseMark = async (q: Q, caseId: string): Promise<CaseMark | undefined> => {
  const c = await q
    .selectFrom('cases')
    .select(['id', 'code', 'person_id', 'anonymised_at'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  return c && { ...c, anonymised_at: c.anonymised_at ?? null };
};

/** Ids of the public reports these cases took in. */
export const reportIdsOf = async (q: Q, caseCodes: string[]) =>
  (await q.selectFrom('reports').select('id').where('case_code', 'in', caseCodes).execute()).map((r) => r.id);

/** Ids of these cases' referrals. */
export const referralIdsOf = async (q: Q, caseIds: string[]) =>
  (await q.selectFrom('referrals').select('id').where('case_id', 'in', caseIds).execute()).map((r) => r.id);

/** The rows of `table` whose `linkColumn` is one of `ids`: their id and the given columns. */
export const rowsLinked = (q: Q, table: string, linkColumn: string, ids: string[], columns: string[]) =>
  any(q)
    .selectFrom(table)
    .select(['id', ...columns])
    .where(linkColumn, 'in', ids)
    .orderBy('id')
    .execute() as Promise<Record<string, string | null>[]>;

/** Sets columns of one row of `table`. */
export const updateRow = (q: Q, table: string, id: string, set: Record<string, string | null>) =>
  any(q).updateTable(table).set(set).where('id', '=', id).execute();

/** Deletes the rows of `table` whose `linkColumn` is one of `ids`; how many. */
export const deleteLinked = async (q: Q, table: string, linkColumn: string, ids: string[]) =>
  Number((await any(q).deleteFrom(table).where(linkColumn, 'in', ids).executeTakeFirst()).numDeletedRows);

/** Deletes these cases' attachment rows; their ids (the stored files go separately). */
export const deleteCaseFiles = async (q: Q, caseIds: string[]) =>
  (await q.deleteFrom('case_files').where('case_id', 'in', caseIds).returning('id').execute()).map((r) => r.id);

/** Deletes these reports' file rows; their ids (the stored files go separately). */
export const deleteReportFiles = async (q: Q, reportIds: string[]) =>
  (await q.deleteFrom('report_files').where('report_id', 'in', reportIds).returning('id').execute()).map((r) => r.id);

/** Ends the reporters' sessions on these reports and forgets their receipt codes: nothing opens them from outside. */
export async function closeReports(q: Q, reportIds: string[]) {
  await q.deleteFrom('report_sessions').where('report_id', 'in', reportIds).execute();
  await q
    .updateTable('reports')
    .set({ receipt_locator: null, receipt_hash: null })
    .where('id', 'in', reportIds)
    .execute();
}

/** Unmarks these cases for the field: devices drop their copies at the next sync. */
export const unmarkField = (q: Q, caseIds: string[]) =>
  q.deleteFrom('field_cases').where('case_id', 'in', caseIds).execute();

/** Marks the cases not yet marked as anonymised; how many this call marked. */
export const markCases = async (q: Q, caseIds: string[], at: string) =>
  Number(
    (
      await q
        .updateTable('cases')
        .set({ anonymised_at: at })
        .where('id', 'in', caseIds)
        .where('anonymised_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  );

/** Marks the persons not yet marked as anonymised; how many this call marked. */
export const markPersons = async (q: Q, personIds: string[], at: string) =>
  Number(
    (
      await q
        .updateTable('persons')
        .set({ anonymised_at: at })
        .where('id', 'in', personIds)
        .where('anonymised_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  );
