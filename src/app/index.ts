import { AuditService } from '../modules/audit/index';
import type { Config } from '../platform/config';
import { type Context, openContext as openPlatformContext } from '../platform/context';
import type { MasterKey } from '../platform/crypto/keys';
import { type App, type AppDeps, buildServer } from '../platform/http/app';
import { seedDemo as seedModules } from '../platform/seed';
import { type Running, startServer as startPlatformServer } from '../platform/server';
import { modules } from './modules';

export { modules } from './modules';

const auditor = (db: Context['db']['db'], master: MasterKey) => new AuditService(db, master);

/** Opens the database and the shared services, with the audit module as the audit trail. */
export function openContext(config: Config, opts: { migrate?: boolean } = {}): Promise<Context> {
  return openPlatformContext(config, { ...opts, auditor });
}

/** The whole HTTP application, every module mounted, without listening (tests drive it with inject()). */
export function buildApp(deps: AppDeps): Promise<App> {
  return buildServer({ ...deps, modules });
}

/** Seeds every module's demo data that has not run on this database yet. */
export function seedDemo(ctx: Context): Promise<{ seeded: string[] }> {
  return seedModules(ctx, modules);
}

/** Opens, migrates, seeds when configured, runs the jobs and listens: the product as `minka serve` runs it. */
export function startServer(
  config: Config,
  opts: { webDir?: string | null; logLevel?: string } = {},
): Promise<Running> {
  return startPlatformServer(config, { ...opts, modules, auditor });
}
