import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AnswerIssue, Answers, FormDef } from '../../../src/shared/xlsform/types';
import i18n from '../i18n/index';
import { open, type Sealed, seal } from './crypto';
import { fieldDb, getMeta, setMeta } from './db';
import { touch, vaultKey } from './vault';

// Study interviews on the device. A study's definition (form, consent script, places: no personal data) is kept
// plain so collection works without a connection once the study was opened; an interview that could not be sent
// is kept sealed with the field copy's key, with the Idempotency-Key it was first sent with, and sent later
// exactly once. Everything lives in the field store, so erasing the field copy erases it too.

export interface CollectStudy {
  id: string;
  code: string;
  title: Record<string, string>;
  consent: Record<string, string>;
  respondents: 'anonymous' | 'pseudonymous';
  status: string;
  places: { code: string; label: string }[];
  form: { versionId: string; number: number; definition: FormDef } | null;
}

/** What is posted to /api/studies/:id/submissions. */
export interface SubmissionBody {
  formVersion: number;
  division: string;
  respondentCode?: string;
  consent: true;
  collectedAt: string;
  /** The device's own id for the interview (its Idempotency-Key too): a resend never stores it twice. */
  instanceId?: string;
  answers: Answers;
}

/** A field refusal the server gave (division, respondentCode, or an answer path). */
export interface FieldProblem {
  path: string;
  problem?: string;
  message: string;
}

/** An interview kept on the device, opened. `id` is its Idempotency-Key. */
export interface PendingInterview {
  id: string;
  studyId: string;
  body: SubmissionBody;
  /** Set when the server refused it: why, in the person's language, and where. */
  message?: string;
  issues?: AnswerIssue[];
  fields?: FieldProblem[];
}

/** The plain part of a kept interview: enough to count and to send, never an answer. */
interface PendingRow {
  studyId: string;
  userId: string;
  at: string;
  state: 'waiting' | 'refused';
  sealed: Sealed;
}

const prefix = 'studyPending:';
const place = (id: string) => `study-interview:${id}`;
const studyKey = (id: string) => `study:${id}`;

