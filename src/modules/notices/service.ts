import type { Context } from '../../platform/context';
import type { Language } from '../../platform/i18n/index';
import { RetentionSchedules } from '../retention/index';
import { personalColumns } from '../rights/index';
import { buildNotice, type Notice, type NoticeInputs } from './generate';

/** Reads the generator's inputs from the configuration, the retention schedules and the personal-columns registry. */
export async function noticeInputs(ctx: Context): Promise<NoticeInputs> {
  const c = ctx.config as unknown as Record<string, unknown>;
  return {
    controller: {
      name: String(c.MINKA_CONTROLLER_NAME ?? 'Minka (instalación de demostración)'),
      contact: String(c.MINKA_CONTROLLER_CONTACT ?? 'contacto@minka.example'),
    },
    dpoContact: String(c.MINKA_DPO_CONTACT ?? 'privacidad@minka.example'),
    deadlineDays: ctx.config.MINKA_RIGHTS_DEADLINE_DAYS,
    schedules: await RetentionSchedules.all(ctx),
    columns: personalColumns.map((p) => ({ table: p.table, kind: p.kind, fate: p.fate })),
  };
}

/** The privacy notice (or the record of processing: same content) in one language, as configured now. */
export async function notice(ctx: Context, lang: Language): Promise<Notice> {
  return buildNotice(await noticeInputs(ctx), lang);
}
