// Restriction and objection flags on a person: while one is active, the person's data is not referred or exported.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import type { Db } from '../../platform/db/index';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, userNames } from '../access/index';
import { RightsAccess } from './access';
import { presentFlag } from './present';
import * as repo from './repo-flags';
import { requestCodes } from './repo-requests';
import type { FlagView } from './schema';
import type { PersonFlag } from './vocabulary';

/**
 * Refuses (409 `person_restricted`) a referral or an export of the case when its person has an active restriction
 * or objection flag; passes otherwise.
 */
export async function assertNotRestricted(
  ctx: Context,
  caseId: string,
  use: 'referral' | 'export',
  trx?: Db,
): Promise<void> {
  const active = await repo.activeFlagsOfCasePerson(trx ?? ctx.db.db, caseId);
  if (active.length)
    throw new AppError(409, 'person_restricted', {}, { use, flags: [...new Set(active.map((f) => f.flag))].sort() });
}

/** Every person with an active restriction or objection flag (for leaving them out of bulk personal exports). */
export function restrictedPersonIds(ctx: Context, trx?: Db): Promise<Set<string>> {
  return repo.flaggedPersonIds(trx ?? ctx.db.db);
}

/** The flags of a person (lifted ones too), opened for presentation. */
export async function personFlags(ctx: Context, personId: string): Promise<FlagView[]> {
  const rows = await repo.flagsOfPerson(ctx.db.db, personId);
  const names = await userNames(
    ctx,
    rows.flatMap((f) => [f.set_by, f.lifted_by ?? f.set_by]),
  );
  const codes = await requestCodes(
    ctx.db.db,
    rows.flatMap((f) => (f.request_id ? [f.request_id] : [])),
  );
  const open = (row: string, v: string | null) =>
    ctx.crypto.decryptOptional(v, { table: 'person_flags', row, column: 'lift_reason' });
  return rows.map((f) => presentFlag(f, names, codes, open));
}

/** Sets and lifts flags; audited, never with text in the audit details. */
export class Flags {
  private readonly access: RightsAccess;
  constructor(private readonly ctx: Context) {
    this.access = new RightsAccess(ctx);
  }

  /** Sets a flag on a person for a request (409 when the same flag is already active). */
  async set(
    actor: Actor,
    personId: string,
    flag: PersonFlag,
    request: { id: string; code: string },
    requestId: string,
  ): Promise<void> {
    if (await repo.activeFlag(this.ctx.db.db, personId, flag)) throw new AppError(409, 'flag_already_set');
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'rights.flag_set',
        recordType: 'person',
        recordId: personId,
        details: { flag, flagId: id, request: request.code },
        requestId,
      },
      (trx) =>
        repo.insertFlag(trx, {
          id,
          person_id: personId,
          flag,
          request_id: request.id,
          set_by: actor.userId,
          set_at: nowIso(),
          lifted_by: null,
          lifted_at: null,
          lift_reason_enc: null,
        }),
    );
  }

  /** Lifts an active flag, saying why (409 when lifted already); the person must be in the actor's reach. */
  async lift(actor: Actor, flagId: string, reason: string, requestId: string): Promise<FlagView> {
    const f = await repo.flagById(this.ctx.db.db, flagId);
    if (!f) throw notFound();
    await this.access.personFor(actor, f.person_id);
    if (f.lifted_at) throw new AppError(409, 'flag_already_lifted');
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'rights.flag_lifted',
        recordType: 'person',
        recordId: f.person_id,
        details: { flag: f.flag, flagId: f.id },
        requestId,
      },
      (trx) =>
        repo.liftFlag(trx, f.id, {
          lifted_by: actor.userId,
          lifted_at: nowIso(),
          lift_reason_enc: this.ctx.crypto.encrypt(reason, { table: 'person_flags', row: f.id, column: 'lift_reason' }),
        }),
    );
    return (await personFlags(this.ctx, f.person_id)).find((x) => x.id === f.id)!;
  }
}
