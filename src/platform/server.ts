import type { Config } from './config';
import { type Context, openContext } from './context';
import type { DbHandle } from './db/index';
import { type App, buildServer } from './http/app';
import type { ModuleDescriptor } from './module';
import { seedDemo } from './seed';

export interface Running {
  app: App;
  ctx: Context;
  db: DbHandle;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, seeds demo data when configured, runs the modules' jobs and listens. */
export async function startServer(
  config: Config,
  opts: {
    modules: readonly ModuleDescriptor[];
    auditor: Parameters<typeof openContext>[1]['auditor'];
    webDir?: string | null;
    logLevel?: string;
  },
): Promise<Running> {
  const ctx = await openContext(config, { auditor: opts.auditor });
  const { db } = ctx;
  try {
    const { modules } = opts;
    const app = await buildServer({ ...ctx, modules, webDir: opts.webDir, logLevel: opts.logLevel });
    if (config.MINKA_SEED_DEMO) {
      const r = await seedDemo(ctx, modules);
      app.log.info({ seeded: r.seeded }, r.seeded.length ? 'demo data seeded' : 'demo data already present');
    }
    // Each job runs once at start (so a restarted server does not wait an hour for reminders), then on its interval.
    const timers = modules
      .flatMap((m) => m.jobs ?? [])
      .map((job) => {
        const run = () => {
          job.run(ctx).catch((err) => app.log.error({ err, job: job.name }, 'job failed'));
        };
        run();
        const timer = setInterval(run, job.everyMs);
        timer.unref();
        return timer;
      });
    app.addHook('onClose', async () => {
      for (const t of timers) clearInterval(t);
    });
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
