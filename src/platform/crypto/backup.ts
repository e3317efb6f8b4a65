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
import { DatabaseStore, type FilesConfig } from '../blobs/index';
import type { Config } from '../config';
import { postgresTableOrder, sqliteCheck, sqliteSnapshot } from '../db/dialect';
import { type DbHandle, migrateToLatest, openDb } from '../db/index';
import { ArchiveWriter, extractArchive, masterKeyId } from './archive';
import { diskFiles, holdsFiles, placeFiles } from './backup-files';
import { KeyError, type MasterKey } from './keys';
import * as repo from './repo-backup';

// `minka backup` and `minka restore`: one sealed archive holding the database (a SQLite online snapshot, or every
// PostgreSQL table as JSON lines read through the app's own connection from one snapshot, page by page, so no
// pg_dump is needed and no table is held in memory whole) and the attachments: those in the database store come
// with the database (the `blob_chunks` table), files on disk as `attachments/<id>.bin`. The master key is never in
// it: keep the key and the backups in different places.

type Where = Pick<Config, 'sqlitePath' | 'DATABASE_URL'> & FilesConfig;

// A PostgreSQL table is written as parts of about this size (`tables/<name>.<n>.jsonl`), read back part by part.
const partBytes = 8 * 1024 * 1024;
// Rows fetched per page: attachment chunks are up to 256 KiB each.
const pageOf = (table: string) => (table === 'blob_chunks' ? 4 : 1000);
// Rows inserted per statement on restore, and the JSON size at which a batch is cut shorter.
const insertRows = 200;
const insertBytes = 4 * 1024 * 1024;

// Buffers (attachment chunks) survive JSON as base64; everything else in Minka's tables is text, numbers, booleans
// or null. Archives written before kept the same `$b64` form.
const encode = (row: Record<string, unknown>) => {
  for (const [k, v] of Object.entries(row)) if (Buffer.isBuffer(v)) row[k] = { $b64: v.toString('base64') };
  return JSON.stringify(row);
};
const decode = (_k: string, v: unknown) =>
  v && typeof v === 'object' && '$b64' in (v as object) ? Buffer.from((v as { $b64: string }).$b64, 'base64') : v;

export interface BackupSummary {
  file: string;
  keyId: string;
  engine: string;
  tables: number;
  rows: number;
  /** Attachments carried: in the database store and as files. */
  files: number;
  bytes: number;
}

/** Writes one sealed archive (mode 0600, never over an existing file) of the database and the attachments. */
export async function backup(config: Where, db: DbHandle, master: MasterKey, out: string): Promise<BackupSummary> {
  if (existsSync(out)) throw new KeyError(`${out} already exists`);
  const migrations = await repo.appliedMigrations(db.db);
  const files = diskFiles(config);
  const inDatabase = migrations.includes('0021_blobs') ? await new DatabaseStore(db.db).count() : 0;
  const scratch = mkdtempSync(path.join(config.dataDir, '.backup-'));
  const list = await repo.appTables(db.db);
  let rows = 0;
  try {
    const w = new ArchiveWriter(out, master, { engine: db.engine, migrations: migrations.length, files: files.length });
    try {
      if (db.engine === 'sqlite') {
        const snap = path.join(scratch, 'database.sqlite');
        await sqliteSnapshot(config.sqlitePath, snap);
        w.addFile('database.sqlite', snap, statSync(snap).size);
      } else {
        const parts = new Map<string, number>();
        let lines: string[] = [];
        let size = 0;
        let current = '';
        const flush = () => {
          if (!lines.length) return;
          const n = (parts.get(current) ?? 0) + 1;
          parts.set(current, n);
          w.addBuffer(`tables/${current}.${String(n).padStart(6, '0')}.jsonl`, Buffer.from(lines.join('')));
          lines = [];
          size = 0;
        };
        await repo.readTables(db.db, list, pageOf, (table, page) => {
          if (table !== current) flush();
          current = table;
          for (const r of page) {
            const line = `${encode(r)}\n`;
            lines.push(line);
            size += line.length;
          }
          rows += page.length;
          if (size >= partBytes) flush();
        });
        flush();
      }
      for (const f of files) w.addFile(`attachments/${f.name}`, f.file, f.size);
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
    tables: list.length,
    rows,
    files: files.length + inDatabase,
    bytes: statSync(out).size,
  };
}

/** The staged rows of one table, in insert batches (archives from before wrote one `tables/<name>.jsonl`). */
function* stagedBatches(staging: string, table: string): Generator<Record<string, unknown>[]> {
  const dir = path.join(staging, 'tables');
  if (!existsSync(dir)) return;
  const part = new RegExp(`^${table}(\\.\\d+)?\\.jsonl$`);
  for (const name of readdirSync(dir)
    .filter((n) => part.test(n))
    .sort()) {
    let batch: Record<string, unknown>[] = [];
    let size = 0;
    for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      if (!line) continue;
      batch.push(JSON.parse(line, decode) as Record<string, unknown>);
      size += line.length;
      if (batch.length >= insertRows || size >= insertBytes) {
        yield batch;
        batch = [];
        size = 0;
      }
    }
    if (batch.length) yield batch;
  }
}

/**
 * Restores an archive made by backup(): opens and checks all of it first (a wrong key or a damaged file changes
 * nothing), refuses to replace existing data without `force`, then swaps in the database and the attachments.
 * SQLite: the server must be stopped. PostgreSQL: the database is filled in one transaction. Attachment files in
 * the archive go to the configured store.
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
    const hasFiles = holdsFiles(config);
    if (engine === 'sqlite') {
      const staged = path.join(staging, 'database.sqlite');
      sqliteCheck(staged);
      const exists = existsSync(config.sqlitePath) && statSync(config.sqlitePath).size > 0;
      if ((exists || hasFiles) && !opts.force)
        throw new KeyError(`${config.sqlitePath} or the attachments folder holds data: pass --force to replace it`);
      for (const suffix of ['-wal', '-shm']) rmSync(`${config.sqlitePath}${suffix}`, { force: true });
      chmodSync(staged, 0o600);
      renameSync(staged, config.sqlitePath);
    }
    const db = openDb(config);
    try {
      if (engine === 'postgres') {
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
        await repo.replaceAll(db.db, order, (t) => stagedBatches(staging, t));
      }
      // The attachments table must exist before files from the archive go into it (the server would migrate anyway).
      await migrateToLatest(db.db);
      return { engine, files: await placeFiles(config, db, stagedFiles) };
    } finally {
      await db.close();
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
