import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import { postgresTableOrder, sqliteCheck, sqliteSnapshot } from '../db/dialect';
import { type DbHandle, migrateToLatest, openDb } from '../db/index';
import { ArchiveWriter, extractArchive, masterKeyId } from './archive';
import { KeyError, type MasterKey } from './keys';
import * as repo from './repo-backup';

// `minka backup` and `minka restore`: one sealed archive holding the database (a SQLite online snapshot, or every
// PostgreSQL table as JSON lines read through the app's own connection, so no pg_dump is needed) and the
// attachments folder. The master key is never in it: keep the key and the backups in different places.

type Where = Pick<Config, 'dataDir' | 'sqlitePath' | 'DATABASE_URL'>;

const attachmentsOf = (c: Where) => path.join(c.dataDir, 'attachments');
const filesIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((n) => statSync(path.join(dir, n)).isFile()) : [];

// Buffers and dates survive JSON; everything else in Minka's tables is text, numbers, booleans or null.
const encode = (_k: string, v: unknown) =>
  v &&
  typeof v === 'object' &&
  (v as { type?: string }).type === 'Buffer' &&
  Array.isArray((v as { data?: unknown }).data)
    ? { $b64: Buffer.from((v as { data: number[] }).data).toString('base64') }
    : v;
const decode = (_k: string, v: unknown) =>
  v && typeof v === 'object' && '$b64' in (v as object) ? Buffer.from((v as { $b64: string }).$b64, 'base64') : v;

export interface BackupSummary {
  file: string;
  keyId: string;
  engine: string;
  tables: number;
  rows: number;
  files: number;
  bytes: number;
}

/** Writes one sealed archive (mode 0600, never over an existing file) of the database and the attachments. */
export async function backup(config: Where, db: DbHandle, master: MasterKey, out: string): Promise<BackupSummary> {
  if (existsSync(out)) throw new KeyError(`${out} already exists`);
  const migrations = await repo.appliedMigrations(db.db);
  const files = filesIn(attachmentsOf(config));
  const scratch = mkdtempSync(path.join(config.dataDir, '.backup-'));
  let rows = 0;
  let tables = 0;
  try {
    const w = new ArchiveWriter(out, master, { engine: db.engine, migrations: migrations.length, files: files.length });
    try {
      if (db.engine === 'sqlite') {
        const snap = path.join(scratch, 'database.sqlite');
        await sqliteSnapshot(config.sqlitePath, snap);
        w.addFile('database.sqlite', snap, statSync(snap).size);
        tables = (await repo.appTables(db.db)).length;
      } else {
        for (const t of await repo.appTables(db.db)) {
          const list = await repo.allRows(db.db, t);
          rows += list.length;
          tables++;
          w.addBuffer(`tables/${t}.jsonl`, Buffer.from(list.map((r) => `${JSON.stringify(r, encode)}\n`).join('')));
        }
      }
      for (const f of files) {
        const p = path.join(attachmentsOf(config), f);
        w.addFile(`attachments/${f}`, p, statSync(p).size);
      }
      w.addBuffer('manifest.json', Buffer.from(JSON.stringify({ engine: db.engine, migrations })));
      w.close();
    } catch (err) {
      rmSync(out, { force: true });
      throw err;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return {
    file: out,
    keyId: masterKeyId(master),
    engine: db.engine,
    tables,
    rows,
    files: files.length,
    bytes: statSync(out).size,
  };
}

/**
 * Restores an archive made by backup(): opens and checks all of it first (a wrong key or a damaged file changes
 * nothing), refuses to replace existing data without `force`, then swaps in the database and the attachments.
 * SQLite: the server must be stopped. PostgreSQL: the database is filled in one transaction.
 */
export async function restore(
  config: Where,
  master: MasterKey,
  file: string,
  opts: { force?: boolean },
): Promise<{ engine: string; files: number }> {
  if (!existsSync(file)) throw new KeyError(`cannot read ${file}`);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const staging = mkdtempSync(path.join(config.dataDir, '.restore-'));
  try {
    extractArchive(file, master, staging);
    const manifest = JSON.parse(readFileSync(path.join(staging, 'manifest.json'), 'utf8')) as {
      engine: string;
      migrations: string[];
    };
    const engine = config.DATABASE_URL ? 'postgres' : 'sqlite';
    if (manifest.engine !== engine)
      throw new KeyError(`this backup is of a ${manifest.engine} database; the configured one is ${engine}`);
    const stagedFiles = path.join(staging, 'attachments');
    const hasFiles = filesIn(attachmentsOf(config)).length > 0;
    if (engine === 'sqlite') {
      const staged = path.join(staging, 'database.sqlite');
      sqliteCheck(staged);
      const exists = existsSync(config.sqlitePath) && statSync(config.sqlitePath).size > 0;
      if ((exists || hasFiles) && !opts.force)
        throw new KeyError(`${config.sqlitePath} or the attachments folder holds data: pass --force to replace it`);
      for (const suffix of ['-wal', '-shm']) rmSync(`${config.sqlitePath}${suffix}`, { force: true });
      chmodSync(staged, 0o600);
      renameSync(staged, config.sqlitePath);
    } else {
      const db = openDb(config);
      try {
        if (((await repo.holdsData(db.db)) || hasFiles) && !opts.force)
          throw new KeyError('the database or the attachments folder holds data: pass --force to replace it');
        const applied = await repo.appliedMigrations(db.db);
        const wanted = manifest.migrations;
        if (applied.some((m) => !wanted.includes(m)))
          throw new KeyError(
            'this backup comes from an older Minka version than the database: restore it into an empty database',
          );
        if (wanted.length) await repo.migrateTo(db.db, wanted.at(-1)!);
        const tables = await repo.appTables(db.db);
        const order = await postgresTableOrder(db.db as unknown as Kysely<unknown>, tables);
        const rowsOf = (t: string) => {
          const f = path.join(staging, 'tables', `${t}.jsonl`);
          if (!existsSync(f)) return [];
          return readFileSync(f, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l, decode) as Record<string, unknown>);
        };
        await repo.replaceAll(db.db, order, rowsOf);
        await migrateToLatest(db.db);
      } finally {
        await db.close();
      }
    }
    // The attachments folder is swapped whole: the old one is removed only once the new one is in place.
    const target = attachmentsOf(config);
    const old = `${target}.replaced-${process.pid}`;
    if (existsSync(target)) renameSync(target, old);
    if (existsSync(stagedFiles)) renameSync(stagedFiles, target);
    else mkdirSync(target, { mode: 0o700 });
    rmSync(old, { recursive: true, force: true });
    return { engine, files: filesIn(target).length };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
