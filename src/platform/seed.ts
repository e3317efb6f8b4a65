import { ConfigError } from './config';
import type { Context } from './context';
import type { Db } from './db/index';
import { nowIso } from './db/index';
import { hasAnyUser, hasMeta, hasMetaPrefix, putMeta } from './db/repo';
import type { ModuleDescriptor } from './module';

const seedPrefix = 'demo_seed:';

/** True when demo data (and so the demo accounts, whose passwords are published) was ever seeded here. */
export const hasDemoData = (db: Db) => hasMetaPrefix(db, seedPrefix);

/**
 * Seeds the demo data of the given modules that has not run on this database yet (so a new capability's
 * demo data reaches an existing demo installation), in module order; returns which ran. A second run adds nothing.
 * Refuses a database that already holds a real installation's accounts: demo accounts never join real ones.
 */
export async function seedDemo(ctx: Context, modules: readonly ModuleDescriptor[]): Promise<{ seeded: string[] }> {
  const db = ctx.db.db;
  if (!(await hasDemoData(db)) && (await hasAnyUser(db))) {
    throw new ConfigError(
      'this database holds the accounts of a real installation: demo data (with its published passwords) needs its own data directory (MINKA_DATA_DIR) or database (DATABASE_URL)',
    );
  }
  const seeded: string[] = [];
  for (const m of modules) {
    if (!m.seed) continue;
    const key = `${seedPrefix}${m.name}`;
    if (await hasMeta(db, key)) continue;
    await m.seed(ctx);
    await putMeta(db, key, nowIso(), nowIso());
    seeded.push(m.name);
  }
  return { seeded };
}
