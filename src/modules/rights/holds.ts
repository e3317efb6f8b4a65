// Legal holds and open proceedings: what keeps a record from erasure and retention.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import type { Db } from '../../platform/db/index';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, can, userNames } from '../access/index';
import { RightsAccess } from './access';
import { presentHold } from './present';
import * as repo from './repo-holds';
import type { HoldView } from './schema';
import type { ErasureBlockReason } from './vocabulary';

/**
 * Why the person's records cannot be erased now (empty when they can): each of their cases with an active legal
 * hold, and each with a complaint that has no outcome yet (an open proceeding needs the record).
 */
export async function erasureBlockers(
  ctx: Context,
  personId: string,
  trx?: Db,
): Promise<{ reason: ErasureBlockReason; caseCode: string }[]> {
  const q = trx ?? ctx.db.db;
  const cases = await repo.casesOfPerson(q, personId);
  const ids = cases.map((c) => c.id);
  const [held, open] = await Promise.all([repo.heldCaseIds(q, ids), repo.openProceedingCaseIds(q, ids)]);
  return cases.flatMap((c) => [
    ...(held.has(c.id) ? [{ reason: 'legal_hold' as const, caseCode: c.code }] : []),
    ...(open.has(c.id) ? [{ reason: 'open_proceeding' as const, caseCode: c.code }] : []),
  ]);
}

/** True when a legal hold or an open proceeding keeps the case. */
export async function caseHeld(ctx: Context, caseId: string, trx?: Db): Promise<boolean> {
  const q = trx ?? ctx.db.db;
  const [held, open] = await Promise.all([repo.heldCaseIds(q, [caseId]), repo.openProceedingCaseIds(q, [caseId])]);
  return held.size > 0 || open.size > 0;
}

/** Legal holds on a case: placed and lifted by supervisors (rights:manage) over cases in their reach; audited. */
export class Holds {
  private readonly access: RightsAccess;
  constructor(private readonly ctx: Context) {
    this.access = new RightsAccess(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  /** The case's holds (lifted ones too), opened for presentation. */
  async present(caseId: string): Promise<HoldView[]> {
    const rows = await repo.holdsOfCase(this.db, caseId);
    const names = await userNames(
      this.ctx,
      rows.flatMap((h) => [h.placed_by, h.lifted_by ?? h.placed_by]),
    );
    const open = (row: string, column: string, v: string | null) =>
      this.ctx.crypto.decryptOptional(v, { table: 'legal_holds', row, column });
    return rows.map((h) => presentHold(h, names, open));
  }

  /** The case's holds, for a supervisor in reach. */
  async list(actor: Actor, caseId: string) {
    await this.access.caseFor(actor, caseId);
    return { holds: await this.present(caseId), abilities: { place: can(actor, 'rights:manage') } };
  }

  /** Places a hold: the case is kept from erasure and retention until it is lifted. */
  async place(actor: Actor, caseId: string, b: { reason: string; basis: string }, requestId: string) {
    const c = await this.access.caseFor(actor, caseId);
    const id = randomUUID();
    const seal = (column: string, v: string) => this.ctx.crypto.encrypt(v, { table: 'legal_holds', row: id, column });
    await writeAudited(
      this.ctx,
      { actor, action: 'case.hold_placed', recordType: 'case', recordId: c.id, details: { hold: id }, requestId },
      (trx) =>
        repo.insertHold(trx, {
          id,
          case_id: c.id,
          reason_enc: seal('reason', b.reason),
          basis_enc: seal('basis', b.basis),
          placed_by: actor.userId,
          placed_at: nowIso(),
          lifted_by: null,
          lifted_at: null,
          lift_reason_enc: null,
        }),
    );
    return this.list(actor, caseId);
  }

  /** Lifts an active hold, saying why (409 when it was lifted already). */
  async lift(actor: Actor, caseId: string, holdId: string, reason: string, requestId: string) {
    const c = await this.access.caseFor(actor, caseId);
    const h = await repo.holdOfCase(this.db, c.id, holdId);
    if (!h) throw notFound();
    if (h.lifted_at) throw new AppError(409, 'hold_already_lifted');
    await writeAudited(
      this.ctx,
      { actor, action: 'case.hold_lifted', recordType: 'case', recordId: c.id, details: { hold: h.id }, requestId },
      (trx) =>
        repo.liftHold(trx, h.id, {
          lifted_by: actor.userId,
          lifted_at: nowIso(),
          lift_reason_enc: this.ctx.crypto.encrypt(reason, { table: 'legal_holds', row: h.id, column: 'lift_reason' }),
        }),
    );
    return this.list(actor, caseId);
  }
}
