import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { actorByEmail } from '../access/index';
import * as repo from './repo';

/**
 * Field work, alive: the Colta caseworker keeps two Colta cases for the field (they reach the device she sets up on
 * /field at once), and the administrator's device list shows a field phone in use and a lost one that was revoked
 * and erased itself.
 */
export async function seedFieldDemo(ctx: Context): Promise<void> {
  const worker = await actorByEmail(ctx, 'tecnica.colta@minka.demo');
  if (!worker) return;
  const db = ctx.db.db;
  const colta = await repo.firstOpenCases(db, '0603', 2);
  const at = nowIso();
  for (const c of colta) await repo.mark(db, worker.userId, c.id, at);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  await repo.insertDevice(db, {
    id: randomUUID(),
    user_id: worker.userId,
    name: 'Teléfono de campo (demo)',
    created_at: daysAgo(20),
    last_seen_at: daysAgo(1),
    last_sync_at: daysAgo(1),
    cases_held: colta.length,
    revoked_at: null,
    revoked_by: null,
    erased_at: null,
    secret_hash: unknowable(),
  });
  await repo.insertDevice(db, {
    id: randomUUID(),
    user_id: worker.userId,
    name: 'Tableta perdida (demo)',
    created_at: daysAgo(60),
    last_seen_at: daysAgo(9),
    last_sync_at: daysAgo(12),
    cases_held: 0,
    revoked_at: daysAgo(10),
    revoked_by: worker.userId,
    erased_at: daysAgo(9),
    secret_hash: unknowable(),
  });
}

/** The demo devices are not real phones: their secrets are hashes of random bytes nobody keeps. */
const unknowable = () => createHash('sha256').update(randomBytes(32)).digest('hex');
