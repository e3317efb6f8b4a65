import type { ApiBody, ApiResponse } from '../api';
import type { Conflict } from '../pages/cases/record/ConflictChoices';
import { open, openBytes, type Sealed, seal, sealBytes } from './crypto';
import { fieldDb, getMeta, type OpRow, setMeta } from './db';
import { setFieldStatus } from './status';
import { touch, vaultKey } from './vault';

// The open copy: cases as the server last sent them, and the changes made on the device since, in order. Every
// value is sealed with the vault's key; nothing here works while the copy is locked.

export type CaseDetail = ApiResponse<'/api/cases/{id}'>;
export type NewCase = ApiBody<'/api/cases'>;

/** One change made on the device, waiting to be sent to its route with its own Idempotency-Key. */
export interface Op {
  id: string;
  /** The case it belongs to: a server id, or a temporary id (`tmp-…`) until the new case is sent. */
  caseRef: string;
  at: string;
  /** What it is, for the lists (field.what.<what>). */
  what:
    | 'create'
    | 'edit'
    | 'comment'
    | 'followup'
    | 'outcome'
    | 'event'
    | 'decision'
    | 'consent'
    | 'screening'
    | 'photo';
  method: 'POST' | 'PATCH';
  /** After /api/cases/{case}; '' for the case itself (a new case posts to /api/cases). */
  path: string;
  body?: Record<string, unknown>;
  /** The version an edit was made on (its record's, as the device last saw it). */
  version?: number;
  file?: { name: string; type: string; size: number };
  /** A conflict the person must resolve: each field with their value and the server's, and the server's version. */
  conflicts?: Conflict[];
  current?: number;
  /** Why the server refused it, in the person's language. */
  message?: string;
}
export type QueuedOp = Op & { seq: number; state: OpRow['state'] };

/** A case created on the device: what was entered and, once sent, the real id and code. */
export interface LocalCase {
  tempId: string;
  code: string;
  body: NewCase;
  at: string;
  /** The real case, once the server took it. */
  realId?: string;
}

function requireKey(): CryptoKey {
  const k = vaultKey();
  if (!k) throw new Error('locked');
  touch();
  return k;
}

export const isTemp = (ref: string) => ref.startsWith('tmp-');

export async function allCases(): Promise<CaseDetail[]> {
  const k = requireKey();
  const rows = await fieldDb.cases.toArray();
  return Promise.all(rows.map((r) => open<CaseDetail>(k, r.sealed, `case:${r.id}`)));
}

/** The case as the device shows it: the server's copy with the edits still waiting laid over it. */
export async function caseOnDevice(id: string): Promise<CaseDetail | null> {
  const k = requireKey();
  const row = await fieldDb.cases.get(id);
  if (!row) return null;
  const c = await open<CaseDetail>(k, row.sealed, `case:${id}`);
  for (const op of await queued(id)) {
    if (op.what !== 'edit' || !op.body) continue;
    const fields = op.body.fields as Record<string, unknown>;
    if (op.path === '/person') Object.assign(c.person, fields);
    else Object.assign(c, fields);
  }
  return c;
}

export async function saveCases(cases: CaseDetail[]): Promise<void> {
  const k = requireKey();
  const rows = await Promise.all(cases.map(async (c) => ({ id: c.id, sealed: await seal(k, c, `case:${c.id}`) })));
  await fieldDb.transaction('rw', fieldDb.cases, async () => {
    await fieldDb.cases.clear();
    await fieldDb.cases.bulkPut(rows);
  });
}

export async function localCases(): Promise<LocalCase[]> {
  const k = requireKey();
  const sealed = await getMeta<Sealed>('localCases');
  return sealed ? open<LocalCase[]>(k, sealed, 'localCases') : [];
}
async function saveLocalCases(list: LocalCase[]) {
  await setMeta('localCases', await seal(requireKey(), list, 'localCases'));
}

