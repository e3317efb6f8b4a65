import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import type { ProviderTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, can } from '../access/index';
import { GeoService } from '../geo/index';
import * as repo from './repo';
import type { providerBody, providerPatch, providerQuery } from './schema';

type Body = z.infer<typeof providerBody>;

/** The service directory: providers in Minka or outside it (including abroad), what they offer and to whom. */
export class DirectoryService {
  constructor(private readonly ctx: Context) {}
  private get db() {
    return this.ctx.db.db;
  }

  private async present(actor: Actor, rows: ProviderTable[]) {
    const geo = new GeoService(this.db);
    const labels = new Map<string, string>();
    for (const country of new Set(rows.map((r) => r.country_code))) {
      for (const [k, v] of await geo.labels(
        country,
        rows.filter((r) => r.country_code === country && r.division_code).map((r) => r.division_code!),
      ))
        labels.set(`${country}:${k}`, v);
    }
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      organisationId: r.organisation_id,
      country: r.country_code,
      division: r.division_code,
      divisionLabel: r.division_code ? (labels.get(`${r.country_code}:${r.division_code}`) ?? r.division_code) : null,
      services: JSON.parse(r.services) as string[],
      minAge: r.min_age === null ? null : Number(r.min_age),
      maxAge: r.max_age === null ? null : Number(r.max_age),
      sexes: JSON.parse(r.sexes) as string[],
      contact: r.contact,
      hours: r.hours,
      active: Number(r.active) === 1,
      abilities: { update: can(actor, 'directory:manage') },
    }));
  }

  /** Providers by service, place (a division and everything under it, or a whole country) and the person's age. */
  async search(actor: Actor, q: z.infer<typeof providerQuery>) {
    let s = repo.selectProvidersByActive(this.db);
    if (q.country) s = s.where('country_code', '=', q.country);
    if (q.division) {
      const codes = await new GeoService(this.db).descendantCodes(q.country ?? actor.scope.country, q.division);
      s = s.where('division_code', 'in', codes);
    }
    if (q.service) s = s.where('services', 'like', `%"${q.service}"%`);
    if (q.age !== undefined) {
      const age = q.age;
      s = s.where((eb) =>
        eb.and([
          eb.or([eb('min_age', 'is', null), eb('min_age', '<=', age)]),
          eb.or([eb('max_age', 'is', null), eb('max_age', '>=', age)]),
        ]),
      );
    }
    return this.present(actor, await s.orderBy('country_code').orderBy('name').limit(200).execute());
  }

  async get(actor: Actor, id: string) {
    const row = await repo.selectProvidersById(this.db, id);
    if (!row) throw notFound();
    return (await this.present(actor, [row]))[0]!;
  }

  private check(b: Partial<Body>) {
    if (b.minAge != null && b.maxAge != null && b.minAge > b.maxAge) throw new AppError(400, 'age_range_invalid');
  }

  async create(actor: Actor, b: Body, requestId: string) {
    if (!can(actor, 'directory:manage')) throw new AppError(403, 'forbidden');
    this.check(b);
    const now = nowIso();
    const row: ProviderTable = {
      id: randomUUID(),
      organisation_id: b.organisationId,
      name: b.name,
      country_code: b.country,
      division_code: b.division,
      services: JSON.stringify(b.services),
      min_age: b.minAge,
      max_age: b.maxAge,
      sexes: JSON.stringify(b.sexes),
      contact: b.contact,
      hours: b.hours,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await repo.insertProviders(trx, row);
      await this.ctx.audit.record(
        {
          actor,
          action: 'provider.created',
          recordType: 'provider',
          recordId: row.id,
          details: { name: b.name, services: b.services },
          requestId,
        },
        trx,
      );
    });
    return (await this.present(actor, [row]))[0]!;
  }

  async update(actor: Actor, id: string, b: z.infer<typeof providerPatch>, requestId: string) {
    if (!can(actor, 'directory:manage')) throw notFound();
    const before = await repo.selectProvidersById(this.db, id);
    if (!before) throw notFound();
    this.check({ minAge: b.minAge ?? before.min_age, maxAge: b.maxAge ?? before.max_age });
    const set: Partial<ProviderTable> = { updated_at: nowIso() };
    if (b.name !== undefined) set.name = b.name;
    if (b.organisationId !== undefined) set.organisation_id = b.organisationId;
    if (b.country !== undefined) set.country_code = b.country;
    if (b.division !== undefined) set.division_code = b.division;
    if (b.services !== undefined) set.services = JSON.stringify(b.services);
    if (b.minAge !== undefined) set.min_age = b.minAge;
    if (b.maxAge !== undefined) set.max_age = b.maxAge;
    if (b.sexes !== undefined) set.sexes = JSON.stringify(b.sexes);
    if (b.contact !== undefined) set.contact = b.contact;
    if (b.hours !== undefined) set.hours = b.hours;
    if (b.active !== undefined) set.active = b.active ? 1 : 0;
    await this.db.transaction().execute(async (trx) => {
      await repo.updateProvidersById(trx, set, id);
      await this.ctx.audit.record(
        {
          actor,
          action: 'provider.updated',
          recordType: 'provider',
          recordId: id,
          fields: Object.keys(b).join(','),
          requestId,
        },
        trx,
      );
    });
    return this.get(actor, id);
  }
}
