import { openContext } from '../src/app/index';
import { loadConfig } from '../src/platform/config';
import type { Context } from '../src/platform/context';
import { tempDir } from '../tests/support/db';

/** Runs a benchmark against a fresh, migrated SQLite database in a temporary data directory, then removes it. */
export async function withTempContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const tmp = tempDir('minka-bench-');
  const ctx = await openContext(loadConfig({ MINKA_DATA_DIR: tmp.dir, LOG_LEVEL: 'silent' }));
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.close();
    tmp.remove();
  }
}