/** Registers a case on the device: a draft with a temporary code until it reaches the server. */
export async function createLocalCase(body: NewCase): Promise<string> {
  const tempId = `tmp-${crypto.randomUUID()}`;
  const list = await localCases();
  const code = `TMP-${String(list.length + 1).padStart(3, '0')}-${tempId.slice(4, 8).toUpperCase()}`;
  await saveLocalCases([...list, { tempId, code, body, at: new Date().toISOString() }]);
  await enqueue({ caseRef: tempId, what: 'create', method: 'POST', path: '', body: body as Record<string, unknown> });
  return tempId;
}

export async function queued(caseRef?: string): Promise<QueuedOp[]> {
  const k = requireKey();
  const rows = caseRef
    ? await fieldDb.queue.where('caseRef').equals(caseRef).sortBy('seq')
    : await fieldDb.queue.orderBy('seq').toArray();
  return Promise.all(
    rows.map(async (r) => ({
      ...(await open<Op>(k, r.sealed, `op:${r.id}`)),
      seq: r.seq!,
      state: r.state,
    })),
  );
}

export async function photoOf(op: QueuedOp): Promise<Blob | null> {
  const row = await fieldDb.queue.get(op.seq);
  if (!row?.blob || !op.file) return null;
  return new Blob([await openBytes(requireKey(), row.blob, `photo:${op.id}`)], { type: op.file.type });
}

/**
 * Adds a change to the end of the queue. An edit of a record that already has an edit waiting is folded into
 * it (same base version), so the server never sees the device's own earlier edit as someone else's.
 */
export async function enqueue(op: Omit<Op, 'id' | 'at'>, photo?: Blob): Promise<void> {
  const k = requireKey();
  if (op.what === 'edit') {
    const waiting = (await queued(op.caseRef)).find(
      (q) => q.what === 'edit' && q.path === op.path && q.state === 'waiting',
    );
    if (waiting) {
      const fields = { ...(waiting.body?.fields as object), ...(op.body?.fields as object) };
      await updateOp({ ...waiting, body: { ...waiting.body, ...op.body, fields } });
      return refreshStatus();
    }
  }
  const full: Op = { ...op, id: crypto.randomUUID(), at: new Date().toISOString() };
  await fieldDb.queue.add({
    id: full.id,
    caseRef: full.caseRef,
    state: 'waiting',
    sealed: await seal(k, full, `op:${full.id}`),
    ...(photo ? { blob: await sealBytes(k, await photo.arrayBuffer(), `photo:${full.id}`) } : {}),
  });
  await refreshStatus();
}

export async function updateOp(op: QueuedOp, state: OpRow['state'] = op.state): Promise<void> {
  const { seq, state: _old, ...plain } = op;
  await fieldDb.queue.update(seq, {
    caseRef: plain.caseRef,
    state,
    sealed: await seal(requireKey(), plain, `op:${plain.id}`),
  });
  await refreshStatus();
}

export async function removeOp(seq: number): Promise<void> {
  await fieldDb.queue.delete(seq);
  await refreshStatus();
}

/** A new case reached the server: its changes now name the real case, and its page the real code. */
export async function caseCreated(tempId: string, id: string, code: string): Promise<void> {
  for (const op of await queued(tempId)) await updateOp({ ...op, caseRef: id });
  const list = await localCases();
  await saveLocalCases(list.map((c) => (c.tempId === tempId ? { ...c, code, realId: id } : c)));
  const created = (await getMeta<Record<string, string>>('created')) ?? {};
  await setMeta('created', { ...created, [tempId]: id });
}

/** Where a temporary id went (so an old link to the new case still opens it). */
export async function realIdOf(tempId: string): Promise<string | undefined> {
  return (await getMeta<Record<string, string>>('created'))?.[tempId];
}

export async function forgetLocalCase(tempId: string): Promise<void> {
  await saveLocalCases((await localCases()).filter((c) => c.tempId !== tempId));
}

export async function refreshStatus(): Promise<void> {
  const rows = await fieldDb.queue.toArray();
  setFieldStatus({
    copy: true,
    waiting: rows.filter((r) => r.state === 'waiting').length,
    conflicts: rows.filter((r) => r.state !== 'waiting').length,
    cases: await fieldDb.cases.count(),
  });
}
