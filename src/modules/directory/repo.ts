import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database, ProviderTable } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export const selectProvidersByActive = (q: Q) => q.selectFrom('providers').selectAll().where('active', '=', 1);

export const selectProvidersById = (q: Q, id: string) =>
  q.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();

export const insertProviders = (q: Q, row: ProviderTable) => q.insertInto('providers').values(row).execute();

export const updateProvidersById = (q: Q, set: Partial<ProviderTable>, id: string) =>
  q.updateTable('providers').set(set).where('id', '=', id).execute();

export const selectOrganisationsByName = (q: Q) =>
  q.selectFrom('organisations').select('id').where('name', '=', 'Casa de Acogida Demo (ficticia)').executeTakeFirst();
