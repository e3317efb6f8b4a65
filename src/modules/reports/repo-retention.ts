import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

/**
 * Marks the reports as warned unless another run did, or a case took them in the meantime; answers the ids this
 * call marked, so only their warnings are written to the audit trail.
 */
export const markWarned = (q: Q, ids: string[], at: string) =>
  q
    .updateTable('reports')
    .set({ purge_warned_at: at })
    .where('id', 'in', ids)
    .where('purge_warned_at', 'is', null)
    .where('case_code', 'is', null)
    .returning('id')
    .execute();

/** The stored files of these reports. */
export const filesOfReports = (q: Q, ids: string[]) =>
  q.selectFrom('report_files').select(['id', 'report_id']).where('report_id', 'in', ids).execute();

/**
 * Deletes the reports (their messages, files and sessions go with them) that are still past retention and not
 * linked to a case; answers the ids and codes this call deleted. A concurrent run deletes none of them twice.
 */
export const deleteExpired = (q: Q, ids: string[], before: string) =>
  q
    .deleteFrom('reports')
    .where('id', 'in', ids)
    .where('case_code', 'is', null)
    .where('updated_at', '<', before)
    .where('reporter_activity_at', '<', before)
    .returning(['id', 'code'])
    .execute();