let version = 0;
const listeners = new Set<() => void>();
function changed() {
  version++;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

// ---- studies kept for offline use ----

export async function keepStudy(study: CollectStudy): Promise<void> {
  await setMeta(studyKey(study.id), { ...study, keptAt: new Date().toISOString() });
  changed();
}

export const keptStudy = (id: string) => getMeta<CollectStudy>(studyKey(id));

export async function keptStudies(): Promise<CollectStudy[]> {
  const rows = await fieldDb.meta.where('k').startsWith('study:').toArray();
  return rows.map((r) => r.v as CollectStudy);
}

// ---- interviews waiting on the device ----

async function rows(): Promise<{ k: string; v: PendingRow }[]> {
  return (await fieldDb.meta.where('k').startsWith(prefix).toArray()) as { k: string; v: PendingRow }[];
}

function requireKey(): CryptoKey {
  const k = vaultKey();
  if (!k) throw new Error('locked');
  touch();
  return k;
}

/** Keeps an interview sealed on the device (replacing an earlier copy with the same key). Needs the open copy. */
export async function keepInterview(p: PendingInterview, userId: string, state: PendingRow['state'] = 'waiting') {
  const row: PendingRow = {
    studyId: p.studyId,
    userId,
    at: p.body.collectedAt,
    state,
    sealed: await seal(requireKey(), p, place(p.id)),
  };
  await setMeta(prefix + p.id, row);
  changed();
}

export async function dropInterview(id: string): Promise<void> {
  await fieldDb.meta.delete(prefix + id);
  changed();
}

/** Interviews kept on the device (opened; needs the open copy), oldest first. */
export async function keptInterviews(studyId?: string): Promise<(PendingInterview & { state: PendingRow['state'] })[]> {
  const k = requireKey();
  const list = (await rows())
    .filter((r) => !studyId || r.v.studyId === studyId)
    .sort((a, b) => (a.v.at < b.v.at ? -1 : 1));
  return Promise.all(
    list.map(async (r) => ({
      ...(await open<PendingInterview>(k, r.v.sealed, place(r.k.slice(prefix.length)))),
      state: r.v.state,
    })),
  );
}

export interface PendingCounts {
  waiting: number;
  refused: number;
}

/** How many interviews wait on the device (for one study or all), without opening anything. */
export async function pendingCounts(studyId?: string): Promise<PendingCounts> {
  const list = (await rows()).filter((r) => !studyId || r.v.studyId === studyId);
  return {
    waiting: list.filter((r) => r.v.state === 'waiting').length,
    refused: list.filter((r) => r.v.state === 'refused').length,
  };
}

export function usePendingCounts(studyId?: string): PendingCounts {
  const v = useSyncExternalStore(subscribe, () => version);
  const [counts, setCounts] = useState<PendingCounts>({ waiting: 0, refused: 0 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again on every change of the kept interviews
  useEffect(() => {
    let live = true;
    void pendingCounts(studyId)
      .then((c) => live && setCounts(c))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [studyId, v]);
  return counts;
}

/** Changes whenever the kept interviews change (to read them again). */
export const useStudiesVersion = () => useSyncExternalStore(subscribe, () => version);

// ---- sending ----

/** The session's CSRF token and person, or why there is none. */
export async function sessionForSending(): Promise<{ csrf: string; userId: string } | 'offline' | 'signed_out'> {
  let res: Response;
  try {
    res = await fetch('/api/auth/session', { credentials: 'same-origin' });
  } catch {
    return 'offline';
  }
  if (res.status === 401) return 'signed_out';
  if (!res.ok) return 'offline';
  const s = (await res.json()) as { csrfToken: string; user: { id: string } };
  return { csrf: s.csrfToken, userId: s.user.id };
}

/** Posts an interview with its Idempotency-Key; null when there is no connection. */
export async function postInterview(
  studyId: string,
  key: string,
  body: SubmissionBody,
  csrf: string,
): Promise<Response | null> {
  try {
    return await fetch(`/api/studies/${encodeURIComponent(studyId)}/submissions`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        'accept-language': i18n.language,
        'x-csrf-token': csrf,
        'idempotency-key': key,
      },
      body: JSON.stringify({ ...body, instanceId: key }),
    });
  } catch {
    return null;
  }
}

/** The code the server gave the respondent (a replayed answer carries only `code`). */
export const respondentCodeOf = (answer: Record<string, unknown>): string | undefined =>
  typeof answer.respondentCode === 'string'
    ? answer.respondentCode
    : typeof answer.code === 'string'
      ? answer.code
      : undefined;

/** A refusal about the interview's place or respondent code, put at that input. */
export function placeProblems(answer: Record<string, unknown>): FieldProblem[] {
  const fields = Array.isArray(answer.fields) ? (answer.fields as FieldProblem[]) : [];
  const code = typeof answer.code === 'string' ? answer.code : '';
  const message = typeof answer.message === 'string' ? answer.message : '';
  if (/^respondent_code/.test(code)) return [...fields, { path: 'respondentCode', problem: code, message }];
  if (/^(division|scope)_/.test(code)) return [...fields, { path: 'division', problem: code, message }];
  return fields;
}

/** Whether an answer means "try again later" (no connection, server trouble, the same key still running). */
export async function isTransient(res: Response | null): Promise<boolean> {
  if (!res) return true;
  if (res.status >= 500) return true;
  if (res.status === 409) {
    const body = (await res
      .clone()
      .json()
      .catch(() => ({}))) as { code?: string };
    return body.code === 'request_in_progress';
  }
  return false;
}

export interface SendResult {
  sent: { id: string; studyId: string; respondentCode?: string }[];
  refused: number;
  /** Why a run stopped before the end. */
  stopped?: 'offline' | 'signed_out' | 'locked';
  /** Interviews left because another person collected them on this device. */
  otherUser: number;
}

let running: Promise<SendResult> | null = null;

/** Sends every waiting interview, in order, each with its own key (sent twice, it applies once). */
export function sendPending(): Promise<SendResult> {
  running ??= run().finally(() => {
    running = null;
  });
  return running;
}

async function run(): Promise<SendResult> {
  const result: SendResult = { sent: [], refused: 0, otherUser: 0 };
  const waiting = (await rows()).filter((r) => r.v.state === 'waiting').sort((a, b) => (a.v.at < b.v.at ? -1 : 1));
  if (!waiting.length) return result;
  const k = vaultKey();
  if (!k) return { ...result, stopped: 'locked' };
  const session = await sessionForSending();
  if (session === 'offline' || session === 'signed_out') return { ...result, stopped: session };
  for (const row of waiting) {
    if (row.v.userId !== session.userId) {
      result.otherUser++;
      continue;
    }
    const id = row.k.slice(prefix.length);
    const p = await open<PendingInterview>(k, row.v.sealed, place(id));
    const res = await postInterview(p.studyId, p.id, p.body, session.csrf);
    if (await isTransient(res)) return { ...result, stopped: 'offline' };
    if (!res) return { ...result, stopped: 'offline' };
    if (res.status === 401 || res.status === 403) {
      const body = (await res
        .clone()
        .json()
        .catch(() => ({}))) as { code?: string };
      if (res.status === 401 || body.code === 'csrf_failed') return { ...result, stopped: 'signed_out' };
    }
    const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.ok) {
      await dropInterview(id);
      result.sent.push({
        id,
        studyId: p.studyId,
        ...(respondentCodeOf(answer) ? { respondentCode: respondentCodeOf(answer) } : {}),
      });
      continue;
    }
    result.refused++;
    await keepInterview(
      {
        ...p,
        message: typeof answer.message === 'string' ? answer.message : i18n.t('app.unexpected'),
        ...(Array.isArray(answer.issues) ? { issues: answer.issues as AnswerIssue[] } : {}),
        fields: placeProblems(answer),
      },
      row.v.userId,
      'refused',
    );
  }
  return result;
}
