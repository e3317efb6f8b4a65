import type { Context } from '../../platform/context';
import type { CaseTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import type { Permission } from '../access/permissions';
import { type Actor, can, canSee } from '../access/policy';
import { ScopeCheck } from '../access/scope';
import { GeoService } from '../geo/service';
import * as repo from './repo';

/** Case visibility: the permission, and the case's place in the actor's jurisdiction or the actor related to it. */
export class CaseAccess {
  constructor(private readonly ctx: Context) {}

  /** The case if the actor may use it with this permission; 404 otherwise, so existence never leaks. */
  async load(actor: Actor, id: string, permission: Permission = 'cases:read'): Promise<CaseTable> {
    const c = await repo.findCase(this.ctx.db.db, id);
    if (!c) throw notFound();
    const ancestry = (await new ScopeCheck(this.ctx).ancestry(c.country_code, c.division_code)) ?? [];
    const referredOrgIds = await this.referredOrgs(id);
    const rel = {
      ownerOrgId: c.owner_org_id,
      assignedUserIds: c.assigned_user_id ? [c.assigned_user_id] : [],
      referredOrgIds,
    };
    // A prosecutor's office (or any receiver without cases:read) sees exactly the cases referred to it.
    const asReceiver = can(actor, 'referrals:receive') && referredOrgIds.includes(actor.orgId);
    if (!canSee(actor, 'cases:read', { country: c.country_code, ancestry }, rel) && !asReceiver) throw notFound();
    if (permission !== 'cases:read' && !can(actor, permission)) throw new AppError(403, 'forbidden');
    return c;
  }

  /** Organisations a live referral (sent, accepted or completed) has opened this case to. */
  async referredOrgs(caseId: string): Promise<string[]> {
    const rows = await this.ctx.db.db
      .selectFrom('referrals')
      .select('to_org_id')
      .where('case_id', '=', caseId)
      .where('status', 'in', ['sent', 'accepted', 'completed'])
      .execute();
    return rows.map((r) => r.to_org_id).filter((x): x is string => Boolean(x));
  }

  /** True when the actor may see at least one case of this person (for duplicate candidates and linking). */
  async personInReach(actor: Actor, personId: string): Promise<boolean> {
    const cases = await this.ctx.db.db.selectFrom('cases').select('id').where('person_id', '=', personId).execute();
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
