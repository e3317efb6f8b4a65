import { seedGeoDemo } from '../modules/geo/demo';
import { GeoService } from '../modules/geo/service';
import type { Context } from './context';
import { nowIso } from './db/index';

/** Bump when the demo data changes shape, so existing demo installations can tell. */
export const demoSeedVersion = '1';
const metaKey = 'demo_seed';

/** Each capability adds its demo data here, in dependency order. */
const seeders: { name: string; run: (ctx: Context) => Promise<void> }[] = [
  { name: 'geo', run: (ctx) => seedGeoDemo(new GeoService(ctx.db.db)) },
];

/** Seeds demo data once per database; returns false (and writes nothing) when it already ran. */
export async function seedDemo(ctx: Context): Promise<{ seeded: boolean; version: string }> {
  const db = ctx.db.db;
  const done = await db.selectFrom('meta').select('value').where('key', '=', metaKey).executeTakeFirst();
  if (done) return { seeded: false, version: done.value };
  for (const s of seeders) await s.run(ctx);
  await db.insertInto('meta').values({ key: metaKey, value: demoSeedVersion, updated_at: nowIso() }).execute();
  return { seeded: true, version: demoSeedVersion };
}
