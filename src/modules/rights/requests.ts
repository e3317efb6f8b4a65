import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nextSequence, nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, can, userNames } from '../access/index';
import { People } from '../cases/index';
import { RightsAccess } from './access';
import { Flags, personFlags } from './flags';
import { erasureBlockers } from './holds';
import { presentRequest, presentRequestItem } from './present';
import * as holds from './repo-holds';
import * as repo from './repo-requests';
import type { AnswerBody, RequestCreate, RequestDetail } from './schema';
import type { PersonFlag } from './vocabulary';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const yearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
const refused = (status: number, code: string, path: string) =>
  new AppError(status, code, {}, { fields: [{ path: `body.${path}`, problem: code }] });

/** When a person's or a case's records were anonymised (null while they exist). */
export const anonymisedAtOf = (row: { anonymised_at?: string | null } | undefined): string | null =>
  row?.anonymised_at || null;

/**
 * The data-subject request log (LOPDP): a supervisor logs a request from one of the person's cases in their reach,
 * answers it before its due date (received + MINKA_RIGHTS_DEADLINE_DAYS), refuses it with a reason, or records it
 * withdrawn. Every change is audited with codes only, never the text.
 */
export class Requests {
  protected readonly access: RightsAccess;
  protected readonly people: People;
  constructor(protected readonly ctx: Context) {
    this.access = new RightsAccess(ctx);
    this.people = new People(ctx);
  }
  protected get db() {
    return this.ctx.db.db;
  }

