import type { FieldProblem, SubmissionBody } from '../../../offline/studies';
import {
  isTransient,
  placeProblems,
  postInterview,
  respondentCodeOf,
  sessionForSending,
} from '../../../offline/studies-send';

/** How a send went: taken (with the code the server gave), refused at fields, refused whole, or not reached. */
export type SendOutcome =
  | { kind: 'sent'; code?: string }
  | { kind: 'invalid'; message: string; body: Record<string, unknown>; fields: FieldProblem[] }
  | { kind: 'refused'; message: string }
  | { kind: 'unreached'; why: 'offline' | 'signed_out'; userId?: string };

/**
 * Sends one interview with its Idempotency-Key. Without a connection, or with the server in trouble, it is not
 * reached (the caller keeps it on the device); sent twice with the same key, it is recorded once.
 */
export async function sendInterview(studyId: string, key: string, body: SubmissionBody): Promise<SendOutcome> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'unreached', why: 'offline' };
  const session = await sessionForSending();
  if (session === 'offline' || session === 'signed_out') return { kind: 'unreached', why: session };
  const res = await postInterview(studyId, key, body, session.csrf);
  if (!res || (await isTransient(res))) return { kind: 'unreached', why: 'offline', userId: session.userId };
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  const code = respondentCodeOf(answer);
  if (res.ok) return { kind: 'sent', ...(code ? { code } : {}) };
  const message = typeof answer.message === 'string' ? answer.message : '';
  const fields = placeProblems(answer);
  if (Array.isArray(answer.issues) || fields.length) return { kind: 'invalid', message, body: answer, fields };
  return { kind: 'refused', message };
}

/** The server's refusals of the interview's own fields (not answers), by input. */
export function placeErrors(fields: FieldProblem[] | undefined): { division?: string; respondentCode?: string } {
  const out: { division?: string; respondentCode?: string } = {};
  for (const f of fields ?? []) {
    if (f.path === 'division' || f.path === 'respondentCode') out[f.path] = f.message;
  }
  return out;
}
