import type { FlagRow } from './repo-flags';
import type { HoldRow } from './repo-holds';
import type { RequestRow } from './repo-requests';
import type { FlagView, HoldView, RequestDetail, RequestListItem } from './schema';
import type {
  AnswerLanguage,
  ErasureBlockReason,
  PersonFlag,
  RefusalReason,
  RequestChannel,
  RequestStatus,
  Right,
} from './vocabulary';

// What the rights API shows: fields copied one by one, sealed text opened by the caller's `open`.

type Names = Map<string, string>;

/** Whole days from `today` to `day` (both YYYY-MM-DD); negative when `day` is past. */
export const daysBetween = (today: string, day: string) =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/** A request's line in the list: its deadline in days left (negative: overdue) while open. */
export function presentRequestItem(r: RequestRow & { case_code: string }, today: string): RequestListItem {
  const open = r.status === 'open';
  const left = open ? daysBetween(today, r.due_on) : null;
  return {
    id: r.id,
    code: r.code,
    right: r.right as Right,
    status: r.status as RequestStatus,
    caseId: r.case_id,
    caseCode: r.case_code,
    channel: r.channel as RequestChannel,
    language: r.language as AnswerLanguage,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    daysLeft: left,
    overdue: left !== null && left < 0,
    answeredOn: r.answered_on,
  };
}

/** The whole request: who asked, what, the answer, the person's flags and, for an erasure, what blocks it now. */
export function presentRequest(
  r: RequestRow & { case_code: string },
  o: {
    today: string;
    open: (column: string, v: string | null) => string | null;
    names: Names;
    personName: string | null;
    blockers: { reason: ErasureBlockReason; caseCode: string }[] | null;
    flags: FlagView[];
    anonymisedAt: string | null;
  },
): RequestDetail {
  const open = r.status === 'open';
  const live = o.anonymisedAt === null;
  return {
    ...presentRequestItem(r, o.today),
    personName: o.personName,
    requester: o.open('requester', r.requester_enc),
    note: o.open('note', r.note_enc),
    answeredBy: r.answered_by ? (o.names.get(r.answered_by) ?? null) : null,
    outcome: o.open('outcome', r.outcome_enc),
    refusalReason: r.refusal_reason as RefusalReason | null,
    createdAt: r.created_at,
    createdBy: o.names.get(r.created_by) ?? null,
    blockers: o.blockers,
    rectifyCaseId: r.right === 'rectification' ? r.case_id : null,
    flags: o.flags,
    anonymisedAt: o.anonymisedAt,
    abilities: {
      answer: open,
      erase: open && live && r.right === 'erasure' && (o.blockers ?? []).length === 0,
      flag: live,
      export: live && (r.right === 'access' || r.right === 'portability'),
    },
  };
}

/** A flag on a person, with the request it was set on and who set and lifted it. */
export function presentFlag(
  f: FlagRow,
  names: Names,
  codes: Map<string, string>,
  open: (row: string, v: string | null) => string | null,
): FlagView {
  return {
    id: f.id,
    flag: f.flag as PersonFlag,
    requestId: f.request_id,
    requestCode: f.request_id ? (codes.get(f.request_id) ?? null) : null,
    setAt: f.set_at,
    setBy: names.get(f.set_by) ?? null,
    active: f.lifted_at === null,
    liftedAt: f.lifted_at,
    liftedBy: f.lifted_by ? (names.get(f.lifted_by) ?? null) : null,
    liftReason: open(f.id, f.lift_reason_enc),
  };
}

/** A legal hold with its reason and basis opened. */
export function presentHold(
  h: HoldRow,
  names: Names,
  open: (row: string, column: string, v: string | null) => string | null,
): HoldView {
  return {
    id: h.id,
    reason: open(h.id, 'reason', h.reason_enc),
    basis: open(h.id, 'basis', h.basis_enc),
    placedAt: h.placed_at,
    placedBy: names.get(h.placed_by) ?? null,
    active: h.lifted_at === null,
    liftedAt: h.lifted_at,
    liftedBy: h.lifted_by ? (names.get(h.lifted_by) ?? null) : null,
    liftReason: open(h.id, 'lift_reason', h.lift_reason_enc),
  };
}
