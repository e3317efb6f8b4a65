// Plain queries for reports, their messages, files and reporter sessions. No rules here.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database, ReportMessageTable, ReportTable } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const insertReport = (q: Q, row: ReportTable) => q.insertInto('reports').values(row).execute();
export const findReport = (q: Q, id: string) =>
  q.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
export const findByLocator = (q: Q, locator: string) =>
  q.selectFrom('reports').selectAll().where('receipt_locator', '=', locator).executeTakeFirst();
/** The newest open report from a contact, by its index under any index key still kept. */
export const findOpenByContact = (q: Q, indexes: string[], since: string) =>
  q
    .selectFrom('reports')
    .selectAll()
    .where('contact_index', 'in', indexes)
    .where('reporter_activity_at', '>', since)
    .where('status', 'in', ['new', 'in_review'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
export const updateReport = (q: Q, id: string, set: Partial<ReportTable>) =>
  q.updateTable('reports').set(set).where('id', '=', id).execute();

type ReportFilter = { country: string; divisions?: string[]; status?: string; assignee?: string };

/** Reports of a country, within some divisions, of a status, of an assignee (each filter optional). */
function filtered(q: Q, f: ReportFilter) {
  let s = q.selectFrom('reports').where('country_code', '=', f.country);
  if (f.divisions) s = s.where('division_code', 'in', f.divisions.length ? f.divisions : ['-']);
  if (f.status) s = s.where('status', '=', f.status as ReportTable['status']);
  if (f.assignee) s = s.where('assignee_user_id', '=', f.assignee);
  return s;
}

export function listReports(q: Q, f: ReportFilter & { limit: number }) {
  return filtered(q, f).selectAll().orderBy('created_at', 'desc').limit(f.limit).execute();
}

export async function countReports(q: Q, f: ReportFilter): Promise<number> {
  const r = await filtered(q, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const recentInDivision = (q: Q, country: string, division: string, since: string) =>
  q
    .selectFrom('reports')
    .selectAll()
    .where('country_code', '=', country)
    .where('division_code', '=', division)
    .where('created_at', '>', since)
    .execute();

export const insertMessage = (q: Q, row: ReportMessageTable) => q.insertInto('report_messages').values(row).execute();
export const messagesOf = (q: Q, reportId: string) =>
  q.selectFrom('report_messages').selectAll().where('report_id', '=', reportId).orderBy('created_at').execute();
export const lastAuthors = async (q: Q, ids: string[]) => {
  const out = new Map<string, string>();
  if (!ids.length) return out;
  const rows = await q
    .selectFrom('report_messages')
    .select(['report_id', 'author', 'created_at'])
    .where('report_id', 'in', ids)
    .orderBy('created_at')
    .execute();
  for (const r of rows) out.set(r.report_id, r.author);
  return out;
};
export const filesOf = (q: Q, reportId: string) =>
  q.selectFrom('report_files').selectAll().where('report_id', '=', reportId).execute();

export const insertSession = (q: Q, token_hash: string, report_id: string, expires_at: string) =>
  q.insertInto('report_sessions').values({ token_hash, report_id, expires_at }).execute();
export const findSession = (q: Q, token_hash: string) =>
  q.selectFrom('report_sessions').selectAll().where('token_hash', '=', token_hash).executeTakeFirst();
export const deleteSession = (q: Q, token_hash: string) =>
  q.deleteFrom('report_sessions').where('token_hash', '=', token_hash).execute();

/** Reports not linked to a case whose reporter and staff have been silent since `before`. */
export const stale = (q: Q, before: string) =>
  q
    .selectFrom('reports')
    .selectAll()
    .where('case_code', 'is', null)
    .where('updated_at', '<', before)
    .where('reporter_activity_at', '<', before)
    .execute();
export async function deleteReports(q: Q, ids: string[]) {
  if (!ids.length) return;
  await q.deleteFrom('report_sessions').where('report_id', 'in', ids).execute();
  await q.deleteFrom('report_messages').where('report_id', 'in', ids).execute();
  await q.deleteFrom('report_files').where('report_id', 'in', ids).execute();
  await q.deleteFrom('reports').where('id', 'in', ids).execute();
}

/** Records a stored (encrypted) file of a report. */
export const insertFile = (q: Q, row: Database['report_files']) => q.insertInto('report_files').values(row).execute();

/** Links the report to a case unless it already is linked; answers whether this call linked it. */
export const linkReportToCase = async (q: Q, id: string, caseCode: string, at: string) =>
  Number(
    (
      await q
        .updateTable('reports')
        .set({ case_code: caseCode, status: 'referred', updated_at: at })
        .where('id', '=', id)
        .where('case_code', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;
