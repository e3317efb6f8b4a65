import type { z } from 'zod';
import type { Actor } from '../access/index';
import { mayManage } from './policy';
import type { Provider } from './repo';
import type { providerSchema } from './schema';

/** Providers as the API shows them; `labels` maps `country:division` to the division's name. */
export function presentProviders(
  actor: Actor,
  rows: Provider[],
  labels: ReadonlyMap<string, string>,
): z.infer<typeof providerSchema>[] {
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisationId: r.organisation_id,
    country: r.country_code,
    division: r.division_code,
    divisionLabel: r.division_code ? (labels.get(`${r.country_code}:${r.division_code}`) ?? r.division_code) : null,
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
