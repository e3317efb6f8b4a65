import { existsSync, renameSync } from 'node:fs';
import type { Command } from 'commander';
import { openContext } from '../app/index';
import { organisationTypes } from '../modules/access/index';
import { carryAuditKeys } from '../modules/audit/index';
import { openFileStore } from '../platform/blobs/index';
import { loadConfig } from '../platform/config';
import { type Context, openCrypto } from '../platform/context';
import { masterKeyId } from '../platform/crypto/archive';
import { KeyError, keyBesideData, masterKeyFile, newMasterKey, writeKeyFile } from '../platform/crypto/keys';
import { rotDb } from '../platform/crypto/repo-rotation';
import { pendingRotations, rotate } from '../platform/crypto/rotate';
import { nowIso, openDb } from '../platform/db/index';
import { inviteAdministrator } from './init';
import { rebuildableIndexes } from './key-indexes';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** A whole number above zero from an option, or a clear refusal. */
export function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0`);
  return n;
}

/** Runs `fn` with a context on the configured database and always closes it. */
export async function withContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.close();
  }
}

/** `keys rotate`, `keys status`, `reports purge` and `user invite-admin`. */
export function securityCommands(cli: Command): void {
  const keys = cli.command('keys').description('encryption keys');
  keys
    .command('rotate')
    .description(
      'rotate keys: --master (the default) wraps the data keys under a new master key; --data re-encrypts every value and attachment under a new data key; --index rebuilds every blind index under a new index key. --data and --index run in batches while the server runs and resume where they stopped',
    )
    .option('--master', 'new master key (the default when no other kind is named)')
    .option('--data', 'new data key: every encrypted value and attachment is re-encrypted')
    .option('--index', 'new blind-index key: every lookup index is rebuilt')
    .option('--out <file>', 'where to write the new master key when MINKA_MASTER_KEY is used (mode 0600)')
    .option('--offline', 'no server is running: start at once instead of waiting for servers to load the new key')
    .option('--batch-size <n>', 'rows per batch and transaction', '200')
    .option('--max-batches <n>', 'stop after this many batches (run again to continue)')
    .action(
      async (o: {
        master?: boolean;
        data?: boolean;
        index?: boolean;
        out?: string;
        offline?: boolean;
        batchSize: string;
        maxBatches?: string;
      }) => {
        const config = loadConfig();
        const db = openDb(config);
        try {
          const { crypto, master, source } = await openCrypto(config, db);
          for (const kind of ['data', 'index'] as const) {
            if (!o[kind]) continue;
            const r = await rotate(rotDb(db.db), crypto, kind, {
              batchSize: positive(o.batchSize, '--batch-size'),
              maxBatches: o.maxBatches ? positive(o.maxBatches, '--max-batches') : undefined,
              waitMs: o.offline ? 0 : config.MINKA_KEY_REFRESH_SECONDS * 2000,
              files: openFileStore(config, db.db),
              indexes: rebuildableIndexes,
              report: out,
            });
            out(
              r.done
                ? `${kind} rotation done: ${r.changed} rows and files changed in ${r.batches} batches`
                : `${kind} rotation paused after ${r.batches} batches (${r.changed} changed); run the same command to continue`,
            );
            if (r.done && kind === 'index')
              out(
                'signed-in people reload the page (their form tokens changed); recovery codes issued before this rotation no longer work: people who need them create new ones',
              );
            if (!r.done) return;
          }
          if (!o.master && (o.data || o.index)) return;
          const next = newMasterKey(master.version + 1);
          const file = masterKeyFile(config);
          const staged = config.MINKA_MASTER_KEY ? o.out : `${file}.next`;
          if (!staged) throw new KeyError('MINKA_MASTER_KEY is set: pass --out FILE to receive the new key');
          if (config.MINKA_MASTER_KEY && existsSync(staged)) throw new KeyError(`${staged} already exists`);
          // The new key is on disk before any data key depends on it; the swap happens after the commit.
          writeKeyFile(staged, next);
          // The audit chain's keys follow the master key, so entries written before still verify.
          await carryAuditKeys(db.db, master, next);
          const n = await crypto.rewrap(next);
          if (!config.MINKA_MASTER_KEY) renameSync(staged, file);
          out(`rewrapped ${n} data keys from master key v${master.version} (${source}) to v${next.version}`);
          out(
            config.MINKA_MASTER_KEY
              ? `put the content of ${staged} into MINKA_MASTER_KEY before the next start, then delete the file`
              : `new key in ${file}; the old key no longer opens the data (backups made before need the old key)`,
          );
        } finally {
          await db.close();
        }
      },
    );
  keys
    .command('status')
    .description('the master key in use, whether it sits beside the data, and any unfinished rotation')
    .action(async () => {
      const config = loadConfig();
      const db = openDb(config);
      try {
        const { master, source } = await openCrypto(config, db);
        out(`master key ${masterKeyId(master)} from ${source}`);
        if (keyBesideData(config))
          out('warning: the key file is inside the data directory; keep it elsewhere (MINKA_MASTER_KEY_FILE)');
        for (const r of await pendingRotations(rotDb(db.db)))
          out(
            `unfinished ${r.kind} rotation since ${r.started_at}: ${r.phase}, ${r.batches} batches, ${r.changed} changed`,
          );
      } finally {
        await db.close();
      }
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
        await withContext(async (ctx) => {
          const r = await inviteAdministrator(ctx, o, `cli-${nowIso()}`);
          out(`invited ${o.email} as administrator; one-time link (valid until ${r.link.expiresAt}):`);
          out(r.link.url);
        });
      },
    );
}