  /** Requests of persons whose cases the supervisor reaches: open ones first by due date, then the rest, newest first. */
  async list(actor: Actor, q: { status?: string; right?: string }) {
    const reach = await this.access.reach(actor);
    const today = todayIso();
    const rows = await repo.requestsInReach(this.db, reach, { ...q, limit: 500 });
    const items = rows.map((r) => presentRequestItem(r, today));
    const open = items.filter((i) => i.status === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    return { items: [...open, ...items.filter((i) => i.status !== 'open')], abilities: { create: true } };
  }

  /** Logs a request received on a day (not ahead of today, at most a year ago); due after the configured days. */
  async create(actor: Actor, b: RequestCreate, requestId: string): Promise<RequestDetail> {
    if (!can(actor, 'rights:manage')) throw new AppError(403, 'forbidden');
    const c = await this.access.caseFor(actor, b.caseId);
    const today = todayIso();
    if (b.receivedOn > today)
      throw new AppError(
        400,
        'date_in_future',
        {},
        { fields: [{ path: 'body.receivedOn', problem: 'date_in_future' }] },
      );
    if (b.receivedOn < yearBefore(today)) throw refused(400, 'request_too_old', 'receivedOn');
    const id = randomUUID();
    const now = nowIso();
    const seal = (column: string, v: string | undefined) =>
      this.ctx.crypto.encryptOptional(v, { table: 'data_requests', row: id, column });
    await writeAudited(
      this.ctx,
      (code: string) => ({
        actor,
        action: 'rights.request_logged',
        recordType: 'data_request',
        recordId: id,
        details: { request: code, right: b.right, case: c.code },
        requestId,
      }),
      async (trx) => {
        const year = today.slice(0, 4);
        const code = `SOL-${year}-${String(await nextSequence(trx, `SOL-${year}`)).padStart(4, '0')}`;
        await repo.insertRequest(trx, {
          id,
          code,
          person_id: c.person_id,
          case_id: c.id,
          right: b.right,
          requester_enc: seal('requester', b.requester),
          channel: b.channel,
          language: b.language,
          note_enc: seal('note', b.note),
          received_on: b.receivedOn,
          due_on: addDays(b.receivedOn, this.ctx.config.MINKA_RIGHTS_DEADLINE_DAYS),
          status: 'open',
          answered_on: null,
          answered_by: null,
          outcome_enc: null,
          refusal_reason: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        return code;
      },
    );
    return this.detail(actor, id);
  }

  /** The request with who asked, the answer, the person's flags and (erasure) what blocks it now; the read is audited. */
  async get(actor: Actor, id: string, requestId: string): Promise<RequestDetail> {
    const d = await this.detail(actor, id);
    await this.ctx.audit.record({
      actor,
      action: 'rights.request_read',
      recordType: 'data_request',
      recordId: id,
      fields: 'name,requester',
      details: { request: d.code },
      requestId,
    });
    return d;
  }

  /** Closes an open request by hand: answered, refused with its reason, or withdrawn, with a sealed note. */
  async answer(actor: Actor, id: string, b: AnswerBody, requestId: string): Promise<RequestDetail> {
    const r = await this.load(actor, id);
    if (r.status !== 'open') throw new AppError(409, 'request_closed');
    if (b.outcome === 'refused' && !b.refusalReason) throw refused(400, 'refusal_reason_required', 'refusalReason');
    if (b.outcome !== 'refused' && b.refusalReason) throw refused(400, 'refusal_reason_not_allowed', 'refusalReason');
    // An erasure is answered by erasing: "answered" while the records still exist would not be true.
    if (
      r.right === 'erasure' &&
      b.outcome === 'answered' &&
      !anonymisedAtOf(await holds.personRow(this.db, r.person_id))
    )
      throw new AppError(409, 'erasure_not_done');
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'rights.request_answered',
        recordType: 'data_request',
        recordId: r.id,
        details: { request: r.code, right: r.right, outcome: b.outcome, refusalReason: b.refusalReason ?? null },
        requestId,
      },
      (trx) => this.close(trx, r.id, actor, b.outcome, b.note, b.refusalReason ?? null),
    );
    return this.detail(actor, id);
  }

  /** Sets a restriction or objection flag on the request's person (409 when already active). */
  async flag(actor: Actor, id: string, flag: PersonFlag, requestId: string): Promise<RequestDetail> {
    const r = await this.load(actor, id);
    await new Flags(this.ctx).set(actor, r.person_id, flag, { id: r.id, code: r.code }, requestId);
    return this.detail(actor, id);
  }

  /** Marks the request closed with its outcome, today, by the actor. */
  protected close(
    trx: Transaction<Database>,
    id: string,
    actor: Actor,
    outcome: 'answered' | 'refused' | 'withdrawn',
    note: string | null,
    refusalReason: string | null,
  ) {
    return repo.updateRequest(trx, id, {
      status: outcome,
      answered_on: todayIso(),
      answered_by: actor.userId,
      outcome_enc: this.ctx.crypto.encryptOptional(note, { table: 'data_requests', row: id, column: 'outcome' }),
      refusal_reason: refusalReason,
      updated_at: nowIso(),
    });
  }

  /** The request when its case is in the actor's reach (404 otherwise, 403 in reach without rights:manage). */
  protected async load(actor: Actor, id: string) {
    const r = await repo.requestById(this.db, id);
    if (!r) throw notFound();
    await this.access.caseFor(actor, r.case_id);
    return r;
  }

  /** The request as the API shows it. */
  protected async detail(actor: Actor, id: string): Promise<RequestDetail> {
    const r = await this.load(actor, id);
    const person = await holds.personRow(this.db, r.person_id);
    const anonymisedAt = anonymisedAtOf(person);
    const names = await userNames(this.ctx, [r.created_by, ...(r.answered_by ? [r.answered_by] : [])]);
    return presentRequest(r, {
      today: todayIso(),
      open: (column, v) => this.ctx.crypto.decryptOptional(v, { table: 'data_requests', row: r.id, column }),
      names,
      personName: person && !anonymisedAt ? this.people.name(person) || null : null,
      blockers: r.right === 'erasure' ? await erasureBlockers(this.ctx, r.person_id) : null,
      flags: await personFlags(this.ctx, r.person_id),
      anonymisedAt,
    });
  }
}
