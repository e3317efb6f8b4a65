import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { notFound } from '../../platform/http/errors';
import type { Media } from '../../platform/media';
import type { Actor } from '../access/index';
import * as repo from './repo';
import { TriageService } from './triage';

const sealed = (id: string) => ({ table: 'report_files', row: id, column: 'data' });
const dir = (ctx: Context) => path.join(ctx.config.dataDir, 'attachments');

/** Stores cleaned files (photos, voice notes) encrypted under the data directory, named by a random id. */
export async function storeFiles(ctx: Context, reportId: string, files: Media[]): Promise<void> {
  mkdirSync(dir(ctx), { recursive: true, mode: 0o700 });
  for (const f of files) {
    const id = randomUUID();
    writeFileSync(path.join(dir(ctx), `${id}.bin`), ctx.crypto.encryptBytes(f.data, sealed(id)), { mode: 0o600 });
    await repo.insertFile(ctx.db.db, {
      id,
      report_id: reportId,
      kind: f.kind,
      mime: f.mime,
      size: f.data.length,
      created_at: nowIso(),
    });
  }
}

/** A report's file for whoever may triage the report: decrypted, and the reading audited. */
export async function readReportFile(ctx: Context, actor: Actor, reportId: string, fileId: string, requestId: string) {
  await new TriageService(ctx).visible(actor, reportId);
  const file = (await repo.filesOf(ctx.db.db, reportId)).find((f) => f.id === fileId);
  if (!file) throw notFound();
  const data = ctx.crypto.decryptBytes(readFileSync(path.join(dir(ctx), `${file.id}.bin`)), sealed(file.id));
  await ctx.audit.record({
    actor,
    action: 'report.file_read',
    recordType: 'report',
    recordId: reportId,
    details: { file: file.id, kind: file.kind },
    requestId,
  });
  return { mime: file.mime, data };
}
