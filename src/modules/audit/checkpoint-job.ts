import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { Context } from '../../platform/context';
import { t } from '../../platform/i18n/index';
import { loggerOptions } from '../../platform/log';
import { sendMail } from '../../platform/mail';
import type { Job } from '../../platform/module';
import { checkpointDir, publicKeyFile } from './checkpoints';
import { lastCheckpointAt, rememberCheckpoint } from './repo-checkpoint';
import { AuditChainBroken, AuditService } from './service';

/** The audit service the context was built with (it holds the master-key-derived audit keys). */
export function auditServiceOf(ctx: Context): AuditService {
  if (!(ctx.audit instanceof AuditService)) throw new Error('the context was not opened with the audit module');
  return ctx.audit;
}

/**
 * Writes a signed checkpoint of the chain head out of the database, logs one line about it (no personal data)
 * and e-mails it to MINKA_AUDIT_EMAIL when set; when the chain is already broken nothing is signed, the break is
 * logged as an error and the auditor is told. Returns the checkpoint file.
 */
export async function writeAuditCheckpoint(ctx: Context, log: Logger): Promise<string> {
  const dir = checkpointDir(ctx.config);
  const to = ctx.config.MINKA_AUDIT_EMAIL;
  try {
    const { file, body } = await auditServiceOf(ctx).checkpoint(dir);
    await rememberCheckpoint(ctx.db.db, body.signedAt);
    log.info(
      { audit: { entryId: body.entryId, keyId: body.keyId, mac: body.mac, file: path.basename(file) } },
      'audit checkpoint signed',
    );
    if (to) {
      const signature = readFileSync(file.replace(/\.json$/, '.sig')).toString('base64');
      const publicKey = readFileSync(path.join(dir, publicKeyFile(body.signingKeyId)), 'utf8');
      const text = t('es', 'audit.checkpointMailBody', { entryId: body.entryId, signedAt: body.signedAt });
      const attached = `\n\n${path.basename(file)}\n${readFileSync(file, 'utf8')}\nsignature (base64): ${signature}\n\n${publicKey}`;
      await sendMail(
        ctx.config,
        to,
        t('es', 'audit.checkpointMailSubject', { entryId: body.entryId }),
        text + attached,
      ).catch((err) => log.warn({ err }, 'audit checkpoint e-mail failed'));
    }
    return file;
  } catch (err) {
    if (err instanceof AuditChainBroken) {
      const b = err.result.firstBroken;
      log.error(
        { audit: { brokenAt: b?.id, code: b?.code, problems: err.result.checkpoints.problems.length } },
        'audit chain broken: no checkpoint signed',
      );
      if (to)
        await sendMail(
          ctx.config,
          to,
          t('es', 'audit.brokenMailSubject'),
          t('es', 'audit.brokenMailBody', {
            id: b?.id ?? '-',
            reason: b?.reason ?? err.result.checkpoints.problems[0]?.reason ?? '',
          }),
        ).catch(() => undefined);
    }
    throw err;
  }
}

const day = 24 * 60 * 60 * 1000;

/**
 * A checkpoint is signed every day, and at start unless one was signed within the day: the run verifies the whole
 * chain, which a national installation should not do at every restart of every node.
 */
export const checkpointJob: Job = {
  name: 'audit-checkpoint',
  everyMs: day,
  run: (ctx) => writeAuditCheckpoint(ctx, pino(loggerOptions(ctx.config.LOG_LEVEL))),
  freshAtStart: async (ctx) => {
    const last = await lastCheckpointAt(ctx.db.db);
    return last !== null && Date.now() - Date.parse(last) < day;
  },
};
