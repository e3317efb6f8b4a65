import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { type Actor, can, ScopeCheck } from '../access/index';
import { GeoService } from '../geo/index';
import { buildDashboard } from './dashboard';
import type { dashboardQuery } from './schema';
import type { InsightStore } from './store';

/** Dashboards for the viewer's jurisdiction, from the analytical store, under disclosure control. */
export class InsightsService {
  private readonly geo: GeoService;
  constructor(
    private readonly ctx: Context,
    private readonly store: InsightStore,
  ) {
    this.geo = new GeoService(ctx.db.db);
  }

  /** Exact counts only for case readers looking inside their own jurisdiction; everyone else gets protected ones. */
  async dashboard(actor: Actor, q: z.infer<typeof dashboardQuery>) {
    if (!can(actor, 'insights:aggregate')) throw new AppError(403, 'forbidden');
    const country = actor.scope.country;
    const scope = new ScopeCheck(this.ctx);
    const wanted = q.division ?? actor.scope.code;
    const ancestry = await scope.ancestry(country, wanted);
    // A division outside the viewer's jurisdiction is answered like an unknown one.
    if (!ancestry || !(await scope.within(actor, country, wanted))) throw new AppError(404, 'not_found');
    const level = ancestry.length - 1;
    if (level > 2) throw new AppError(400, 'division_too_fine');
    const division = level === 0 ? null : wanted;
    const areas =
      level === 2
        ? [wanted]
        : level === 1
          ? (await this.geo.children(country, wanted)).map((d) => d.code)
          : (await this.geo.descendantsAt(country, 2)).map((d) => d.code);
    const exact = can(actor, 'cases:read');
    const k = this.ctx.config.MINKA_DISCLOSURE_K;
    const published = exact ? null : await this.store.published(k, this.ctx.config.MINKA_RELEASE_MONTHS);
    const cube = published ? published.cube : await this.store.cube();
    const routeOrigins = cube.keysWith('route:').map((r) => r.split('>')[0]!);
    const labels = await this.geo.labels(country, [...new Set([...areas, ...routeOrigins])]);
    const d = buildDashboard(
      cube,
      { country, division, year: q.year ?? null, minor: q.minor === undefined ? null : q.minor === 'true' },
      { k: published?.k ?? k, exact, labels, areas, published: published?.published },
    );
    return { ...d, asOf: published?.asOf ?? null };
  }
}
