import { sql } from 'kysely';
import type { DbHandle } from './index';

// One number for "Minka is starting up": every node takes this PostgreSQL advisory lock around the work that must
// happen once per database (migrations, the first data keys, demo data), so nodes started together do it in turn.
const startupLockKey = 0x4d696e6b61; // "Minka"

/**
 * Runs `fn` while holding the database-wide start-up lock. On PostgreSQL this is a session advisory lock held on
 * one pooled connection while `fn` works through the others; a node that waits sees what the first one did.
 * SQLite serves one node, and its own file lock already orders writers, so there `fn` simply runs.
 */
export async function withStartupLock<T>(handle: DbHandle, fn: () => Promise<T>): Promise<T> {
  if (handle.engine !== 'postgres') return fn();
  return handle.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${startupLockKey})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${startupLockKey})`.execute(conn);
    }
  });
}
