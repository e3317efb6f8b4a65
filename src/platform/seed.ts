import type { Context } from './context';
import { nowIso } from './db/index';
import { hasMeta, putMeta } from './db/repo';
import type { ModuleDescriptor } from './module';

/**
 * Seeds the demo data of the given modules that has not run on this database yet (so a new capability's
 * demo data reaches an existing demo installation), in module order; returns which ran. A second run adds nothing.
 */
export async function seedDemo(ctx: Context, modules: readonly ModuleDescriptor[]): Promise<{ seeded: string[] }> {
  const db = ctx.db.db;
  const seeded: string[] = [];
  for (const m of modules) {
    if (!m.seed) continue;
    const key = `demo_seed:${m.name}`;
    if (await hasMeta(db, key)) continue;
    await m.seed(ctx);
    await putMeta(db, key, nowIso(), nowIso());
    seeded.push(m.name);
  }
  return { seeded };
}
