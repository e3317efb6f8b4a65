import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { GeoService } from '../geo/index';
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

  private async present(actor: Actor, rows: repo.Provider[]) {
    const geo = new GeoService(this.db);
    const labels = new Map<string, string>();
    for (const country of new Set(rows.map((r) => r.country_code))) {
      const codes = rows.filter((r) => r.country_code === country && r.division_code).map((r) => r.division_code!);
      for (const [k, v] of await geo.labels(country, codes)) labels.set(`${country}:${k}`, v);
    }
    return presentProviders(actor, rows, labels);
  }

  /** Providers by service, place (a division and everything under it, or a whole country) and the person's age. */
  async search(actor: Actor, q: z.infer<typeof providerQuery>) {
    const divisions = q.division
      ? await new GeoService(this.db).descendantCodes(q.country ?? actor.scope.country, q.division)
      : undefined;
    const rows = await repo.searchProviders(this.db, { country: q.country, divisions, service: q.service, age: q.age });
    return this.present(actor, rows);
  }

  /** One provider, active or not; any signed-in staff member may read it. */
  async get(actor: Actor, id: string) {
    const row = await repo.findProvider(this.db, id);
    if (!row) throw notFound();
    return (await this.present(actor, [row]))[0]!;
  }

  private check(b: Partial<Body>) {
    if (b.minAge != null && b.maxAge != null && b.minAge > b.maxAge) throw new AppError(400, 'age_range_invalid');
  }

  /** Adds a provider (directory managers only; audited). */
  async create(actor: Actor, b: Body, requestId: string) {
    if (!mayManage(actor)) throw new AppError(403, 'forbidden');
    this.check(b);
    const now = nowIso();
    const row: repo.Provider = {
      id: randomUUID(),
      organisation_id: b.organisationId,
      name: b.name,
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
        details: { name: b.name, services: b.services },
        requestId,
      },
      (trx) => repo.insertProvider(trx, row),
    );
    return (await this.present(actor, [row]))[0]!;
  }

  /** Changes a provider (directory managers only; audited with the fields changed). */
  async update(actor: Actor, id: string, b: z.infer<typeof providerPatch>, requestId: string) {
    // Without the right, a provider answers 404 like any record out of reach (the authorisation matrix's rule).
    if (!mayManage(actor)) throw notFound();
    const before = await repo.findProvider(this.db, id);
    if (!before) throw notFound();
    this.check({ minAge: b.minAge ?? before.min_age, maxAge: b.maxAge ?? before.max_age });
    const set: Partial<repo.Provider> = { updated_at: nowIso() };
    if (b.name !== undefined) set.name = b.name;
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
    return this.get(actor, id);
  }
}
