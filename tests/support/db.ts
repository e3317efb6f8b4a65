import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openContext } from '../../src/app/index';
import { type Config, loadConfig } from '../../src/platform/config';
import type { Context } from '../../src/platform/context';
import { createPostgresDatabase, dropPostgresDatabase } from '../../src/platform/db/dialect';
import type { DbHandle } from '../../src/platform/db/index';

export interface TestDb {
  engine: 'sqlite' | 'postgres';
  config: Config;
  handle: DbHandle;
  /** Database, crypto and audit, as the server builds them. */
  ctx: Context;
  cleanup(): Promise<void>;
}

export interface DbTarget {
  name: 'sqlite' | 'postgres';
  open(overrides?: Record<string, string>): Promise<TestDb>;
}

/** A temporary data directory removed by the returned function. */
export function tempDir(prefix = 'minka-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Test configuration: quiet, no demo seed, a temp data dir; overrides win. */
export function testConfig(dataDir: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({ MINKA_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...overrides });
}

/** Opens a migrated database in a temp data dir; `dropExtra` runs after the handle closes. */
async function openIn(
  engine: TestDb['engine'],
  overrides: Record<string, string>,
  dropExtra?: () => Promise<void>,
): Promise<TestDb> {
  const tmp = tempDir();
  const config = testConfig(tmp.dir, overrides);
  const ctx = await openContext(config);
  return {
    engine,
    config,
    handle: ctx.db,
    ctx,
    cleanup: async () => {
      await ctx.db.close();
      await dropExtra?.();
      tmp.remove();
    },
  };
}

const sqlite: DbTarget = {
  name: 'sqlite',
  open: (overrides = {}) => openIn('sqlite', overrides),
};

function postgres(baseUrl: string): DbTarget {
  return {
    name: 'postgres',
    async open(overrides = {}) {
      const name = `minka_t_${process.pid}_${randomBytes(4).toString('hex')}`;
      const url = await createPostgresDatabase(baseUrl, name);
      return openIn('postgres', { ...overrides, DATABASE_URL: url }, () => dropPostgresDatabase(baseUrl, name));
    },
  };
}

/**
 * The databases the integration tier runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
 * Under CI=true a missing TEST_DATABASE_URL is an error, never a silent skip.
 */
export function dbTargets(): DbTarget[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tier cannot be skipped in CI');
  }
  return url ? [sqlite, postgres(url)] : [sqlite];
}
