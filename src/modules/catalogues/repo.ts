import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export type CatalogueRow = Database['legal_catalogue'];

export const selectEntries = (q: Q, list: string) =>
  q.selectFrom('legal_catalogue').selectAll().where('list', '=', list).orderBy('position').orderBy('key').execute();

export const selectEntry = (q: Q, list: string, key: string) =>
  q.selectFrom('legal_catalogue').selectAll().where('list', '=', list).where('key', '=', key).executeTakeFirst();

export const insertEntry = (q: Q, row: CatalogueRow) => q.insertInto('legal_catalogue').values(row).execute();

export const updateEntry = (q: Q, list: string, key: string, patch: Partial<CatalogueRow>) =>
  q.updateTable('legal_catalogue').set(patch).where('list', '=', list).where('key', '=', key).executeTakeFirst();
