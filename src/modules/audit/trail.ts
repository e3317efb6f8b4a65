import type { Context } from '../../platform/context';
import type { Language } from '../../platform/i18n/index';
import { type Actor, can, OrganisationsService, requirePermission, userNames } from '../access/index';
import { Catalogues } from '../catalogues/index';
import { type CatalogueList, catalogueLists } from '../catalogues/vocabulary';
import { auditServiceOf } from './checkpoint-job';
import { checkpointDir } from './checkpoints';
import type { Naming } from './present';
import * as repo from './repo';
import type { AuditService } from './service';

/** The audit trail as people read it: who may read it, and which part. */
export class AuditTrail {
  private readonly audit: AuditService;
  constructor(private readonly ctx: Context) {
    this.audit = auditServiceOf(ctx);
  }

  /**
   * Entries newest first, for holders of audit:read (403 otherwise). Someone scoped to a whole country sees every
   * entry; others see what organisations in their jurisdiction did.
   */
  async browse(
    actor: Actor,
    q: { recordType?: string; recordId?: string; actorUserId?: string; before?: number; limit: number },
    lang: Language | string = 'es',
  ) {
    requirePermission(actor, 'audit:read');
    const actorOrgIds = await this.visibleOrgs(actor);
    const rows = await this.audit.list({
      recordType: q.recordType,
      recordId: q.recordId,
      actorUserId: q.actorUserId,
      beforeId: q.before,
      limit: q.limit,
      actorOrgIds,
    });
    return { rows, naming: await this.naming(actor, rows, lang) };
  }

  /** The people who appear as actors in the trail, by name and current organisation (in my jurisdiction), for holders of audit:read (403 otherwise). */
  async people(actor: Actor) {
    requirePermission(actor, 'audit:read');
    if (!can(actor, 'users:read')) return [];
    const found = await repo.entryActors(this.ctx.db.db, await this.visibleOrgs(actor));
    const names = await userNames(
      this.ctx,
      found.map((f) => f.userId),
    );
    const byUser = new Map<string, { id: string; name: string; organisation: string | null }>();
    for (const f of found)
      if (names.has(f.userId))
        byUser.set(f.userId, { id: f.userId, name: names.get(f.userId)!, organisation: f.organisation });
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  // Undefined for someone scoped to a whole country (every entry); otherwise the organisations in their jurisdiction.
  private async visibleOrgs(actor: Actor): Promise<string[] | undefined> {
    if (actor.scope.code === actor.scope.country) return undefined;
    return (await new OrganisationsService(this.ctx).list(actor)).map((o) => o.id);
  }

  // Names of the actors and organisations, case codes and named users the entries point at: a few queries per page.
  private async naming(
    actor: Actor,
    rows: {
      actor_user_id: string | null;
      actor_org_id: string | null;
      record_type: string | null;
      record_id: string | null;
    }[],
    lang: Language | string = 'es',
  ): Promise<Naming> {
    const ids = (type: string) => rows.filter((r) => r.record_type === type && r.record_id).map((r) => r.record_id!);
    // Staff names are shown to those who may read the users anyway (administrators and supervisors by default).
    const people = !can(actor, 'users:read')
      ? new Map<string, string>()
      : await userNames(this.ctx, [...rows.map((r) => r.actor_user_id ?? ''), ...ids('user')].filter(Boolean));
    return {
      people,
      organisations: await repo.organisationNames(this.ctx.db.db, [
        ...new Set([...rows.map((r) => r.actor_org_id ?? ''), ...ids('organisation')].filter(Boolean)),
      ]),
      cases: await repo.caseCodes(this.ctx.db.db, [...new Set(ids('case'))]),
      catalogue: await this.catalogueLabels([...new Set(ids('catalogue'))], lang),
    };
  }

  /** Catalogue entries (`<list>:<key>`) named by their label: "Catálogo legal" + the entry, not a cut-off key. */
  private async catalogueLabels(ids: string[], lang: Language | string) {
    const catalogues = new Catalogues(this.ctx);
    const out = new Map<string, string>();
    // One read per list named on the page, not one per entry.
    const lists = new Set(
      ids.map((id) => id.split(':')[0]!).filter((l) => (catalogueLists as readonly string[]).includes(l)),
    );
    for (const list of lists)
      for (const e of await catalogues.entries(list as CatalogueList))
        if (ids.includes(`${list}:${e.key}`)) out.set(`${list}:${e.key}`, Catalogues.label(e, lang, e.key));
    return out;
  }

  /** Checks the whole MAC chain against the signed checkpoints of this installation, for holders of audit:read (403 otherwise). */
  verify(actor: Actor) {
    requirePermission(actor, 'audit:read');
    return this.audit.verify({ checkpointDir: checkpointDir(this.ctx.config) });
  }
}
