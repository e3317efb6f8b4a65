import type { Context } from '../../platform/context';
import { type Actor, OrganisationsService, requirePermission } from '../access/index';
import { auditServiceOf } from './checkpoint-job';
import { checkpointDir } from './checkpoints';
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
  ) {
    requirePermission(actor, 'audit:read');
    const wholeCountry = actor.scope.code === actor.scope.country;
    const actorOrgIds = wholeCountry
      ? undefined
      : (await new OrganisationsService(this.ctx).list(actor)).map((o) => o.id);
    return this.audit.list({
      recordType: q.recordType,
      recordId: q.recordId,
      actorUserId: q.actorUserId,
      beforeId: q.before,
      limit: q.limit,
      actorOrgIds,
    });
  }

  /** Checks the whole MAC chain against the signed checkpoints of this installation, for holders of audit:read (403 otherwise). */
  verify(actor: Actor) {
    requirePermission(actor, 'audit:read');
    return this.audit.verify({ checkpointDir: checkpointDir(this.ctx.config) });
  }
}
