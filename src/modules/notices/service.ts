import type { Context } from '../../platform/context';
import type { Language } from '../../platform/i18n/index';
import { RetentionSchedules } from '../retention/index';
import { personalColumns } from '../rights/index';
import { buildNotice, type Notice, type NoticeInputs } from './generate';

/** Reads the generator's inputs from the configuration, the retention schedules and the personal-columns registry. */
export async function noticeInputs(ctx: Context): Promise<NoticeInputs> {
  return {
    controller: {
      name: ctx.config.MINKA_CONTROLLER_NAME,
      contact: ctx.config.MINKA_CONTROLLER_CONTACT,
    },
    dpoContact: ctx.config.MINKA_DPO_CONTACT,
    deadlineDays: ctx.config.MINKA_RIGHTS_DEADLINE_DAYS,
    schedules: await RetentionSchedules.all(ctx),
    columns: personalColumns.map((p) => ({ table: p.table, kind: p.kind, fate: p.fate })),
  };
}

/** The privacy notice (or the record of processing: same content) in one language, as configured now. */
export async function notice(ctx: Context, lang: Language): Promise<Notice> {
  return buildNotice(await noticeInputs(ctx), lang);
}
