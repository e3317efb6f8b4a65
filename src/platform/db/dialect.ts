// The only file that knows which database engine is underneath.
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type Dialect, type Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect, sql } from 'kysely';
import pg from 'pg';

export type Engine = 'sqlite' | 'postgres';

export interface DialectHandle {
  engine: Engine;
  dialect: Dialect;
  /** Human-readable target without credentials, safe to log. */
  describe: string;
}

// int8 (count(*)) and numeric come back as strings from pg by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** Opens SQLite in WAL mode with full sync, so an acknowledged write survives a power cut. */
export function sqliteDialect(file: string): DialectHandle {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new SQLite(file);
  // Readable by the service's user only; SQLite gives its -wal and -shm files the database file's mode.
  chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Freed pages are overwritten with zeros, so an erased value does not linger in the file's free space.
  db.pragma('secure_delete = ON');
  return {
    engine: 'sqlite',
    dialect: new SqliteDialect({ database: reusingStatements(db) }),
    describe: `sqlite:${file}`,
  };
}

const keptStatements = 500;

/**
 * The connection as Kysely sees it, keeping prepared statements by their SQL text (the most recent 500): Kysely
 * prepares every query again, a fifth of a signed-in request's time. A statement busy in an iteration is not shared.
 */
function reusingStatements(db: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => db.close(),
    prepare(text: string) {
      const found = kept.get(text);
      if (found && !found.busy) {
        kept.delete(text);
        kept.set(text, found);
        return found;
      }
      const statement = db.prepare(text);
      kept.set(text, statement);
      if (kept.size > keptStatements) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}

/** Connects a pg pool; the URL's password never leaves this function. */
export function postgresDialect(url: string, max = 10): DialectHandle {
  // The start-up lock holds one connection while start-up work uses others.
  const pool = new pg.Pool({ connectionString: url, max: Math.max(2, max) });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const u = new URL(url);
  return {
    engine: 'postgres',
    dialect: new PostgresDialect({ pool }),
    describe: `postgres://${u.hostname}:${u.port || 5432}${u.pathname}`,
  };
}

/** Creates a fresh PostgreSQL database next to the one in `url` and returns its URL (tests, scratch work). */
export async function createPostgresDatabase(url: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('database name must be lowercase letters, digits and _');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops a database made by createPostgresDatabase. */
export async function dropPostgresDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** A consistent copy of a live SQLite database (its online backup API), written with mode 0600. */
export async function sqliteSnapshot(file: string, dest: string): Promise<void> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await db.backup(dest);
  } finally {
    db.close();
  }
  chmodSync(dest, 0o600);
}

/** Checks that a file is a sound SQLite database (before it replaces one). */
export function sqliteCheck(file: string): void {
  const check = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const r = check.pragma('quick_check', { simple: true });
    if (r !== 'ok') throw new Error(`${file} is damaged: ${String(r)}`);
  } finally {
    check.close();
  }
}

/** PostgreSQL tables in an order where every table comes after the tables its foreign keys point to. */
export async function postgresTableOrder(db: Kysely<unknown>, tables: string[]): Promise<string[]> {
  const edges = await sql<{ child: string; parent: string }>`
    select distinct tc.table_name as child, ccu.table_name as parent
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu
      on tc.constraint_name = ccu.constraint_name and tc.table_schema = ccu.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges.rows) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const out: string[] = [];
  const placed = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (placed.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) if (parents.has(p)) visit(p, path);
    placed.add(t);
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return out;
}

/** True when a database error is a unique-constraint violation, on either engine. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
