import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AnswerIssue, Answers, FormDef } from '../../../src/shared/xlsform/types';
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
export interface PendingRow {
  studyId: string;
  userId: string;
  at: string;
  state: 'waiting' | 'refused';
  sealed: Sealed;
}

export const prefix = 'studyPending:';
export const place = (id: string) => `study-interview:${id}`;
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

/** The kept interviews' plain rows (no answer in them). */
export async function rows(): Promise<{ k: string; v: PendingRow }[]> {
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
