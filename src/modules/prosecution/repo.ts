import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export type ComplaintRow = Database['complaints'];

export const complaintsOfCase = (q: Q, caseId: string) =>
  q.selectFrom('complaints').selectAll().where('case_id', '=', caseId).orderBy('filed_on').orderBy('id').execute();

export const complaintOfCase = (q: Q, caseId: string, id: string) =>
  q.selectFrom('complaints').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();

export const insertComplaint = (q: Q, row: Insertable<Database['complaints']>) =>
  q.insertInto('complaints').values(row).execute();

export const updateComplaint = (q: Q, id: string, set: Updateable<Database['complaints']>) =>
  q.updateTable('complaints').set(set).where('id', '=', id).execute();

export const stagesOfCase = (q: Q, caseId: string) =>
  q
    .selectFrom('complaint_stages')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('reached_on')
    .orderBy('recorded_at')
    .execute();

export const insertStage = (q: Q, row: Insertable<Database['complaint_stages']>) =>
  q.insertInto('complaint_stages').values(row).execute();

export const suspectsOfCase = (q: Q, caseId: string) =>
  q.selectFrom('complaint_suspects').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();

export const suspectOf = (q: Q, complaintId: string, perpetratorId: string) =>
  q
    .selectFrom('complaint_suspects')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('perpetrator_id', '=', perpetratorId)
    .executeTakeFirst();

export const insertSuspect = (q: Q, row: Insertable<Database['complaint_suspects']>) =>
  q.insertInto('complaint_suspects').values(row).execute();

export const updateSuspect = (q: Q, id: string, set: Updateable<Database['complaint_suspects']>) =>
  q.updateTable('complaint_suspects').set(set).where('id', '=', id).execute();

export const clearSuspectOutcomes = (q: Q, complaintId: string) =>
  q
    .updateTable('complaint_suspects')
    .set({ outcome: null, sentence_months: null, fine_amount: null })
    .where('complaint_id', '=', complaintId)
    .execute();

export const chargesOfCase = (q: Q, caseId: string) =>
  q.selectFrom('complaint_charges').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();

export const chargesOfSuspect = (q: Q, suspectId: string) =>
  q.selectFrom('complaint_charges').selectAll().where('suspect_id', '=', suspectId).execute();

export const insertCharges = (q: Q, rows: Insertable<Database['complaint_charges']>[]) =>
  rows.length ? q.insertInto('complaint_charges').values(rows).execute() : Promise.resolve([]);

export const deleteCharges = (q: Q, suspectId: string, offences: string[]) =>
  offences.length
    ? q.deleteFrom('complaint_charges').where('suspect_id', '=', suspectId).where('offence', 'in', offences).execute()
    : Promise.resolve([]);

export const hearingsOfCase = (q: Q, caseId: string) =>
  q
    .selectFrom('complaint_hearings')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('held_on')
    .orderBy('created_at')
    .execute();

export const insertHearing = (q: Q, row: Insertable<Database['complaint_hearings']>) =>
  q.insertInto('complaint_hearings').values(row).execute();

/** The case's perpetrators (ids and sealed names); the cases module owns the table, this only reads it. */
export const perpetratorsOfCase = (q: Q, caseId: string) =>
  q
    .selectFrom('case_perpetrators')
    .select(['id', 'given_names_enc', 'surnames_enc'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();

/** Names of organisations (plain: an organisation is not a person). */
export const organisationNames = async (q: Q, ids: string[]) =>
  ids.length
    ? new Map(
        (await q.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute()).map((o) => [
          o.id,
          o.name,
        ]),
      )
    : new Map<string, string>();

/** Demo seeding: cases whose code starts with a prefix (the simulated cases of the insights demo). */
export const demo = {
  /** The first case with a live referral to this organisation. */
  caseReferredTo: (q: Q, orgId: string) =>
    q
      .selectFrom('referrals as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select(['c.id', 'c.owner_org_id'])
      .where('r.to_org_id', '=', orgId)
      .where('r.status', 'in', ['sent', 'accepted'])
      .orderBy('c.code')
      .executeTakeFirst(),
  casesByCodePrefix: (q: Q, prefix: string) =>
    q
      .selectFrom('cases')
      .select(['id', 'code', 'division_code', 'created_at'])
      .where('code', 'like', `${prefix}%`)
      .orderBy('code')
      .execute(),
  hasComplaint: async (q: Q, caseId: string) =>
    Boolean(await q.selectFrom('complaints').select('id').where('case_id', '=', caseId).executeTakeFirst()),
  insertComplaints: (q: Q, rows: Insertable<Database['complaints']>[]) =>
    rows.length ? q.insertInto('complaints').values(rows).execute() : Promise.resolve([]),
  insertStages: (q: Q, rows: Insertable<Database['complaint_stages']>[]) =>
    rows.length ? q.insertInto('complaint_stages').values(rows).execute() : Promise.resolve([]),
};

export const stagesOfComplaint = (q: Q, complaintId: string) =>
  q
    .selectFrom('complaint_stages')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('reached_on')
    .orderBy('recorded_at')
    .execute();

export const updateStageDate = (q: Q, id: string, day: string) =>
  q.updateTable('complaint_stages').set({ reached_on: day }).where('id', '=', id).execute();

export const suspectsOfComplaint = (q: Q, complaintId: string) =>
  q.selectFrom('complaint_suspects').selectAll().where('complaint_id', '=', complaintId).execute();
