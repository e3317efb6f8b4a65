import { seedAccessDemo } from '../modules/access/demo';
import { seedCasesDemo } from '../modules/cases/demo';
import { seedDirectoryDemo } from '../modules/directory/demo';
import { defaultSharedData, seedGeoDemo } from '../modules/geo/demo';
import { GeoService } from '../modules/geo/service';
import { seedInsightsDemo } from '../modules/insights/demo';
import { seedPlansDemo } from '../modules/plans/demo';
import { seedReferralsDemo } from '../modules/referrals/demo';
import { seedReportsDemo } from '../modules/reports/demo';
import type { Context } from './context';
import { nowIso } from './db/index';

/** Each capability adds its demo data here, in dependency order; each runs once per database. */
const seeders: { name: string; run: (ctx: Context) => Promise<void> }[] = [
  {
    name: 'geo',
    run: (ctx) => seedGeoDemo(new GeoService(ctx.db.db), ctx.config.MINKA_SHARED_DATA ?? defaultSharedData()),
  },
  { name: 'access', run: seedAccessDemo },
  { name: 'reports', run: seedReportsDemo },
  { name: 'cases', run: seedCasesDemo },
  { name: 'directory', run: seedDirectoryDemo },
  { name: 'referrals', run: seedReferralsDemo },
  { name: 'plans', run: seedPlansDemo },
  { name: 'insights', run: seedInsightsDemo },
];

/**
 * Seeds the demo data sets that have not run on this database yet (so a new capability's demo data
 * reaches an existing demo installation); returns which ran. A second run adds nothing.
 */
export async function seedDemo(ctx: Context): Promise<{ seeded: string[] }> {
  const db = ctx.db.db;
  const seeded: string[] = [];
  for (const s of seeders) {
    const key = `demo_seed:${s.name}`;
    if (await db.selectFrom('meta').select('key').where('key', '=', key).executeTakeFirst()) continue;
    await s.run(ctx);
    await db.insertInto('meta').values({ key, value: nowIso(), updated_at: nowIso() }).execute();
    seeded.push(s.name);
  }
  return { seeded };
}
