import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openContext } from '../app/index';
import {
  type Actor,
  OrganisationsService,
  organisationIdByName,
  organisationTypes,
  permissions,
  SessionService,
  UsersService,
} from '../modules/access/index';
import { AuditService } from '../modules/audit/index';
import { loadConfig } from '../platform/config';
import { type Context, openCrypto } from '../platform/context';
import { KeyError, keyFileName, newMasterKey, writeKeyFile } from '../platform/crypto/keys';
import { backupDatabase, restoreDatabase } from '../platform/db/dialect';
import { nowIso, openDb } from '../platform/db/index';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Runs `fn` with a context on the configured database and always closes it. */
export async function withContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.close();
  }
}

/** `audit verify`, `keys rotate`, `backup`, `restore` and `user invite-admin`. */
export function securityCommands(cli: Command): void {
  const audit = cli.command('audit').description('the hash-chained audit trail');
  audit
    .command('verify')
    .description('check every entry of the audit chain; exits 1 naming the first broken entry')
    .action(async () => {
      const r = await withContext((ctx) => new AuditService(ctx.db.db).verify());
      if (!r.ok)
        throw new Error(
          `audit chain broken at entry ${r.firstBroken!.id}: ${r.firstBroken!.reason} (${r.checked} entries before it are intact)`,
        );
      out(`audit chain intact: ${r.checked} entries`);
    });

  const keys = cli.command('keys').description('encryption keys');
  keys
    .command('rotate')
    .description('wrap every data key under a new master key; the old key no longer opens the data')
    .option('--out <file>', 'where to write the new key when MINKA_MASTER_KEY is used (mode 0600)')
    .action(async (o: { out?: string }) => {
      const config = loadConfig();
      const db = openDb(config);
      try {
        const { crypto, master, source } = await openCrypto(config, db);
        const next = newMasterKey(master.version + 1);
        const file = path.join(config.dataDir, keyFileName);
        const staged = config.MINKA_MASTER_KEY ? o.out : `${file}.next`;
        if (!staged) throw new KeyError('MINKA_MASTER_KEY is set: pass --out FILE to receive the new key');
        if (config.MINKA_MASTER_KEY && existsSync(staged)) throw new KeyError(`${staged} already exists`);
        // The new key is on disk before any data key depends on it; the swap happens after the commit.
        writeKeyFile(staged, next);
        const n = await crypto.rewrap(next);
        if (!config.MINKA_MASTER_KEY) renameSync(staged, file);
        out(`rewrapped ${n} data keys from master key v${master.version} (${source}) to v${next.version}`);
        out(
          config.MINKA_MASTER_KEY
            ? `put the content of ${staged} into MINKA_MASTER_KEY before the next start, then delete the file`
            : `new key in ${file}; the old key no longer opens the data`,
        );
      } finally {
        await db.close();
      }
    });

  cli
    .command('backup')
    .description(
      'write a consistent backup of the database (SQLite online backup, or pg_dump); keep the master key apart',
    )
    .requiredOption('--out <file>', 'backup file to write')
    .action(async (o: { out: string }) => {
      if (existsSync(o.out)) throw new Error(`${o.out} already exists`);
      await backupDatabase(loadConfig(), o.out);
      out(`backup written to ${o.out}`);
    });

  cli
    .command('restore')
    .description('replace the database with a backup (stop the server first)')
    .requiredOption('--from <file>', 'backup file made by minka backup')
    .option('--force', 'replace an existing database')
    .action(async (o: { from: string; force?: boolean }) => {
      const config = loadConfig();
      if (!existsSync(o.from)) throw new Error(`cannot read ${o.from}: ENOENT`);
      if (!config.DATABASE_URL && existsSync(config.sqlitePath) && !o.force)
        throw new Error(`${config.sqlitePath} exists: pass --force to replace it`);
      await restoreDatabase(config, o.from);
      out(`restored ${o.from}`);
    });

  const reports = cli.command('reports').description('the anonymous reporting channel');
  reports
    .command('purge')
    .description('delete reports past MINKA_REPORT_RETENTION_DAYS that were never linked to a case; warn a week before')
    .action(async () => {
      const { RetentionService } = await import('../modules/reports/index');
      const r = await withContext((ctx) => new RetentionService(ctx).purge());
      out(`purged ${r.purged} reports; warned about ${r.warned}`);
    });

  const user = cli.command('user').description('accounts');
  user
    .command('invite-admin')
    .description('create an organisation (if needed) and invite its first administrator; prints a one-time link')
    .requiredOption('--email <email>', 'administrator e-mail')
    .requiredOption('--name <name>', 'administrator name')
    .requiredOption('--organisation <name>', 'organisation name')
    .option('--type <type>', `organisation type (${organisationTypes.join(', ')})`, 'local_MunicipalCouncil')
    .option('--scope <code>', 'jurisdiction: a division code (default: the whole country)')
    .option('--url <base>', 'public address for the link (default MINKA_PUBLIC_URL or http://localhost:PORT)')
    .action(
      async (o: { email: string; name: string; organisation: string; type: string; scope?: string; url?: string }) => {
        if (!(organisationTypes as readonly string[]).includes(o.type))
          throw new Error(`--type must be one of ${organisationTypes.join(', ')}`);
        await withContext(async (ctx) => {
          const country = ctx.config.MINKA_DEFAULT_COUNTRY;
          const scope = o.scope ?? country;
          const system: Actor = {
            userId: 'system',
            orgId: 'system',
            roles: ['administrator'],
            permissions: new Set(permissions),
            scope: { country, code: country },
            sessionId: '',
          };
          let org = await organisationIdByName(ctx.db.db, o.organisation);
          if (!org) {
            org = (
              await new OrganisationsService(ctx).create(
                system,
                {
                  name: o.organisation,
                  type: o.type as (typeof organisationTypes)[number],
                  division: { country, code: scope },
                },
                `cli-${nowIso()}`,
              )
            ).id;
          }
          const users = new UsersService(ctx, new SessionService(ctx));
          const base = o.url ?? ctx.config.MINKA_PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`;
          const r = await users.invite(
            system,
            {
              email: o.email,
              name: o.name,
              organisationId: org,
              roles: ['administrator'],
              scope: { country, code: scope },
            },
            base.replace(/\/$/, ''),
            'cli',
          );
          out(`invited ${o.email} as administrator; one-time link (valid until ${r.link.expiresAt}):`);
          out(r.link.url);
        });
      },
    );
}
