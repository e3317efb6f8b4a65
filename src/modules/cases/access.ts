import type { Context } from '../../platform/context';
import type { CaseTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, agreementCovers, agreementsRunningTo, type Permission, ScopeCheck } from '../access/index';
import { GeoService } from '../geo/index';
import { decide, mayReceiveCases, reachOf } from './policy';
import * as repo from './repo';
import * as repoAccess from './repo-access';
import { type CaseSection, type Granted, sectionsFrom } from './sections';
import { type CaseGrant, casesSharedWith, grantsOn } from './sharing';

/** How the actor reaches a loaded case: the sections granted (null = all) and the grants that open it. */
export interface CaseReach {
  c: CaseTable;
  direct: boolean;
  granted: Granted;
  shares: CaseGrant[];
}

/** What others open to the actor, as the case list reads it. */
export interface SharedForList {
  ids: string[];
  agreements: { ownerOrgId: string; divisions: string[]; sections: CaseSection[] }[];
  /** The sections shared of a listed case: its referrals' and the covering agreements' together. */
  granted(c: Pick<CaseTable, 'id' | 'owner_org_id' | 'division_code'>): Set<CaseSection>;
}

/** Case visibility: the permission, and the case's organisation and place, or what is shared with the actor. */
export class CaseAccess {
  constructor(private readonly ctx: Context) {}

  /**
   * The case if the actor may use it with this permission (and, for a sub-record, has its section); 404 otherwise,
   * so existence never leaks. A referral or data-sharing agreement opens only its sections, for reading and, with
   * the legal section, for the legal process; every other change needs direct reach (403 for a receiver).
   */
  async load(
    actor: Actor,
    id: string,
    permission: Permission = 'cases:read',
    section?: CaseSection,
  ): Promise<CaseTable> {
    return (await this.reach(actor, id, permission, section)).c;
  }

  /** As `load`, for the case with this code. */
  async loadByCode(actor: Actor, code: string, permission: Permission = 'cases:read'): Promise<CaseTable> {
    const id = await repo.findCaseIdByCode(this.ctx.db.db, code);
    if (!id) throw notFound();
    return this.load(actor, id, permission);
  }

  /** As `load`, with how the actor reaches the case: directly, or through what is shared (and which sections). */
  async reach(
    actor: Actor,
    id: string,
    permission: Permission = 'cases:read',
    section?: CaseSection,
  ): Promise<CaseReach> {
    const c = await repo.findCase(this.ctx.db.db, id);
    if (!c) throw notFound();
    const ancestry = (await new ScopeCheck(this.ctx).ancestry(c.country_code, c.division_code)) ?? [];
    let shares: CaseGrant[] = [];
    let r = reachOf(actor, c, ancestry, shares);
    if (r.reach === 'none' && mayReceiveCases(actor)) {
      shares = await this.sharesOf(actor, c, ancestry);
      r = reachOf(actor, c, ancestry, shares);
    }
    const verdict = decide(actor, r.reach, permission, r.granted, section);
    if (verdict === 'not_found') throw notFound();
    if (verdict === 'forbidden') throw new AppError(403, 'forbidden');
    // An anonymised case (erasure or retention, rights module) keeps only its plain facts: nothing is added to it.
    if (permission === 'cases:write' && c.anonymised_at) throw new AppError(409, 'case_anonymised');
    return { c, direct: r.reach === 'direct', granted: r.granted, shares };
  }

  /** What referrals and running data-sharing agreements open of this case to the actor now. */
  private async sharesOf(actor: Actor, c: CaseTable, ancestry: string[]): Promise<CaseGrant[]> {
    const record = { ownerOrgId: c.owner_org_id, country: c.country_code, ancestry };
    const day = new Date().toISOString().slice(0, 10);
    const agreements = (await agreementsRunningTo(this.ctx.db.db, actor.orgId))
      .filter((a) => agreementCovers(a, actor, record, day))
      .map((a): CaseGrant => ({ sections: sectionsFrom(a.sections), via: 'agreement' }));
    return [...(await grantsOn(this.ctx, c.id, actor)), ...agreements];
  }

  /**
   * Which cases others open to the actor now, for lists: ids from referrals, and the owners and divisions running
   * agreements cover; `granted` tells the sections shared of a listed case without loading it again.
   */
  async sharedForList(actor: Actor): Promise<SharedForList> {
    if (!mayReceiveCases(actor)) return { ids: [], agreements: [], granted: () => new Set() };
    const geo = new GeoService(this.ctx.db.db);
    const agreements: SharedForList['agreements'] = [];
    for (const a of await agreementsRunningTo(this.ctx.db.db, actor.orgId)) {
      if (a.country !== actor.scope.country) continue;
      const divisions = (await Promise.all(a.places.map((p) => geo.descendantCodes(a.country, p)))).flat();
      agreements.push({ ownerOrgId: a.fromOrgId, divisions, sections: sectionsFrom(a.sections) });
    }
    const referred = await casesSharedWith(this.ctx, actor);
    return {
      ids: [...referred.keys()],
      agreements,
      granted: (c) =>
        new Set([
          ...(referred.get(c.id) ?? []),
          ...agreements
            .filter((a) => a.ownerOrgId === c.owner_org_id && a.divisions.includes(c.division_code))
            .flatMap((a) => a.sections),
        ]),
    };
  }

  /** True when the actor may see at least one case of this person (for duplicate candidates and linking). */
  async personInReach(actor: Actor, personId: string): Promise<boolean> {
    const cases = await repoAccess.selectCasesByPersonId(this.ctx.db.db, personId);
    for (const c of cases) {
      try {
        await this.load(actor, c.id, 'cases:read', 'identity');
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
