import type { AnswerIssue } from '../../../src/shared/xlsform/types';
import i18n from '../i18n/index';
import { open } from './crypto';
import {
  dropInterview,
  type FieldProblem,
  keepInterview,
  type PendingInterview,
  place,
  prefix,
  rows,
  type SubmissionBody,
} from './studies';
import { vaultKey } from './vault';

// Sending study interviews: the one for the page (online) and those kept on the device (later), each with the
// Idempotency-Key it was made with, so an interview sent twice is recorded once.

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
