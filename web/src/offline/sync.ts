import i18n from '../i18n/index';
import type { Sealed } from './crypto';
import { open, seal } from './crypto';
import { getMeta, setMeta } from './db';
import { setFieldStatus } from './status';
import {
  allCases,
  type CaseDetail,
  caseCreated,
  forgetLocalCase,
  isTemp,
  localCases,
  photoOf,
  type QueuedOp,
  queued,
  refreshStatus,
  removeOp,
  saveCases,
  updateOp,
} from './store';
import { sendPending } from './studies-send';
import { type Device, loadVault, type Policy, vaultKey, wipe } from './vault';

// Sync on the record's version contract. Changes go in the order they were made, each with its own
// Idempotency-Key (a change sent twice applies once) and the version it was made on. An edit the server answers
// with a conflict is split: the fields nobody else touched are sent again at once on the current version (they
// merge), the others wait on the conflict screen. Then the device takes a fresh copy of its cases. A lost link
// stops the run where it was; the next run goes on from there.

export interface ReportLine {
  /** The change's id (its Idempotency-Key). */
  opId: string;
  at: string;
  what: QueuedOp['what'];
  caseCode: string;
  caseId: string | null;
  outcome: 'applied' | 'conflict' | 'refused' | 'already';
  /** For a conflict: the other fields of the same edit were saved. */
  partlyMerged?: boolean;
  message?: string;
  /** Possible duplicates the server found for a new case (to link on the case page). */
  duplicates?: number;
}
export interface SyncReport {
  at: string;
  finished: boolean;
  /** Why a run stopped before the end. */
  stopped?: 'offline' | 'signed_out' | 'other_user' | 'server';
  lines: ReportLine[];
}

export type SyncResult = SyncReport | { erased: true } | { locked: true };

let running: Promise<SyncResult> | null = null;
let next: Promise<SyncResult> | null = null;

class Stop extends Error {
  constructor(readonly why: NonNullable<SyncReport['stopped']>) {
    super(why);
  }
}

async function send(
  device: Device,
  csrf: string,
  method: string,
  url: string,
  op: { id: string },
  body?: BodyInit,
  json = true,
): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        'accept-language': i18n.language,
        'x-csrf-token': csrf,
        'x-minka-device': device.id,
        'idempotency-key': op.id,
        ...(json && body ? { 'content-type': 'application/json' } : {}),
      },
      body,
    });
  } catch {
    throw new Stop('offline');
  }
  if (res.status === 410) throw new Erase();
  if (res.status === 401 || (res.status === 403 && (await res.clone().json()).code === 'csrf_failed'))
    throw new Stop('signed_out');
  if (res.status >= 500 || (res.status === 409 && (await res.clone().json()).code === 'request_in_progress'))
    throw new Stop('server');
  return res;
}
class Erase extends Error {}

/** Sends one change; answers how it went (a refusal keeps it in the queue for the person to see). */
async function push(device: Device, csrf: string, op: QueuedOp, ref: string, codes: Map<string, string>) {
  const base = `/api/cases/${ref}`;
  const line = (outcome: ReportLine['outcome'], extra: Partial<ReportLine> = {}): ReportLine => ({
    opId: op.id,
    at: new Date().toISOString(),
    what: op.what,
    caseCode: codes.get(ref) ?? codes.get(op.caseRef) ?? '',
    caseId: isTemp(ref) ? null : ref,
    outcome,
    ...extra,
  });
  let res: Response;
  if (op.what === 'photo') {
    const form = new FormData();
    const photo = await photoOf(op);
    if (photo) form.append('file', photo, op.file?.name ?? 'foto.jpg');
    res = await send(device, csrf, 'POST', `${base}/files`, op, form, false);
  } else {
    const body = op.what === 'edit' ? { ...op.body, version: op.version } : op.body;
    const url = op.what === 'create' ? '/api/cases' : `${base}${op.path}`;
    res = await send(device, csrf, op.method, url, op, body ? JSON.stringify(body) : undefined);
  }
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  const replayed = res.headers.get('idempotent-replayed') === 'true';
  if (res.ok) {
    await removeOp(op.seq);
    if (op.what === 'create') {
      const id = answer.id as string;
      codes.set(id, answer.code as string);
      await caseCreated(op.caseRef, id, answer.code as string);
      const duplicates = await duplicatesOf(id);
      return {
        line: line(replayed ? 'already' : 'applied', { caseId: id, caseCode: answer.code as string, duplicates }),
        created: id,
      };
    }
    return { line: line(replayed ? 'already' : 'applied') };
  }
  if (res.status === 409 && Array.isArray(answer.conflicts)) {
    const conflicts = answer.conflicts as NonNullable<QueuedOp['conflicts']>;
    const current = answer.version as number;
    const fields = (op.body?.fields ?? {}) as Record<string, unknown>;
    const clash = new Set(conflicts.map((c) => c.field));
    const rest = Object.fromEntries(Object.entries(fields).filter(([f]) => !clash.has(f)));
    let merged = false;
    if (Object.keys(rest).length) {
      const again = { ...op, id: crypto.randomUUID(), body: { ...op.body, fields: rest }, version: current };
      const r = await send(
        device,
        csrf,
        'PATCH',
        `${base}${op.path}`,
        again,
        JSON.stringify({ ...again.body, version: current }),
      );
      merged = r.ok;
    }
    const remaining = Object.fromEntries(Object.entries(fields).filter(([f]) => clash.has(f)));
    await updateOp({ ...op, caseRef: ref, body: { ...op.body, fields: remaining }, conflicts, current }, 'conflict');
    return { line: line('conflict', { partlyMerged: merged }) };
  }
  await updateOp({ ...op, caseRef: ref, message: (answer.message as string) ?? i18n.t('app.unexpected') }, 'refused');
  return { line: line('refused', { message: answer.message as string }) };
}

