import type { Context } from '../../platform/context';
import type { CaseTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, can, type Permission } from '../access/index';
import { CaseAccess } from '../cases/index';
import * as holds from './repo-holds';
import type { Reach } from './repo-requests';

/**
 * Who handles people's rights where: a supervisor (rights:manage) over the cases their organisation holds in their
 * jurisdiction, and those assigned to them — the cases' own rule of direct reach. What is shared with another
 * organisation (a referral, an agreement) never opens the rights of the case's person.
 */
export class RightsAccess {
  private readonly cases: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.cases = new CaseAccess(ctx);
  }

  /** The case when the actor reaches it directly with `permission`: 404 out of reach, 403 in reach without it. */
  async caseFor(actor: Actor, caseId: string, permission: Permission = 'rights:manage'): Promise<CaseTable> {
    const r = await this.cases.reach(actor, caseId, permission);
    if (!r.direct) throw notFound();
    return r.c;
  }

  /** As `caseFor`, for a person: one of their cases must be in reach (404 otherwise, 403 in reach without it). */
  async personFor(actor: Actor, personId: string): Promise<void> {
    let forbidden = false;
    for (const c of await holds.casesOfPerson(this.ctx.db.db, personId)) {
      try {
        await this.caseFor(actor, c.id);
        return;
      } catch (e) {
        if (e instanceof AppError && e.statusCode === 403) forbidden = true;
        else if (!(e instanceof AppError && e.statusCode === 404)) throw e;
      }
    }
    throw forbidden ? new AppError(403, 'forbidden') : notFound();
  }

  /** The actor's direct reach as list filters (403 for a role that does not handle rights). */
  async reach(actor: Actor): Promise<Reach> {
    if (!can(actor, 'rights:manage')) throw new AppError(403, 'forbidden');
    return {
      country: actor.scope.country,
      orgId: actor.orgId,
      userId: actor.userId,
      divisions: await this.cases.scopeCodes(actor),
    };
  }
}
