import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../../platform/db/index';
import type { Database } from '../../../platform/db/types';

type Q = Db | Transaction<Database>;

export const insertHtcdsImports = (q: Q, job: Insertable<Database['htcds_imports']>) =>
  q.insertInto('htcds_imports').values(job).execute();

export const updateHtcdsImportsByCreatedAtAndStatus = (
  q: Q,
  set: Updateable<Database['htcds_imports']>,
  before: string,
) =>
  q.updateTable('htcds_imports').set(set).where('status', '=', 'validated').where('created_at', '<', before).execute();

export const updateHtcdsImportsByUpdatedAtAndStatus = (
  q: Q,
  set: Updateable<Database['htcds_imports']>,
  stalled: string,
) =>
  q.updateTable('htcds_imports').set(set).where('status', '=', 'running').where('updated_at', '<', stalled).execute();

export const selectHtcdsImportsById = (q: Q, id: string) =>
  q.selectFrom('htcds_imports').selectAll().where('id', '=', id).executeTakeFirst();

export const updateHtcdsImportsByStatusAndId = (q: Q, set: Updateable<Database['htcds_imports']>, id: string) =>
  q.updateTable('htcds_imports').set(set).where('id', '=', id).where('status', '=', 'validated').executeTakeFirst();

export const updateHtcdsImportsById = (q: Q, set: Updateable<Database['htcds_imports']>, id: string) =>
  q
    .updateTable('htcds_imports')
    .set(set)
    .where('id', '=', id)
    .execute()
    .catch(() => undefined);

export const updateHtcdsImportsById2 = (q: Q, set: Updateable<Database['htcds_imports']>, id: string) =>
  q.updateTable('htcds_imports').set(set).where('id', '=', id).execute();

export const selectHtcdsImportsById2 = (q: Q, id: string) =>
  q.selectFrom('htcds_imports').select('problems').where('id', '=', id).executeTakeFirstOrThrow();

export const updateHtcdsImportsById3 = (q: Q, set: Updateable<Database['htcds_imports']>, id: string) =>
  q.updateTable('htcds_imports').set(set).where('id', '=', id).execute();

export const insertConsents = (q: Q, row: Insertable<Database['consents']>) =>
  q.insertInto('consents').values(row).execute();
