import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { t } from '../../platform/i18n/index';
import { type Actor, can } from '../access/index';
import * as repo from './repo';
import type { SchedulePatch } from './schema';
import { dayCounted, type RetentionAction, type RetentionRecordType, retentionActions } from './vocabulary';

/** One schedule as services and pages read it. */
export interface RetentionSchedule {
  recordType: RetentionRecordType;
  /** The period in months (null for public reports, which count days). */
  months: number | null;
  /** The period in days (public reports only: the configured MINKA_REPORT_RETENTION_DAYS, changed there). */
  days: number | null;
  warningDays: number;
  action: RetentionAction;
  /** True while Minka keeps the records whatever the period (the audit trail: see `keptReason`). */
  kept: boolean;
  updatedAt: string;
}

const known = (type: string): type is RetentionRecordType => type in retentionActions;

/** How long each type of record is kept, and the administration of it. */
export class RetentionSchedules {
  constructor(private readonly ctx: Context) {}

  /** Every schedule, in the vocabulary's order (used by the notices' record of processing). */
  static all(ctx: Context): Promise<RetentionSchedule[]> {
    return new RetentionSchedules(ctx).list();
  }

  async list(): Promise<RetentionSchedule[]> {
    const rows = await repo.selectSchedules(this.ctx.db.db);
    const order = Object.keys(retentionActions);
    return rows
      .filter((r) => known(r.record_type))
      .sort((a, b) => order.indexOf(a.record_type) - order.indexOf(b.record_type))
      .map((r) => this.present(r));
  }

  /** One schedule; 404 when the type is unknown. */
  async get(type: string): Promise<RetentionSchedule> {
    const row = known(type) ? await repo.selectSchedule(this.ctx.db.db, type) : undefined;
    if (!row) throw notFound();
    return this.present(row);
  }

  private present(r: repo.ScheduleRow): RetentionSchedule {
    const type = r.record_type as RetentionRecordType;
    const days = dayCounted.includes(type);
    return {
      recordType: type,
      months: days ? null : Number(r.months),
      days: days ? this.ctx.config.MINKA_REPORT_RETENTION_DAYS : null,
      warningDays: Number(r.warning_days),
      action: retentionActions[type],
      kept: retentionActions[type] === 'keep',
      updatedAt: r.updated_at,
    };
  }

  /**
   * Changes a schedule's months or warning (administrators, audited); days are a 400 at their field. Public reports'
   * period is the configuration's (409 `retention_configured`).
   */
  async change(
    actor: Actor,
    type: string,
    b: SchedulePatch,
    lang: string,
    requestId: string,
  ): Promise<RetentionSchedule> {
    if (!can(actor, 'retention:manage')) throw new AppError(403, 'forbidden');
    const before = await this.get(type);
    // Public reports are purged by the reports module on MINKA_REPORT_RETENTION_DAYS: changed in the configuration.
    if (dayCounted.includes(before.recordType)) throw new AppError(409, 'retention_configured');
    const wrong = b.days !== undefined ? 'days' : null;
    if (wrong)
      throw new AppError(
        400,
        'retention_unit',
        {},
        { fields: [{ path: `body.${wrong}`, problem: 'retention_unit', message: t(lang, 'errors.retention_unit') }] },
      );
    const patch: Partial<repo.ScheduleRow> = {};
    const changed: Record<string, { from: number | null; to: number }> = {};
    if (b.months !== undefined && b.months !== before.months) {
      patch.months = b.months;
      changed.months = { from: before.months, to: b.months };
    }
    if (b.warningDays !== undefined && b.warningDays !== before.warningDays) {
      patch.warning_days = b.warningDays;
      changed.warningDays = { from: before.warningDays, to: b.warningDays };
    }
    if (Object.keys(changed).length)
      await writeAudited(
        this.ctx,
        {
          actor,
          action: 'retention.schedule_changed',
          recordType: 'retention_schedule',
          recordId: type,
          fields: Object.keys(changed).join(','),
          details: { schedule: type, ...changed },
          requestId,
        },
        (trx) => repo.updateSchedule(trx, type, { ...patch, updated_by: actor.userId, updated_at: nowIso() }),
      );
    return this.get(type);
  }
}
