import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { agreementCodec, decodeAll } from './codecs';

type Q = Db | Transaction<Database>;

export const selectAgreementsById = (q: Q, id: string) =>
  q
    .selectFrom('agreements')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
    .then((r) => r && agreementCodec.decode(r));

export const selectOrganisationsById = (q: Q, named: string[]) =>
  q.selectFrom('organisations').select('id').where('id', 'in', named).execute();

export const insertAgreements = (q: Q, row: Insertable<Database['agreements']>) =>
  q.insertInto('agreements').values(row).execute();

export const insertAgreementCommitments = (q: Q, row: Insertable<Database['agreement_commitments']>) =>
  q.insertInto('agreement_commitments').values(row).execute();

export const selectAgreements = (q: Q) =>
  q.selectFrom('agreements').selectAll().orderBy('signed_on', 'desc').execute().then(decodeAll(agreementCodec));

export const updateAgreementCommitmentsByAgreementIdAndId = (
  q: Q,
  set: Updateable<Database['agreement_commitments']>,
  commitmentId: string,
  id: string,
) =>
  q
    .updateTable('agreement_commitments')
    .set(set)
    .where('id', '=', commitmentId)
    .where('agreement_id', '=', id)
    .executeTakeFirst();

export const selectOrganisationsById2 = (q: Q, parties: string[]) =>
  q.selectFrom('organisations').select(['id', 'name']).where('id', 'in', parties).execute();

export const selectAgreementCommitmentsByAgreementId = (q: Q, id: string) =>
  q.selectFrom('agreement_commitments').selectAll().where('agreement_id', '=', id).orderBy('due_on').execute();
