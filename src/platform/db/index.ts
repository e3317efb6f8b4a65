import { Kysely, Migrator, sql } from 'kysely';
import { now } from '../clock';
import type { Config } from '../config';
import { type DialectHandle, type Engine, postgresDialect, sqliteDialect } from './dialect';
import { migrations } from './migrations/index';
import type { Database } from './types';

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  engine: Engine;
  describe: string;
  close(): Promise<void>;
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else the SQLite file in the data dir. */
export function openDb(config: Pick<Config, 'DATABASE_URL' | 'sqlitePath'> & { MINKA_DB_POOL?: number }): DbHandle {
  const handle: DialectHandle = config.DATABASE_URL
    ? postgresDialect(config.DATABASE_URL, config.MINKA_DB_POOL)
    : sqliteDialect(config.sqlitePath);
  const db = new Kysely<Database>({ dialect: handle.dialect });
  return { db, engine: handle.engine, describe: handle.describe, close: () => db.destroy() };
}

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

export interface MigrationState {
  name: string;
  executedAt: string | null;
}

/** Applies every pending migration; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Lists every known migration and when it ran (null while pending). */
export async function migrationStatus(db: Db): Promise<MigrationState[]> {
  const list = await migrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}

/** True when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** The business clock's current time as an ISO string (platform/clock: shifted only in tests and rehearsals). */
export const nowIso = (): string => now().toISOString();

export { nextSequence } from './repo';
