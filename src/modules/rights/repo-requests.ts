import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

// The data-subject request log: plain queries over data_requests, joined with the case for its code and scope.

type Q = Db | Transaction<Database>;

export type RequestRow = Database['data_requests'];

/** Whose cases the actor reaches directly: its organisation's in its divisions (all when undefined), or assigned. */
export interface Reach {
  country: string;
  orgId: string;
  userId: string;
  divisions?: string[];
}

export const insertRequest = (q: Q, row: Insertable<RequestRow>) => q.insertInto('data_requests').values(row).execute();

export const updateRequest = (q: Q, id: string, set: Updateable<RequestRow>) =>
  q.updateTable('data_requests').set(set).where('id', '=', id).execute();

export const requestById = (q: Q, id: string) =>
  q
    .selectFrom('data_requests as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .selectAll('r')
    .select('c.code as case_code')
    .where('r.id', '=', id)
    .executeTakeFirst();

/** Requests of cases in the actor's reach, with filters; at most `limit`. */
export const requestsInReach = (q: Q, reach: Reach, f: { status?: string; right?: string; limit: number }) => {
  let s = q
    .selectFrom('data_requests as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .selectAll('r')
    .select('c.code as case_code')
    .where('c.country_code', '=', reach.country)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('c.owner_org_id', '=', reach.orgId),
          ...(reach.divisions ? [eb('c.division_code', 'in', reach.divisions.length ? reach.divisions : ['-'])] : []),
        ]),
        eb('c.assigned_user_id', '=', reach.userId),
      ]),
    );
  if (f.status) s = s.where('r.status', '=', f.status);
  if (f.right) s = s.where('r.right', '=', f.right);
  return s.orderBy('r.received_on', 'desc').orderBy('r.code', 'desc').limit(f.limit).execute();
};

/** The codes of these requests (the flags name the request they were set on). */
export const requestCodes = async (q: Q, ids: string[]) =>
  ids.length
    ? new Map(
        (await q.selectFrom('data_requests').select(['id', 'code']).where('id', 'in', ids).execute()).map((r) => [
          r.id,
          r.code,
        ]),
      )
    : new Map<string, string>();

/** Demo seeding: whether the case already has a request of this right. */
export const hasRequest = async (q: Q, caseId: string, right: string) =>
  Boolean(
    await q
      .selectFrom('data_requests')
      .select('id')
      .where('case_id', '=', caseId)
      .where('right', '=', right)
      .executeTakeFirst(),
  );