/**
 * The device's first question at every contact, answered without a session and without the passphrase: may it
 * keep its copy? A revoked (or unknown) device erases everything and tells the server it did.
 */
export async function checkDevice(): Promise<'active' | 'erased' | 'unknown'> {
  const device = await getMeta<Device>('device');
  if (!device) return 'unknown';
  let res: Response;
  try {
    res = await fetch(`/api/field/devices/${device.id}/state`, { credentials: 'same-origin', headers: proof(device) });
  } catch {
    return 'unknown';
  }
  if (!res.ok) return 'unknown';
  if (((await res.json()) as { state: string }).state === 'active') {
    await setMeta('lastContact', new Date().toISOString());
    return 'active';
  }
  await erase(device);
  return 'erased';
}

const proof = (device: Device): Record<string, string> =>
  device.secret ? { 'x-minka-device-secret': device.secret } : {};

async function erase(device: Device) {
  await wipe('revoked');
  // Without the session cookie: the report needs no session (nor, then, its CSRF token).
  await fetch(`/api/field/devices/${device.id}/erased`, {
    method: 'POST',
    credentials: 'omit',
    headers: proof(device),
  }).catch(() => undefined);
}

/** How many other records the server thinks may be the new case's person (it looks while a case is new). */
async function duplicatesOf(id: string): Promise<number> {
  const res = await fetch(`/api/cases/${id}`, { credentials: 'same-origin' }).catch(() => null);
  if (!res?.ok) return 0;
  return ((await res.json()) as { duplicates?: unknown[] }).duplicates?.length ?? 0;
}

async function run(): Promise<SyncResult> {
  const v = await loadVault();
  if (v.status === 'absent') return { erased: true };
  if (!vaultKey() || !v.device) return { locked: true };
  const device = v.device;
  const report: SyncReport = { at: new Date().toISOString(), finished: false, lines: [] };
  try {
    // The device first asks whether it may keep its copy (this works even when its person is signed out).
    const state = await checkDevice();
    if (state === 'erased') return { erased: true };
    if (state === 'unknown') throw new Stop('offline');
    const session = await fetch('/api/auth/session', { credentials: 'same-origin' }).catch(() => {
      throw new Stop('offline');
    });
    if (!session.ok) throw new Stop('signed_out');
    const s = (await session.json()) as { csrfToken: string; user: { id: string } };
    if (s.user.id !== device.userId) throw new Stop('other_user');

    const codes = new Map<string, string>();
    for (const c of await localCases()) codes.set(c.tempId, c.code);
    const stored = await allCases();
    for (const c of stored) codes.set(c.id, c.code);
    const created = new Map<string, string>();
    for (const op of await queued()) {
      if (op.state !== 'waiting') continue;
      const ref = created.get(op.caseRef) ?? op.caseRef;
      if (isTemp(ref) && op.what !== 'create') continue; // its case was refused: it waits with it
      const r = await push(device, s.csrfToken, op, ref, codes);
      report.lines.push(r.line);
      if (r.created) {
        created.set(op.caseRef, r.created);
        // The new case stays on the device: it is marked for the field like the others.
        await send(device, s.csrfToken, 'PUT', `/api/field/cases/${r.created}`, { id: crypto.randomUUID() });
      }
    }
    // Study interviews kept on the device go too (each once, with its own key; a refusal waits on the study's page).
    await sendPending();
    // A fresh copy of every marked case (a case that left the person's reach is left out, and so dropped).
    const pkg = await fetch('/api/field/package', {
      credentials: 'same-origin',
      headers: { 'x-minka-device': device.id, 'accept-language': i18n.language },
    }).catch(() => {
      throw new Stop('offline');
    });
    if (pkg.status === 410) throw new Erase();
    if (!pkg.ok) throw new Stop('server');
    const body = (await pkg.json()) as {
      at: string;
      cases: CaseDetail[];
      divisions: unknown[];
      policy: Policy;
    };
    await saveCases(body.cases);
    await setMeta('divisions', body.divisions);
    await setMeta('policy', body.policy);
    for (const c of await localCases())
      if (c.realId && body.cases.some((x) => x.id === c.realId)) await forgetLocalCase(c.tempId);
    report.finished = true;
    await setMeta('lastSync', body.at);
    setFieldStatus({ lastSync: body.at });
  } catch (e) {
    if (e instanceof Erase) {
      await erase(device);
      return { erased: true };
    }
    if (!(e instanceof Stop)) throw e;
    report.stopped = e.why;
  }
  // A run with nothing to send keeps the last report (what went through, what needs the person) on screen.
  if (report.lines.length || report.stopped) await saveReport(report);
  await refreshStatus();
  return report;
}

/** Runs a sync; asked while one runs, it runs once more after it (so a change made meanwhile goes too). */
export function syncNow(): Promise<SyncResult> {
  if (running) {
    next ??= running.then(() => {
      next = null;
      return syncNow();
    });
    return next;
  }
  running = run().finally(() => {
    running = null;
  });
  return running;
}

async function saveReport(report: SyncReport) {
  const k = vaultKey();
  if (k) await setMeta('report', await seal(k, report, 'report'));
}

export async function lastReport(): Promise<SyncReport | null> {
  const k = vaultKey();
  const sealed = await getMeta<Sealed>('report');
  return k && sealed ? open<SyncReport>(k, sealed, 'report') : null;
}
