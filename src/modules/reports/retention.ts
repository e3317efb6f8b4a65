import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../../platform/context';
import * as repo from './repo';
import { TriageService } from './triage';

const dayMs = 86_400_000;

/** Retention: reports never linked to a case are deleted after the configured time, with a warning a week before. */
export class RetentionService {
  constructor(private readonly ctx: Context) {}

  private get db() {
    return this.ctx.db.db;
  }
  private purgesOn = (r: Parameters<TriageService['purgesOn']>[0]) => new TriageService(this.ctx).purgesOn(r);

  /** Deletes reports past retention (not linked to a case); warns (in the audit trail and queue) a week before. */
  async purge(now = Date.now()) {
    const days = this.ctx.config.MINKA_REPORT_RETENTION_DAYS;
    const expired = await repo.stale(this.db, new Date(now - days * dayMs).toISOString());
    const soon = (await repo.stale(this.db, new Date(now - (days - 7) * dayMs).toISOString())).filter(
      (r) => !r.purge_warned_at && !expired.some((e) => e.id === r.id),
    );
    const files: string[] = [];
    await this.db.transaction().execute(async (trx) => {
      for (const r of soon) {
        await repo.updateReport(trx, r.id, { purge_warned_at: new Date(now).toISOString() });
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
      for (const r of expired) for (const f of await repo.filesOf(trx, r.id)) files.push(f.id);
      await repo.deleteReports(
        trx,
        expired.map((r) => r.id),
      );
      for (const r of expired)
        await this.ctx.audit.record(
          { actor: null, action: 'report.purged', recordType: 'report', recordId: r.id, details: { code: r.code } },
          trx,
        );
    });
    // Files go only after the rows are gone for good, so a failed commit loses nothing.
    for (const id of files) rmSync(path.join(this.ctx.config.dataDir, 'attachments', `${id}.bin`), { force: true });
    return { purged: expired.length, warned: soon.length };
  }
}
