import type { Context } from '../../platform/context';
import { GeoService } from '../geo/index';
import { type Actor, inJurisdiction } from './policy';

/** Looks up a division's ancestry once per request and answers jurisdiction questions with the pure policy. */
export class ScopeCheck {
  private readonly geo: GeoService;
  private readonly cache = new Map<string, string[] | null>();

  constructor(ctx: Context) {
    this.geo = new GeoService(ctx.db.db);
  }

  async ancestry(country: string, code: string): Promise<string[] | null> {
    const key = `${country}:${code}`;
    if (!this.cache.has(key)) this.cache.set(key, await this.geo.ancestry(country, code));
    return this.cache.get(key) ?? null;
  }

  /** True when the division exists and lies within the actor's jurisdiction. */
  async within(actor: Actor, country: string, code: string): Promise<boolean> {
    const a = await this.ancestry(country, code);
    return a !== null && inJurisdiction(actor, country, a);
  }
}
