import type { Context } from '../../platform/context';
import type { CaseTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, type Permission, ScopeCheck } from '../access/index';
import { GeoService } from '../geo/index';
import { decide, reachOf } from './policy';
import * as repo from './repo';
import * as repoAccess from './repo-access';
import { sharedWith } from './sharing';

/** Case visibility: the permission, and the case's place in the actor's jurisdiction or the actor related to it. */
export class CaseAccess {
  constructor(private readonly ctx: Context) {}

  /**
   * The case if the actor may use it with this permission; 404 otherwise, so existence never leaks. A live
   * referral opens the case to the receiving organisation (or only to the named caseworker) for reading and,
   * for a prosecutor's office, for the legal process; every other change needs the jurisdiction, ownership
   * or assignment (403 for a receiver).
   */
  async load(actor: Actor, id: string, permission: Permission = 'cases:read'): Promise<CaseTable> {
    return (await this.reach(actor, id, permission)).c;
  }

  /** As `load`, for the case with this code. */
  async loadByCode(actor: Actor, code: string, permission: Permission = 'cases:read'): Promise<CaseTable> {
    const id = await repo.findCaseIdByCode(this.ctx.db.db, code);
    if (!id) throw notFound();
    return this.load(actor, id, permission);
  }

  /** As `load`, and whether the actor reaches the case directly (jurisdiction, ownership, assignment) or only through a referral. */
  async reach(
    actor: Actor,
    id: string,
    permission: Permission = 'cases:read',
  ): Promise<{ c: CaseTable; direct: boolean }> {
    const c = await repo.findCase(this.ctx.db.db, id);
    if (!c) throw notFound();
    const ancestry = (await new ScopeCheck(this.ctx).ancestry(c.country_code, c.division_code)) ?? [];
    let reach = reachOf(actor, c, ancestry, []);
    if (reach === 'none') reach = reachOf(actor, c, ancestry, await this.referredOrgs(id, actor));
    const verdict = decide(actor, reach, permission);
    if (verdict === 'not_found') throw notFound();
    if (verdict === 'forbidden') throw new AppError(403, 'forbidden');
    const direct = reach === 'direct';
    return { c, direct };
  }

  /**
   * Organisations a live referral (sent, accepted or completed) has opened this case to; with an actor, a
   * referral to a named caseworker counts only for that person.
   */
  async referredOrgs(caseId: string, actor?: Actor): Promise<string[]> {
    return sharedWith(this.ctx.db.db, caseId, actor);
  }

  /** True when the actor may see at least one case of this person (for duplicate candidates and linking). */
  async personInReach(actor: Actor, personId: string): Promise<boolean> {
    const cases = await repoAccess.selectCasesByPersonId(this.ctx.db.db, personId);
    for (const c of cases) {
      try {
        await this.load(actor, c.id);
        return true;
      } catch {}
    }
    return false;
  }

  /** Division codes of the actor's jurisdiction, for list filters in SQL (undefined = the whole country). */
  async scopeCodes(actor: Actor): Promise<string[] | undefined> {
    if (actor.scope.code === actor.scope.country) return undefined;
    return new GeoService(this.ctx.db.db).descendantCodes(actor.scope.country, actor.scope.code);
  }
}
