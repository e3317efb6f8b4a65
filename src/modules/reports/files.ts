import { randomUUID } from 'node:crypto';
import { fileStoreOf } from '../../platform/blobs/index';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { notFound } from '../../platform/http/errors';
import type { Media } from '../../platform/media';
import type { Actor } from '../access/index';
import * as repo from './repo';
import { TriageService } from './triage';

const sealed = (id: string) => ({ table: 'report_files', row: id, column: 'data' });
/** The stored (sealed) bytes' id of a report file: its row id, the name it had in the attachments folder. */
export const reportBlob = (fileId: string) => fileId;

/** Stores cleaned files (photos, voice notes) encrypted in the attachments store, named by a random id. */
export async function storeFiles(ctx: Context, reportId: string, files: Media[]): Promise<void> {
  const store = fileStoreOf(ctx);
  for (const f of files) {
    const id = randomUUID();
    await store.put(reportBlob(id), ctx.crypto.encryptBytes(f.data, sealed(id)));
    await repo
      .insertFile(ctx.db.db, {
        id,
        report_id: reportId,
        kind: f.kind,
        mime: f.mime,
        size: f.data.length,
        created_at: nowIso(),
      })
      .catch(async (err) => {
        await store.delete([reportBlob(id)]).catch(() => {});
        throw err;
      });
  }
}

/** Removes the stored bytes of report files whose rows are gone (retention). */
export const deleteStoredFiles = (ctx: Context, fileIds: string[]) => fileStoreOf(ctx).delete(fileIds.map(reportBlob));

/** A report's file for whoever may triage the report: decrypted, and the reading audited. */
export async function readReportFile(ctx: Context, actor: Actor, reportId: string, fileId: string, requestId: string) {
  await new TriageService(ctx).visible(actor, reportId);
  const file = (await repo.filesOf(ctx.db.db, reportId)).find((f) => f.id === fileId);
  if (!file) throw notFound();
  const stored = await fileStoreOf(ctx).get(reportBlob(file.id));
  if (!stored) throw new Error(`report file ${file.id} has a row but no stored bytes`);
  const data = ctx.crypto.decryptBytes(stored, sealed(file.id));
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
