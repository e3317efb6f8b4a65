import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { AuditLogTable, Database } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

/** The newest entry as recorded beside the chain (key id absent for a plain-hash head). */
export interface Head {
  id: number;
  hash: string;
  keyId?: string | null;
}
const headKey = 'audit_head';
const keyringKey = 'audit_keyring';

/** Audit roots of earlier master keys, each wrapped under a master key (see keys.ts); null when none. */
export async function readKeyring(q: Q): Promise<Record<string, { master: number; key: string }> | null> {
  const row = await q.selectFrom('meta').select('value').where('key', '=', keyringKey).executeTakeFirst();
  return row ? JSON.parse(row.value) : null;
}

export async function writeKeyring(q: Q, ring: Record<string, { master: number; key: string }>): Promise<void> {
  const value = JSON.stringify(ring);
  const now = new Date().toISOString();
  const r = await q
    .updateTable('meta')
    .set({ value, updated_at: now })
    .where('key', '=', keyringKey)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    await q.insertInto('meta').values({ key: keyringKey, value, updated_at: now }).execute();
}

/** Takes the write lock on the chain head (an UPDATE locks the row on PostgreSQL and the file on SQLite). */
export async function lockHead(q: Q, now: string): Promise<Head | null> {
  const r = await q.updateTable('meta').set({ updated_at: now }).where('key', '=', headKey).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return null;
  const row = await q.selectFrom('meta').select('value').where('key', '=', headKey).executeTakeFirstOrThrow();
  return JSON.parse(row.value);
}

export async function readHead(q: Q): Promise<Head | null> {
  const row = await q.selectFrom('meta').select('value').where('key', '=', headKey).executeTakeFirst();
  return row ? JSON.parse(row.value) : null;
}

export async function writeHead(q: Q, head: Head, now: string, exists: boolean): Promise<void> {
  const value = JSON.stringify(head);
  if (exists) await q.updateTable('meta').set({ value, updated_at: now }).where('key', '=', headKey).execute();
  else await q.insertInto('meta').values({ key: headKey, value, updated_at: now }).execute();
}

export async function insertEntry(q: Q, e: AuditLogTable): Promise<void> {
  await q.insertInto('audit_log').values(e).execute();
}

export async function batchAfter(q: Q, afterId: number, size: number): Promise<AuditLogTable[]> {
  return q.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(size).execute();
}

export interface AuditFilter {
  recordType?: string;
  recordId?: string;
  actorUserId?: string;
  actorOrgIds?: string[];
  beforeId?: number;
  limit: number;
}

export async function listEntries(q: Q, f: AuditFilter): Promise<AuditLogTable[]> {
  let s = q.selectFrom('audit_log').selectAll();
  if (f.recordType) s = s.where('record_type', '=', f.recordType);
  if (f.recordId) s = s.where('record_id', '=', f.recordId);
  if (f.actorUserId) s = s.where('actor_user_id', '=', f.actorUserId);
  if (f.actorOrgIds) s = s.where('actor_org_id', 'in', f.actorOrgIds.length ? f.actorOrgIds : ['-']);
  if (f.beforeId) s = s.where('id', '<', f.beforeId);
  return s.orderBy('id', 'desc').limit(f.limit).execute();
}

/** The newest entry of the chain, or undefined when it is empty. */
export function lastEntry(q: Q): Promise<AuditLogTable | undefined> {
  return q.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Case codes (GUA-2026-0003) by case id, for naming a case entry's record; unknown ids are left out. */
export async function caseCodes(q: Q, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await q.selectFrom('cases').select(['id', 'code']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Organisation names by id (organisation names are not personal data). */
export async function organisationNames(q: Q, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await q.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Everyone who appears as the actor of an entry (in these organisations when given), with their organisation now.
 * The subquery reads only the actor index, so this stays fast on a long trail (500,000 entries, 200 users: ~50 ms on SQLite, against ~800 ms for a DISTINCT over the entries).
 */
export async function entryActors(
  q: Q,
  orgIds?: string[],
): Promise<{ userId: string; orgId: string; organisation: string | null }[]> {
  let s = q
    .selectFrom('users')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id as userId', 'users.organisation_id as orgId', 'organisations.name as organisation'])
    .where('users.id', 'in', (sub) =>
      sub.selectFrom('audit_log').select('actor_user_id').where('actor_user_id', 'is not', null),
    );
  if (orgIds) s = s.where('users.organisation_id', 'in', orgIds.length ? orgIds : ['-']);
  return s.execute() as Promise<{ userId: string; orgId: string; organisation: string | null }[]>;
}
