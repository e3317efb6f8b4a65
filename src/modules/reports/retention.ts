import type { Context } from '../../platform/context';
import { deleteStoredFiles } from './files';
import * as repo from './repo';
import * as repoRetention from './repo-retention';
import { TriageService } from './triage';

const dayMs = 86_400_000;

/** Retention: reports never linked to a case are deleted after the configured time, with a warning a week before. */
export class RetentionService {
  constructor(private readonly ctx: Context) {}

  private get db() {
    return this.ctx.db.db;
  }
  private purgesOn = (r: Parameters<TriageService['purgesOn']>[0]) => new TriageService(this.ctx).purgesOn(r);

  /**
   * Deletes reports past retention (not linked to a case); warns (in the audit trail and queue) a week before. The
   * audit trail gets an entry only for what this run changed: two runs at once (two nodes, a retry) write each
   * warning and each deletion once.
   */
  async purge(now = Date.now()) {
    const days = this.ctx.config.MINKA_REPORT_RETENTION_DAYS;
    const cutoff = new Date(now - days * dayMs).toISOString();
    const expired = await repo.stale(this.db, cutoff);
    const expiring = new Set(ids(expired));
    const soon = (await repo.stale(this.db, new Date(now - (days - 7) * dayMs).toISOString())).filter(
      (r) => !r.purge_warned_at && !expiring.has(r.id),
    );
    let purged = 0;
    let warned = 0;
    // One transaction per batch, each taking its rows before the audit head: a run never waits for rows while
    // holding the head another run needs, so two runs at once take turns instead of deadlocking.
    for (const batch of chunks(soon, 500))
      await this.db.transaction().execute(async (trx) => {
        const at = new Date(now).toISOString();
        const marked = new Set((await repoRetention.markWarned(trx, ids(batch), at)).map((r) => r.id));
        for (const r of batch.filter((x) => marked.has(x.id))) {
          warned++;
          await this.ctx.audit.record(
            {
              actor: null,
              action: 'report.purge_warning',
              recordType: 'report',
              recordId: r.id,
              details: { assignee: r.assignee_user_id, purgesOn: this.purgesOn(r) },
            },
            trx,
          );
        }
      });
    for (const batch of chunks(expired, 500)) {
      const files = await this.db.transaction().execute(async (trx) => {
        const stored = await repoRetention.filesOfReports(trx, ids(batch));
        const deleted = await repoRetention.deleteExpired(trx, ids(batch), cutoff);
        for (const r of deleted)
          await this.ctx.audit.record(
            { actor: null, action: 'report.purged', recordType: 'report', recordId: r.id, details: { code: r.code } },
            trx,
          );
        purged += deleted.length;
        const gone = new Set(deleted.map((r) => r.id));
        return stored.filter((f) => gone.has(f.report_id)).map((f) => f.id);
      });
      // Files go only after the rows are gone for good, so a failed commit loses nothing.
      await deleteStoredFiles(this.ctx, files);
    }
    return { purged, warned };
  }
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
