import { writeAudited } from '../../platform/db/audited';
import { flushErased } from '../../platform/db/repo';
import { AppError } from '../../platform/http/errors';
import { t } from '../../platform/i18n/index';
import type { Actor } from '../access/index';
import { anonymisePerson } from './anonymise';
import { erasureBlockers } from './holds';
import { Requests } from './requests';
import type { RequestDetail } from './schema';
import type { ErasureBlockReason } from './vocabulary';

/** The refusal of an erasure: 409 `erasure_blocked`, each reason named in the reader's language and listed. */
export function erasureBlocked(reasons: { reason: ErasureBlockReason; caseCode: string }[]): AppError {
  return new AppError(
    409,
    'erasure_blocked',
    { list: (lang) => reasons.map((r) => t(lang, `rights.blocker.${r.reason}`, { code: r.caseCode })).join('; ') },
    { reasons },
  );
}

/** The request log with erasure: the whole service the routes use. */
export class RightsRequests extends Requests {
  /**
   * Erases the person of an open erasure request, once the code of the request's case is typed again: refused
   * (409 `erasure_blocked`, with the reasons) while a legal hold or an open proceeding keeps any of their cases;
   * otherwise every sealed value about the person and their cases is destroyed (anonymisation; the plain facts
   * stay, so figures do not move) and the request is answered — both in one transaction, with one audit entry.
   */
  async erase(actor: Actor, id: string, confirmCode: string, requestId: string): Promise<RequestDetail> {
    const r = await this.load(actor, id);
    if (r.right !== 'erasure') throw new AppError(409, 'request_not_erasure');
    if (r.status !== 'open') throw new AppError(409, 'request_closed');
    if (confirmCode.trim().toUpperCase() !== r.case_code.toUpperCase())
      throw new AppError(
        400,
        'confirm_code_mismatch',
        {},
        { fields: [{ path: 'body.confirmCode', problem: 'confirm_code_mismatch' }] },
      );
    const blockers = await erasureBlockers(this.ctx, r.person_id);
    if (blockers.length) throw erasureBlocked(blockers);
    await writeAudited(
      this.ctx,
      (done: { cases: number }) => ({
        actor,
        action: 'rights.erased',
        recordType: 'data_request',
        recordId: r.id,
        details: { request: r.code, cases: done.cases },
        requestId,
      }),
      async (trx) => {
        // Checked again inside the transaction: a hold placed meanwhile wins.
        const now = await erasureBlockers(this.ctx, r.person_id, trx);
        if (now.length) throw erasureBlocked(now);
        const done = await anonymisePerson(this.ctx, r.person_id, { actor, cause: 'erasure', requestId }, trx);
        await this.close(trx, r.id, actor, 'answered', null, null);
        return done;
      },
    );
    await flushErased(this.ctx.db);
    return this.detail(actor, id);
  }
}
