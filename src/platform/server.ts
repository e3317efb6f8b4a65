import { FollowUps } from '../modules/cases/followups';
import { HtcdsImports } from '../modules/insights/htcds/import';
import { RetentionService } from '../modules/reports/retention';
import type { Config } from './config';
import { type Context, openContext } from './context';
import type { DbHandle } from './db/index';
import { type App, buildApp } from './http/app';
import { seedDemo } from './seed';

export interface Running {
  app: App;
  ctx: Context;
  db: DbHandle;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, seeds demo data when configured, and listens. */
export async function startServer(
  config: Config,
  opts: { webDir?: string | null; logLevel?: string } = {},
): Promise<Running> {
  const ctx = await openContext(config);
  const { db } = ctx;
  try {
    const app = await buildApp({ ...ctx, webDir: opts.webDir, logLevel: opts.logLevel });
    if (config.MINKA_SEED_DEMO) {
      const r = await seedDemo(ctx);
      app.log.info({ seeded: r.seeded }, r.seeded.length ? 'demo data seeded' : 'demo data already present');
    }
    // Retention runs hourly in the serving process; `minka reports purge` does the same on demand.
    const retention = new RetentionService(ctx);
    const followUps = new FollowUps(ctx);
    const imports = new HtcdsImports(ctx);
    const purge = () => {
      retention.purge().catch((err) => app.log.error({ err }, 'report purge failed'));
      followUps.remind().catch((err) => app.log.error({ err }, 'reminders failed'));
      imports.expire().catch((err) => app.log.error({ err }, 'import clean-up failed'));
    };
    purge(); // once at start, so a restarted server does not wait an hour for reminders
    const timer = setInterval(purge, 3_600_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    app.log.info({ database: db.describe }, 'minka is serving');
    const port = new URL(address).port;
    return {
      app,
      ctx,
      db,
      url: `http://127.0.0.1:${port}`,
      close: async () => {
        await app.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
