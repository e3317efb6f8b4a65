import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { openContext, seedDemo, startServer } from './app/index';
import { auditCommands } from './cli/audit';
import { backupCommands } from './cli/backup';
import { htcdsCommands } from './cli/htcds';
import { i18nCommands } from './cli/i18n';
import { initCommand } from './cli/init';
import { securityCommands } from './cli/security';
import { GeoService, ImportFileError, parseBoundaries, parseDivisionsFile } from './modules/geo/index';
import { type Config, ConfigError, loadConfig } from './platform/config';
import { KeyError } from './platform/crypto/keys';
import { migrateToLatest, migrationStatus, openDb } from './platform/db/index';
import { AppError } from './platform/http/errors';
import { pickLanguage, t } from './platform/i18n/index';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Runs `fn` with an open, migrated database and always closes it. */
async function withDb<T>(
  config: Config,
  fn: (db: ReturnType<typeof openDb>) => Promise<T>,
  migrate = true,
): Promise<T> {
  const handle = openDb(config);
  try {
    if (migrate) await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function program(): Command {
  const cli = new Command('minka')
    .description('Minka counter-trafficking information system')
    .showHelpAfterError()
    .exitOverride();

  cli
    .command('serve')
    .description('migrate and serve API and web app; a demo (--demo) seeds fake data and listens on 127.0.0.1')
    .option('-p, --port <port>', 'port to listen on (default PORT or 3000)')
    .option('--demo', 'run as a demo (as MINKA_DEMO=yes): fake data, published demo accounts, a banner on every page')
    .action(async (o: { port?: string; demo?: boolean }) => {
      const config = loadConfig({
        ...process.env,
        ...(o.port ? { PORT: o.port } : {}),
        ...(o.demo ? { MINKA_DEMO: 'yes' } : {}),
      });
      const running = await startServer(config);
      out(`Minka is serving on http://localhost:${new URL(running.url).port} (${running.db.describe})`);
      if (config.MINKA_DEMO) out('This is a demo: fake data, and demo accounts whose passwords are published.');
      // SIGTERM from a load balancer's orchestrator: stop taking requests (new ones get 503, so /api/ready fails),
      // let in-flight requests and jobs finish, then exit; past the grace period, exit anyway.
      const stop = async () => {
        const force = setTimeout(() => {
          running.app.log.warn('shutdown grace period over: exiting with requests still in flight');
          process.exit(1);
        }, config.MINKA_SHUTDOWN_GRACE_SECONDS * 1000);
        force.unref();
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  cli
    .command('migrate')
    .description('apply pending database migrations')
    .option('--status', 'list migrations and whether each has run, without applying any')
    .action(async (o: { status?: boolean }) => {
      const config = loadConfig();
      await withDb(
        config,
        async ({ db, describe }) => {
          if (o.status) {
            for (const m of await migrationStatus(db))
              out(`${m.executedAt ? 'applied' : 'pending'}  ${m.name}${m.executedAt ? `  ${m.executedAt}` : ''}`);
            return;
          }
          const applied = await migrateToLatest(db);
          out(applied.length ? `applied ${applied.join(', ')} on ${describe}` : `already up to date on ${describe}`);
        },
        false,
      );
    });

  cli
    .command('seed')
    .description('load demo data (fake cases, reports, plans) into the database')
    .requiredOption('--demo', 'the demo data set (the only one for now)')
    .action(async () => {
      const ctx = await openContext(loadConfig());
      try {
        const r = await seedDemo(ctx);
        out(r.seeded.length ? `demo data seeded: ${r.seeded.join(', ')}` : 'demo data already present; nothing added');
      } finally {
        await ctx.db.close();
      }
    });

  const geo = cli.command('geo').description('administrative divisions and boundaries');
  geo
    .command('import')
    .description(
      'load divisions (INEC DPA JSON tree or CSV: code,name,parent_code,level) and optional GeoJSON boundaries',
    )
    .requiredOption('--divisions <file>', 'divisions file (.json INEC tree or .csv)')
    .option('--boundaries <file>', 'GeoJSON FeatureCollection of boundaries')
    .option('--country <code>', 'ISO 3166-1 alpha-2 country code (default MINKA_DEFAULT_COUNTRY)')
    .option('--country-name <name>', 'name of the country node (default ECUADOR for EC, else the code)')
    .option('--code-property <name>', 'GeoJSON property holding the division code (INEC DPA_* found automatically)')
    .option('--json', 'print the report as JSON')
    .action(
      async (o: {
        divisions: string;
        boundaries?: string;
        country?: string;
        countryName?: string;
        codeProperty?: string;
        json?: boolean;
      }) => {
        const config = loadConfig();
        const country = (o.country ?? config.MINKA_DEFAULT_COUNTRY).toUpperCase();
        if (!/^[A-Z]{2}$/.test(country)) throw new Error(`--country ${o.country} is not an ISO 3166-1 alpha-2 code`);
        const parsed = parseDivisionsFile(o.divisions, readText(o.divisions), country);
        const boundaries = o.boundaries ? parseBoundaries(readText(o.boundaries), o.codeProperty) : undefined;
        const countryName = o.countryName ?? (country === 'EC' ? 'ECUADOR' : country);
        const report = await withDb(config, ({ db }) =>
          new GeoService(db).import({ country, countryName, divisions: parsed.divisions, boundaries }),
        );
        const levels = [1, 2, 3].map((l) => parsed.divisions.filter((d) => d.level === l).length);
        if (o.json) {
          out(
            JSON.stringify({
              country,
              inFile: { level1: levels[0], level2: levels[1], level3: levels[2] },
              skipped: parsed.skipped,
              ...report,
            }),
          );
          return;
        }
        out(`${country}: file has ${levels[0]} level-1, ${levels[1]} level-2, ${levels[2]} level-3 divisions`);
        out(
          `divisions: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.notInFile} loaded but not in file (kept)`,
        );
        if (boundaries) {
          const b = report.boundaries;
          out(
            `boundaries: ${b.added} added, ${b.updated} updated, ${b.unchanged} unchanged, ${b.unmatched.length} without a division${b.unmatched.length ? ` (${b.unmatched.slice(0, 10).join(', ')})` : ''}`,
          );
        }
        for (const s of parsed.skipped) out(`skipped ${s}`);
      },
    );

  initCommand(cli);
  securityCommands(cli);
  backupCommands(cli);
  auditCommands(cli);
  htcdsCommands(cli);
  i18nCommands(cli);
  return cli;
}

/** One-line reason for a failure; stack traces only with DEBUG set. */
function reason(err: unknown): string {
  if (err instanceof ConfigError || err instanceof ImportFileError || err instanceof KeyError) return err.message;
  if (err instanceof AppError) {
    // The operator's language (LANG), the same message a person gets on screen.
    const lang = pickLanguage(process.env.LANG?.replace('_', '-'));
    const params = Object.fromEntries(
      Object.entries(err.params).map(([k, v]) => [k, typeof v === 'function' ? v(lang) : v]),
    );
    return `${t(lang, `errors.${err.code}`, params)} (${err.code})`;
  }
  if (err instanceof Error) return err.message.split('\n')[0] ?? String(err);
  return String(err);
}

async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode);
    process.stderr.write(`minka: ${reason(err)}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  }
}

await main(process.argv);
