import type { Q } from './repo';

/** The oldest open cases an organisation holds in a place (by division code prefix), for the demo answers. */
export const firstOpenCases = (q: Q, ownerOrgId: string, divisionPrefix: string, n: number) =>
  q
    .selectFrom('cases')
    .select('id')
    .where('owner_org_id', '=', ownerOrgId)
    .where('division_code', 'like', `${divisionPrefix}%`)
    .where('closed_at', 'is', null)
    .orderBy('created_at', 'asc')
    .limit(n)
    .execute();
