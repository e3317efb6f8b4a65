import type { Transaction } from 'kysely';
import { rowCodec } from '../../platform/db/codec';
import type { Db } from '../../platform/db/index';
import type { Database, ProviderTable } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

const providerCodec = rowCodec<ProviderTable>()({
  booleans: ['active'],
  numbers: ['min_age', 'max_age'],
  json: { services: [] as string[], sexes: [] as string[] },
});

/** A provider as services handle it: lists for services and sexes, a boolean for active, numbers for ages. */
export type Provider = ReturnType<typeof providerCodec.decode>;

/** What a directory search narrows by; `divisions` is a division with everything under it. */
export interface ProviderFilter {
  country?: string;
  divisions?: string[];
  service?: string;
  kind?: string;
  age?: number;
}

/** Active providers matching the filter, by country then name, at most 200. */
export async function searchProviders(q: Q, f: ProviderFilter): Promise<Provider[]> {
  let s = q.selectFrom('providers').selectAll().where('active', '=', 1);
  if (f.country) s = s.where('country_code', '=', f.country);
  if (f.divisions) s = s.where('division_code', 'in', f.divisions);
  if (f.service) s = s.where('services', 'like', `%"${f.service}"%`);
  if (f.kind) s = s.where('kind', '=', f.kind);
  if (f.age !== undefined) {
    const age = f.age;
    s = s.where((eb) =>
      eb.and([
        eb.or([eb('min_age', 'is', null), eb('min_age', '<=', age)]),
        eb.or([eb('max_age', 'is', null), eb('max_age', '>=', age)]),
      ]),
    );
  }
  const rows = await s.orderBy('country_code').orderBy('name').limit(200).execute();
  return rows.map((r) => providerCodec.decode(r));
}

/** A provider, active or not. */
export async function findProvider(q: Q, id: string): Promise<Provider | undefined> {
  const r = await q.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();
  return r && providerCodec.decode(r);
}

/** An active provider with this exact name (the demo seeds look their entries up by name). */
export const providerIdByName = async (q: Q, name: string) =>
  (await q.selectFrom('providers').select('id').where('name', '=', name).where('active', '=', 1).executeTakeFirst())
    ?.id;

/** A provider that is still active. */
export async function activeProvider(q: Q, id: string): Promise<Provider | undefined> {
  const r = await q.selectFrom('providers').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  return r && providerCodec.decode(r);
}

export const insertProvider = (q: Q, row: Provider) =>
  q
    .insertInto('providers')
    .values(providerCodec.encode(row) as ProviderTable)
    .execute();

export const updateProvider = (q: Q, id: string, set: Partial<Provider>) =>
  q.updateTable('providers').set(providerCodec.encode(set)).where('id', '=', id).execute();
