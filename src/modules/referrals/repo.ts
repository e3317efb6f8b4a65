import type { Transaction } from 'kysely';
import { rowCodec } from '../../platform/db/codec';
import type { Db } from '../../platform/db/index';
import type { Database, ReferralTable } from '../../platform/db/types';
import { liveReferralStatuses } from './vocabulary';

type Q = Db | Transaction<Database>;

const referralCodec = rowCodec<ReferralTable>()({ json: { services: [] as string[] } });

/** A referral as services handle it: the requested services as a list. */
export type Referral = ReturnType<typeof referralCodec.decode>;

const decodeAll = (rows: ReferralTable[]) => rows.map((r) => referralCodec.decode(r));

export const findReferral = async (q: Q, id: string): Promise<Referral | undefined> => {
  const r = await q.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  return r && referralCodec.decode(r);
};

export const insertReferral = (q: Q, row: Referral) =>
  q
    .insertInto('referrals')
    .values(referralCodec.encode(row) as ReferralTable)
    .execute();

export const updateReferral = (q: Q, id: string, set: Partial<Omit<Referral, 'id' | 'services'>>) =>
  q.updateTable('referrals').set(set).where('id', '=', id).execute();

/** A case's referrals, newest first. */
export const referralsOfCase = async (q: Q, caseId: string) =>
  decodeAll(
    await q.selectFrom('referrals').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute(),
  );

/** Live referrals to an organisation that name nobody or this user (the SQL form of addressedTo), newest first. */
export const inboxOf = async (q: Q, orgId: string, userId: string) =>
  decodeAll(
    await q
      .selectFrom('referrals')
      .selectAll()
      .where('to_org_id', '=', orgId)
      .where((eb) => eb.or([eb('to_user_id', 'is', null), eb('to_user_id', '=', userId)]))
      .where('status', 'in', [...liveReferralStatuses])
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute(),
  );

/** Live referrals to this person (their organisation, naming them or nobody), of one case or of all. */
export const liveReferralsTo = async (q: Q, to: { orgId: string; userId: string }, caseId?: string) =>
  decodeAll(
    await q
      .selectFrom('referrals')
      .selectAll()
      .where('to_org_id', '=', to.orgId)
      .where((eb) => eb.or([eb('to_user_id', 'is', null), eb('to_user_id', '=', to.userId)]))
      .where('status', 'in', [...liveReferralStatuses])
      .$if(caseId !== undefined, (b) => b.where('case_id', '=', caseId!))
      .execute(),
  );

/** Consents of these cases. */
export const consentsOfCases = (q: Q, caseIds: string[]) =>
  caseIds.length
    ? q
        .selectFrom('consents')
        .select(['case_id', 'scope', 'organisation_id', 'withdrawn_at', 'sections'])
        .where('case_id', 'in', caseIds)
        .execute()
    : Promise.resolve([]);

export const insertDelivery = (q: Q, row: Database['referral_services']) =>
  q.insertInto('referral_services').values(row).execute();

/** Services delivered on a referral. */
export const deliveredServices = async (q: Q, referralId: string) =>
  (await q.selectFrom('referral_services').select('service').where('referral_id', '=', referralId).execute()).map(
    (x) => x.service,
  );

/** Services delivered on these referrals, oldest first. */
export const deliveriesOf = (q: Q, referralIds: string[]) =>
  referralIds.length
    ? q
        .selectFrom('referral_services')
        .select(['referral_id', 'service', 'delivered_at'])
        .where('referral_id', 'in', referralIds)
        .orderBy('delivered_at')
        .execute()
    : Promise.resolve([]);

/** Code and owning organisation of these cases. */
export const caseLabels = (q: Q, caseIds: string[]) =>
  caseIds.length
    ? q
        .selectFrom('cases as c')
        .leftJoin('organisations as o', 'o.id', 'c.owner_org_id')
        .select(['c.id', 'c.code', 'c.owner_org_id', 'o.name'])
        .where('c.id', 'in', caseIds)
        .execute()
    : Promise.resolve([]);

/** The organisation of each of these users. */
export const organisationsOfUsers = (q: Q, userIds: string[]) =>
  userIds.length
    ? q
        .selectFrom('users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select(['u.id', 'o.id as orgId', 'o.name'])
        .where('u.id', 'in', userIds)
        .execute()
    : Promise.resolve([]);

/** Names of these organisations and providers. */
export async function namesOf(q: Q, orgIds: string[], providerIds: string[]) {
  return [
    ...(orgIds.length
      ? await q.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute()
      : []),
    ...(providerIds.length
      ? await q.selectFrom('providers').select(['id', 'name']).where('id', 'in', providerIds).execute()
      : []),
  ];
}

/** Active users of an organisation (id and encrypted name). */
export const activeUsersOf = (q: Q, orgId: string) =>
  q
    .selectFrom('users')
    .select(['id', 'name_enc'])
    .where('organisation_id', '=', orgId)
    .where('status', '=', 'active')
    .execute();

/** Demo data: the first case in a canton, a caseworker of a canton. */
export const demo = {
  /** The n-th case (from 0, in code order) of a division and what lies under it. */
  caseIn: (q: Q, prefix: string, n = 0) =>
    q
      .selectFrom('cases')
      .select(['id', 'owner_org_id', 'is_minor'])
      .where('division_code', 'like', `${prefix}%`)
      .orderBy('code')
      .limit(1)
      .offset(n)
      .executeTakeFirst(),
  caseworkerOf: (q: Q, scopeCode: string) =>
    q
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select('u.id')
      .where('r.role_key', '=', 'caseworker')
      .where('u.scope_code', '=', scopeCode)
      .executeTakeFirst(),
};
