import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { CaseAccess } from '../cases/index';
import { gatherExport } from './export-gather';
import { renderExportPdf } from './export-pdf';
import type { AccessExport } from './export-types';
import * as repo from './repo-export';

/** The rights whose answer is the person's data itself. */
const exportable = new Set(['access', 'portability']);

/**
 * The access export of a data-subject request: everything Minka holds on the request's person, as JSON (stable
 * keys, codes: portability) or as a PDF in the request's language. Only a supervisor (rights:manage) who reaches the
 * request's case directly; only for access and portability requests; audited (`rights.exported`: the request's code
 * and the format, never content). A person already anonymised has nothing personal left: 409 `person_anonymised`.
 */
export class AccessExports {
  private readonly access: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }

  /** The export as an object (the JSON body), audited. */
  async json(actor: Actor, requestId: string, httpRequestId: string) {
    const { doc, code } = await this.build(actor, requestId, 'json', httpRequestId);
    return { body: `${JSON.stringify(doc, null, 2)}\n`, filename: `minka-acceso-${code}.json` };
  }

  /** The export as a PDF in the request's language, audited. */
  async pdf(actor: Actor, requestId: string, httpRequestId: string) {
    const { doc, code, language } = await this.build(actor, requestId, 'pdf', httpRequestId);
    const pdf = await renderExportPdf(this.ctx.db.db, doc, language);
    return { pdf, filename: `minka-acceso-${code}.pdf` };
  }

  private async build(
    actor: Actor,
    id: string,
    format: 'json' | 'pdf',
    httpRequestId: string,
  ): Promise<{ doc: AccessExport; code: string; language: string }> {
    const request = await repo.findRequest(this.ctx.db.db, id);
    if (!request) throw notFound();
    // Scope: the supervisor must reach the case the request was logged from directly (own organisation and
    // jurisdiction); what is shared with them through a referral or an agreement does not count.
    const reach = await this.access.reach(actor, request.case_id, 'rights:manage');
    if (!reach.direct) throw notFound();
    if (!exportable.has(request.right)) throw new AppError(409, 'export_not_for_right');
    const person = await repo.findPerson(this.ctx.db.db, request.person_id);
    if (!person || (person as { anonymised_at?: string | null }).anonymised_at)
      throw new AppError(409, 'person_anonymised');
    const doc = await gatherExport(this.ctx, request, nowIso());
    await this.ctx.audit.record({
      actor,
      action: 'rights.exported',
      recordType: 'data_request',
      recordId: request.id,
      details: { request: request.code, format },
      requestId: httpRequestId,
    });
    return { doc, code: request.code, language: request.language };
  }
}
