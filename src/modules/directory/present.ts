import type { z } from 'zod';
import type { Actor } from '../access/index';
import { countryName, divisionAbroadName } from '../returns/schema';
import { providerKinds } from '../returns/vocabulary';
import { mayManage } from './policy';
import type { Provider } from './repo';
import type { providerSchema } from './schema';

/**
 * Providers as the API shows them; `labels` maps `country:division` to the division's name (a division abroad is
 * named by its ISO 3166-2 name), and the country is named in the reader's language.
 */
export function presentProviders(
  actor: Actor,
  rows: Provider[],
  labels: ReadonlyMap<string, string>,
  lang = 'es',
): z.infer<typeof providerSchema>[] {
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: (providerKinds as readonly string[]).includes(r.kind)
      ? (r.kind as (typeof providerKinds)[number])
      : 'service',
    organisationId: r.organisation_id,
    country: r.country_code,
    division: r.division_code,
    divisionLabel: r.division_code
      ? (labels.get(`${r.country_code}:${r.division_code}`) ?? divisionAbroadName(r.division_code) ?? r.division_code)
      : null,
    countryLabel: countryName(r.country_code, lang),
    services: r.services,
    minAge: r.min_age,
    maxAge: r.max_age,
    sexes: r.sexes,
    contact: r.contact,
    hours: r.hours,
    active: r.active,
    abilities: { update: mayManage(actor) },
  }));
}
