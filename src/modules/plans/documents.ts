import { randomUUID } from 'node:crypto';
import { fileStoreOf } from '../../platform/blobs/index';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { cleanAttachment } from '../cases/index';
import { mayWrite, seesEvidence } from './policy';
import * as repoDocuments from './repo-documents';

type Parent = 'plan' | 'agreement';

/**
 * Documents of a plan (the plan itself, an action's evidence or an instrument's text) and of an agreement:
 * PDF, or images and audio cleaned of metadata; stored encrypted like case files; downloads audited.
 */
/** 404 unless the parent exists in the actor's jurisdiction; 403 without the right to change it. */
export type ParentCheck = (actor: Actor, type: Parent, id: string, write: boolean) => Promise<void>;

export class PlanDocuments {
  /** `checkParent` decides access to the plan or agreement the documents belong to (plans/parents.ts). */
  constructor(
    private readonly ctx: Context,
    private readonly checkParent: ParentCheck,
  ) {}
  private get db() {
    return this.ctx.db.db;
  }
  /** The stored (sealed) bytes' id: the name the file had in the attachments folder. */
  private blobOf = (id: string) => `plan-${id}`;
  private ctxOf = (id: string) => ({ table: 'plan_documents', row: id, column: 'data' });

  async parent(actor: Actor, type: Parent, id: string, write: boolean) {
    await this.checkParent(actor, type, id, write);
  }

  async upload(
    actor: Actor,
    type: Parent,
    parentId: string,
    bytes: Buffer,
    meta: { name?: string; actionId?: string; instrumentId?: string; declared?: string },
    requestId: string,
  ) {
    await this.parent(actor, type, parentId, true);
    if (type === 'plan' && meta.actionId) {
      const a = await repoDocuments.selectPlanActionsByPlanIdAndId(this.db, meta.actionId, parentId);
      if (!a) throw new AppError(400, 'unknown_action');
    }
    if (type === 'plan' && meta.instrumentId) {
      const i = await repoDocuments.selectPolicyInstrumentsByPlanIdAndId(this.db, meta.instrumentId, parentId);
      if (!i) throw new AppError(400, 'unknown_instrument');
    }
    const f = await cleanAttachment(bytes, this.ctx.config.MINKA_MAX_IMAGE_PIXELS, meta.declared);
    const id = randomUUID();
    const files = fileStoreOf(this.ctx);
    await files.put(this.blobOf(id), this.ctx.crypto.encryptBytes(f.data, this.ctxOf(id)));
    const row = {
      id,
      parent_type: type,
      parent_id: parentId,
      action_id: type === 'plan' ? (meta.actionId ?? null) : null,
      instrument_id: type === 'plan' ? (meta.instrumentId ?? null) : null,
      mime: f.mime,
      size: f.data.length,
      name: meta.name?.slice(0, 200) ?? null,
      created_by: actor.userId,
      created_at: nowIso(),
    };
    await writeAudited(
      this.ctx,
      {
        actor,
        action: `${type}.document_uploaded`,
        recordType: type === 'plan' ? 'local_plan' : 'agreement',
        recordId: parentId,
        details: { document: id },
        requestId,
      },
      (trx) => repoDocuments.insertPlanDocuments(trx, row),
    ).catch(async (err) => {
      // Without its row the document does not exist: its stored bytes go too.
      await files.delete([this.blobOf(id)]).catch(() => {});
      throw err;
    });
    return present(row);
  }

  /** The documents of a plan or agreement; evidence may name people (attendance lists): only plan writers see it. */
  async list(actor: Actor, type: Parent, parentId: string) {
    if (!seesEvidence(actor)) return [];
    const rows = await repoDocuments.selectPlanDocumentsByParentIdAndParentType(this.db, type, parentId);
    return rows.map(present);
  }

  /** Downloads need the right to write plans: evidence such as attendance lists may name people. */
  async download(actor: Actor, type: Parent, parentId: string, id: string, requestId: string) {
    await this.parent(actor, type, parentId, false);
    if (!mayWrite(actor)) throw notFound();
    const row = await repoDocuments.selectPlanDocumentsByParentIdAndParentType2(this.db, id, type, parentId);
    if (!row) throw notFound();
    const sealed = await fileStoreOf(this.ctx).get(this.blobOf(id));
    if (!sealed) throw new Error(`plan document ${id} has a row but no stored bytes`);
    const data = this.ctx.crypto.decryptBytes(sealed, this.ctxOf(id));
    await this.ctx.audit.record({
      actor,
      action: `${type}.document_downloaded`,
      recordType: type === 'plan' ? 'local_plan' : 'agreement',
      recordId: parentId,
      details: { document: id },
      requestId,
    });
    return { mime: row.mime, data, name: row.name };
  }
}

const present = (r: {
  id: string;
  action_id: string | null;
  instrument_id: string | null;
  mime: string;
  size: number | string;
  name: string | null;
}) => ({
  id: r.id,
  actionId: r.action_id,
  instrumentId: r.instrument_id,
  mime: r.mime,
  size: Number(r.size),
  name: r.name,
});
