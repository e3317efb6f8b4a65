import { isIP } from 'node:net';
import { fileStoreOf } from './blobs/index';
import { type Config, ConfigError } from './config';
import { type Context, openContext } from './context';
import { keyBesideData } from './crypto/keys';
import type { DbHandle } from './db/index';
import { withStartupLock } from './db/startup-lock';
import { type App, buildServer } from './http/app';
import { startJobs } from './jobs/index';
import type { ModuleDescriptor } from './module';
import { hasDemoData, seedDemo } from './seed';

export interface Running {
  app: App;
  ctx: Context;
  db: DbHandle;
  url: string;
  close(): Promise<void>;
}

/** True for an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** Refuses a demo open to the network unless MINKA_DEMO_PUBLIC says so; the accounts' passwords are published. */
export function checkDemoHost(config: Config): void {
  if (!config.MINKA_DEMO || config.MINKA_DEMO_PUBLIC || isLoopback(config.HOST)) return;
  throw new ConfigError(
    `this is a demo (MINKA_DEMO) and its accounts' passwords are published, but HOST=${config.HOST} is not a loopback address: set MINKA_DEMO_PUBLIC=yes to open the demo to the network anyway, or leave HOST unset`,
  );
}

/** Refuses to serve demo data (and its published accounts) as a real installation. */
async function checkDemoData(ctx: Context): Promise<void> {
  if (ctx.config.MINKA_DEMO || !(await hasDemoData(ctx.db.db))) return;
  throw new ConfigError(
    'this database holds demo data and the demo accounts, whose passwords are published: start it as a demo (MINKA_DEMO=yes or minka serve --demo), or give a real installation its own data directory (MINKA_DATA_DIR) or database (DATABASE_URL) and run minka init',
  );
}

/**
 * Opens the database, applies migrations, seeds demo data when this is a demo, runs the modules' jobs and listens.
 * Refuses a demo on a network address (unless MINKA_DEMO_PUBLIC) and demo data in an installation that is no demo.
 */
export async function startServer(
  config: Config,
  opts: {
    modules: readonly ModuleDescriptor[];
    auditor: Parameters<typeof openContext>[1]['auditor'];
    webDir?: string | null;
    logLevel?: string;
  },
): Promise<Running> {
  checkDemoHost(config);
  const ctx = await openContext(config, { auditor: opts.auditor });
  const { db } = ctx;
  try {
    await checkDemoData(ctx);
    const { modules } = opts;
    const app = await buildServer({ ...ctx, modules, webDir: opts.webDir, logLevel: opts.logLevel });
    if (config.MINKA_DEMO) {
      // Under the start-up lock: two demo nodes started together seed once.
      const r = await withStartupLock(db, () => seedDemo(ctx, modules));
      app.log.info({ seeded: r.seeded }, r.seeded.length ? 'demo data seeded' : 'demo data already present');
      app.log.warn('this is a demo: fake data, and demo accounts whose passwords are published');
    }
    // The modules' jobs: once across the nodes on PostgreSQL, in this process on SQLite (src/platform/jobs).
    const jobs = await startJobs(ctx, modules, app.log);
    app.addHook('onClose', () => jobs.stop());
    // Data keys a rotation (`minka keys rotate`, another process) adds are loaded here before it uses them.
    const keyRefresh = setInterval(() => {
      ctx.crypto.refresh().catch((err) => app.log.error({ err }, 'loading new data keys failed'));
    }, config.MINKA_KEY_REFRESH_SECONDS * 1000);
    keyRefresh.unref();
    if (keyBesideData(config))
      app.log.warn(
        'the master key is a file inside the data directory: a copy of the folder holds the data and its key; set MINKA_MASTER_KEY_FILE or MINKA_MASTER_KEY (docs/administrator.md)',
      );
    app.addHook('onClose', async () => {
      clearInterval(keyRefresh);
    });
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    app.log.info({ database: db.describe }, 'minka is serving');
    // Attachments an earlier version left in this node's own folder move into the shared store, in the background.
    fileStoreOf(ctx)
      .moveLocalFiles()
      .then((r) => {
        if (r.present) app.log.info(r, 'attachments left in the local folder moved into the shared store');
      })
      .catch((err) => app.log.error({ err }, 'moving attachments into the shared store failed'));
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
