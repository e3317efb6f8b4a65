import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { GeoService } from '../geo/index';
import { isCountry, isDivisionAbroad } from '../returns/schema';
import { mayManage } from './policy';
import { presentProviders } from './present';
import * as repo from './repo';
import type { providerBody, providerPatch, providerQuery } from './schema';

type Body = z.infer<typeof providerBody>;

/** The service directory: providers in Minka or outside it (including abroad), what they offer and to whom. */
export class DirectoryService {
  constructor(private readonly ctx: Context) {}
  private get db() {
    return this.ctx.db.db;
  }

  private async present(actor: Actor, rows: repo.Provider[], lang = 'es') {
    const geo = new GeoService(this.db);
    const labels = new Map<string, string>();
    for (const country of new Set(rows.map((r) => r.country_code))) {
      const codes = rows.filter((r) => r.country_code === country && r.division_code).map((r) => r.division_code!);
      for (const [k, v] of await geo.labels(country, codes)) labels.set(`${country}:${k}`, v);
    }
    return presentProviders(actor, rows, labels, lang);
  }

  /** Providers by service, place (a division and everything under it, or a whole country) and the person's age. */
  async search(actor: Actor, q: z.infer<typeof providerQuery>, lang = 'es') {
    const divisions = q.division
      ? await new GeoService(this.db).descendantCodes(q.country ?? actor.scope.country, q.division)
      : undefined;
    const rows = await repo.searchProviders(this.db, {
      country: q.country,
      divisions,
      service: q.service,
      kind: q.kind,
      age: q.age,
    });
    return this.present(actor, rows, lang);
  }

  /** One provider, active or not; any signed-in staff member may read it. */
  async get(actor: Actor, id: string, lang = 'es') {
    const row = await repo.findProvider(this.db, id);
    if (!row) throw notFound();
    return (await this.present(actor, [row], lang))[0]!;
  }

  /**
   * Ages in order, and a place that exists: a known country, and abroad an ISO 3166-2 first-level division of it
   * (a division in the installation's own country is one of its geography's codes, as before).
   */
  private check(b: Partial<Body>, home: string) {
    if (b.minAge != null && b.maxAge != null && b.minAge > b.maxAge) throw new AppError(400, 'age_range_invalid');
    if (b.country && b.country !== home) {
      const field = !isCountry(b.country)
        ? 'country'
        : b.division && !isDivisionAbroad(b.country, b.division)
          ? 'division'
          : null;
      if (field)
        throw new AppError(400, 'unknown_place', {}, { fields: [{ path: `body.${field}`, problem: 'unknown_place' }] });
    }
  }

  /** Adds a provider (directory managers only; audited). */
  async create(actor: Actor, given: Omit<Body, 'kind'> & { kind?: Body['kind'] }, requestId: string, lang = 'es') {
    const b: Body = { ...given, kind: given.kind ?? 'service' };
    if (!mayManage(actor)) throw new AppError(403, 'forbidden');
    this.check(b, actor.scope.country);
    const now = nowIso();
    const row: repo.Provider = {
      id: randomUUID(),
      organisation_id: b.organisationId,
      name: b.name,
      kind: b.kind,
      country_code: b.country,
      division_code: b.division,
      services: b.services,
      min_age: b.minAge,
      max_age: b.maxAge,
      sexes: b.sexes,
      contact: b.contact,
      hours: b.hours,
      active: true,
      created_at: now,
      updated_at: now,
    };
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'provider.created',
        recordType: 'provider',
        recordId: row.id,
        details: { name: b.name, kind: b.kind, services: b.services },
        requestId,
      },
      (trx) => repo.insertProvider(trx, row),
    );
    return (await this.present(actor, [row], lang))[0]!;
  }

  /** Changes a provider (directory managers only; audited with the fields changed). */
  async update(actor: Actor, id: string, b: z.infer<typeof providerPatch>, requestId: string, lang = 'es') {
    // Without the right, a provider answers 404 like any record out of reach (the authorisation matrix's rule).
    if (!mayManage(actor)) throw notFound();
    const before = await repo.findProvider(this.db, id);
    if (!before) throw notFound();
    this.check(
      {
        minAge: b.minAge ?? before.min_age,
        maxAge: b.maxAge ?? before.max_age,
        country: b.country ?? before.country_code,
        division: b.division !== undefined ? b.division : before.division_code,
      },
      actor.scope.country,
    );
    const set: Partial<repo.Provider> = { updated_at: nowIso() };
    if (b.name !== undefined) set.name = b.name;
    if (b.kind !== undefined) set.kind = b.kind;
    if (b.organisationId !== undefined) set.organisation_id = b.organisationId;
    if (b.country !== undefined) set.country_code = b.country;
    if (b.division !== undefined) set.division_code = b.division;
    if (b.services !== undefined) set.services = b.services;
    if (b.minAge !== undefined) set.min_age = b.minAge;
    if (b.maxAge !== undefined) set.max_age = b.maxAge;
    if (b.sexes !== undefined) set.sexes = b.sexes;
    if (b.contact !== undefined) set.contact = b.contact;
    if (b.hours !== undefined) set.hours = b.hours;
    if (b.active !== undefined) set.active = b.active;
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'provider.updated',
        recordType: 'provider',
        recordId: id,
        fields: Object.keys(b).join(','),
        requestId,
      },
      (trx) => repo.updateProvider(trx, id, set),
    );
    return this.get(actor, id, lang);
  }
}
