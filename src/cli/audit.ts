import path from 'node:path';
import type { Command } from 'commander';
import pino from 'pino';
import { openContext } from '../app/index';
import { auditServiceOf, checkpointDir, type Verification, writeAuditCheckpoint } from '../modules/audit/index';
import { loadConfig } from '../platform/config';
import type { Context } from '../platform/context';
import { loggerOptions } from '../platform/log';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function withContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.close();
  }
}

/** The verification as lines for a person; throws (exit 1) naming the first changed entry when it fails. */
function report(r: Verification): void {
  const cp = r.checkpoints;
  for (const p of cp.problems) err(`checkpoint ${p.file}: ${p.reason}`);
  if (r.firstBroken) {
    const b = r.firstBroken;
    throw new Error(
      `audit chain broken at entry ${b.id}${b.at ? ` (written ${b.at})` : ''}: ${b.reason} (${r.checked} entries before it are intact)`,
    );
  }
  if (cp.problems.length)
    throw new Error(`audit checkpoints: ${cp.problems.length} not validly signed (forged or altered) in ${cp.dir}`);
  const keyed = r.keyedFrom === null ? 'none keyed yet' : `keyed with HMAC-SHA256 from entry ${r.keyedFrom}`;
  out(`audit chain intact: ${r.checked} entries (${r.legacy} plain-hash entries before the keyed chain, ${keyed})`);
  out(
    cp.dir
      ? `checkpoints: ${cp.checked} signed heads still in the chain${cp.latest ? ` (latest: entry ${cp.latest.entryId}, signed ${cp.latest.signedAt})` : ''} in ${cp.dir}`
      : 'checkpoints: none checked',
  );
}

/** `audit verify [--checkpoints DIR]` and `audit checkpoint`. */
export function auditCommands(cli: Command): void {
  const audit = cli.command('audit').description('the audit trail: a keyed MAC chain with signed checkpoints');
  audit
    .command('verify')
    .description(
      'check every MAC of the audit chain and that each signed checkpoint is still in it; exits 1 naming the first changed entry',
    )
    .option(
      '--checkpoints <dir>',
      'checkpoint directory to hold the chain against (default MINKA_AUDIT_CHECKPOINT_DIR or <data dir>/audit-checkpoints, when it exists)',
    )
    .action(async (o: { checkpoints?: string }) => {
      const r = await withContext((ctx) =>
        auditServiceOf(ctx).verify({
          checkpointDir: o.checkpoints ? path.resolve(o.checkpoints) : checkpointDir(ctx.config),
          requireDir: Boolean(o.checkpoints),
        }),
      );
      report(r);
    });
  audit
    .command('checkpoint')
    .description('verify the chain, then write a signed checkpoint of its head to the checkpoint directory')
    .action(async () => {
      const file = await withContext((ctx) =>
        writeAuditCheckpoint(ctx, pino(loggerOptions(ctx.config.LOG_LEVEL), pino.destination(2))),
      );
      out(`audit checkpoint written: ${file}`);
    });
}
