import { randomUUID } from 'node:crypto';
import { fileStoreOf } from '../../platform/blobs/index';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { type Cleaned, cleanFile } from '../../platform/media';
import type { Actor } from '../access/index';
import { CaseAccess } from './access';
import * as repoFiles from './repo-files';

export const maxFileBytes = 5 * 1024 * 1024;

/** A photo, audio file or PDF rebuilt by the media pipeline without metadata; anything else refused with a 4xx. */
export function cleanAttachment(bytes: Buffer, maxPixels: number, declared?: string): Promise<Cleaned> {
  if (bytes.length > maxFileBytes) throw new AppError(413, 'payload_too_large');
  return cleanFile(bytes, { maxPixels, documents: true, declared });
}

/** Case attachments: photos and audio with metadata stripped, PDF documents; encrypted at rest; every download audited. */
export class CaseFiles {
  private readonly access: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }
  /** The stored (sealed) bytes' id: the name the file had in the attachments folder. */
  private blobOf = (id: string) => `case-${id}`;
  private ctxOf = (id: string) => ({ table: 'case_files', row: id, column: 'data' });

  /** 404 unless the actor may add files to this case (checked before reading any upload). */
  writable = (actor: Actor, caseId: string) => this.access.load(actor, caseId, 'cases:write');

  async upload(
    actor: Actor,
    caseId: string,
    bytes: Buffer,
    fileName: string | undefined,
    requestId: string,
    declared?: string,
  ) {
    await this.access.load(actor, caseId, 'cases:write');
    const f = await cleanAttachment(bytes, this.ctx.config.MINKA_MAX_IMAGE_PIXELS, declared);
    const id = randomUUID();
    const files = fileStoreOf(this.ctx);
    await files.put(this.blobOf(id), this.ctx.crypto.encryptBytes(f.data, this.ctxOf(id)));
    // The row makes the file exist; without it (a failed commit) the stored bytes are removed again.
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'case.file_uploaded',
        recordType: 'case',
        recordId: caseId,
        details: { file: id, kind: f.kind, size: f.data.length },
        requestId,
      },
      (trx) =>
        repoFiles.insertCaseFiles(trx, {
          id,
          case_id: caseId,
          kind: f.kind,
          mime: f.mime,
          size: f.data.length,
          name_enc: this.ctx.crypto.encryptOptional(fileName, { table: 'case_files', row: id, column: 'name' }),
          created_by: actor.userId,
          created_at: nowIso(),
        }),
    ).catch(async (err) => {
      await files.delete([this.blobOf(id)]).catch(() => {});
      throw err;
    });
    return { id, kind: f.kind, mime: f.mime, size: f.data.length, name: fileName ?? null };
  }

  async list(actor: Actor, caseId: string) {
    await this.access.load(actor, caseId, 'cases:read', 'files');
    const rows = await repoFiles.selectCaseFilesByCaseId(this.ctx.db.db, caseId);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      mime: r.mime,
      size: Number(r.size),
      name: this.ctx.crypto.decryptOptional(r.name_enc, { table: 'case_files', row: r.id, column: 'name' }),
    }));
  }

  async download(actor: Actor, caseId: string, fileId: string, requestId: string) {
    await this.access.load(actor, caseId, 'cases:read', 'files');
    const row = await repoFiles.selectCaseFilesByCaseIdAndId(this.ctx.db.db, fileId, caseId);
    if (!row) throw notFound();
    const sealed = await fileStoreOf(this.ctx).get(this.blobOf(fileId));
    if (!sealed) throw new Error(`case file ${fileId} has a row but no stored bytes`);
    const data = this.ctx.crypto.decryptBytes(sealed, this.ctxOf(fileId));
    await this.ctx.audit.record({
      actor,
      action: 'case.file_downloaded',
      recordType: 'case',
      recordId: caseId,
      details: { file: fileId },
      requestId,
    });
    return { mime: row.mime, data };
  }
}
