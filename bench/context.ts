import { randomBytes } from 'node:crypto';
import { openContext } from '../src/app/index';
import { loadConfig } from '../src/platform/config';
import type { Context } from '../src/platform/context';
import { createPostgresDatabase, dropPostgresDatabase } from '../src/platform/db/dialect';
import { tempDir } from '../tests/support/db';
import type { NamePoolName } from './generator';

/** What the command line and the environment ask of a bench (each bench has its own defaults). */
export interface BenchOptions {
  size?: number;
  runs?: number;
  /** The generator's name pool: `national` (default) or `canton`. */
  names?: NamePoolName;
  /** A PostgreSQL server to create the bench database on, instead of SQLite. */
  postgres?: string;
}

export interface ContextOptions {
  /**
   * A PostgreSQL server URL: the bench then runs on a new database created next to it (and dropped afterwards)
   * instead of SQLite. Only benches that support both engines pass it (from BENCH_DATABASE_URL).
   */
  postgres?: string;
}

/**
 * Runs a benchmark against a fresh, migrated database in a temporary data directory (SQLite, or PostgreSQL when
 * asked), then removes it.
 */
export async function withTempContext<T>(fn: (ctx: Context) => Promise<T>, opts: ContextOptions = {}): Promise<T> {
  // BENCH_KEEP_DIR keeps the database afterwards, to look at query plans: SQLite's in that folder, or the PostgreSQL
  // database (its name is printed).
  const keep = process.env.BENCH_KEEP_DIR;
  const tmp = keep ? { dir: keep, remove: () => {} } : tempDir('minka-bench-');
  const name = `minka_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = opts.postgres ? await createPostgresDatabase(opts.postgres, name) : undefined;
  try {
    const ctx = await openContext(
      loadConfig({ MINKA_DATA_DIR: tmp.dir, LOG_LEVEL: 'silent', ...(url ? { DATABASE_URL: url } : {}) }),
    );
    try {
      return await fn(ctx);
    } finally {
      await ctx.db.close();
    }
  } finally {
    if (opts.postgres && !keep) await dropPostgresDatabase(opts.postgres, name);
    else if (opts.postgres) console.error(`kept the PostgreSQL database ${name}`);
    tmp.remove();
  }
}
