import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { Auditor } from './audit';
import { setClockOffsetDays } from './clock';
import type { Config } from './config';
import { FieldCrypto } from './crypto/fields';
import { KeyError, loadMasterKey, type MasterKey, masterKeyFile, parseEnvKey } from './crypto/keys';
import { anyKey } from './crypto/repo';
import { type DbHandle, migrateToLatest, openDb } from './db/index';
import { withStartupLock } from './db/startup-lock';

/** What every module's service is built from. */
export interface Context {
  config: Config;
  db: DbHandle;
  crypto: FieldCrypto;
  audit: Auditor;
}

/** Opens the data keys with the configured master key; refuses with a clear message when it does not open them. */
export async function openCrypto(
  config: Config,
  db: DbHandle,
): Promise<{ crypto: FieldCrypto; master: MasterKey; source: string }> {
  const hasData = await anyKey(db.db);
  const file = masterKeyFile(config);
  let loaded: ReturnType<typeof loadMasterKey>;
  try {
    loaded = loadMasterKey({ envKey: config.MINKA_MASTER_KEY, dataDir: config.dataDir, file, create: !hasData });
  } catch (err) {
    if (hasData && err instanceof KeyError) {
      throw new KeyError(`encrypted data exists but ${err.message}; restore the master key used for this database`);
    }
    throw err;
  }
  try {
    return { crypto: await FieldCrypto.open(db.db, loaded.key), master: loaded.key, source: loaded.source };
  } catch (err) {
    // A rotation that committed but stopped before replacing the key file leaves the new key beside it.
    const next = `${file}.next`;
    if (!config.MINKA_MASTER_KEY && existsSync(next)) {
      const key = parseEnvKey(readFileSync(next, 'utf8'));
      const crypto = await FieldCrypto.open(db.db, key);
      renameSync(next, file);
      return { crypto, master: key, source: file };
    }
    throw new KeyError(
      `the master key from ${loaded.source} does not open the encrypted data (${(err as Error).message})`,
    );
  }
}

/** Opens the database (migrating it unless told not to) and the services every module needs; the audit trail comes from the caller. */
export async function openContext(
  config: Config,
  opts: { migrate?: boolean; auditor: (db: DbHandle['db'], master: MasterKey) => Auditor },
): Promise<Context> {
  setClockOffsetDays(config.MINKA_CLOCK_OFFSET_DAYS);
  const db = openDb(config);
  try {
    // Nodes started together on one empty PostgreSQL take turns: the first migrates and creates the data keys, the
    // others find them (two sets of keys would give each node different blind indexes and CSRF tokens).
    const { crypto, master } = await withStartupLock(db, async () => {
      if (opts.migrate !== false) await migrateToLatest(db.db);
      return openCrypto(config, db);
    });
    // The audit trail keys its chain with a key derived from the master key, which never enters the database.
    return { config, db, crypto, audit: opts.auditor(db.db, master) };
  } catch (err) {
    await db.close();
    throw err;
  }
}
