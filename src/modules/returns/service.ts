import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, can } from '../access/index';
import { CaseAccess } from '../cases/index';
import { findProvider } from '../directory/index';
import { GeoService } from '../geo/index';
import { checkPlaceAbroad, unknownPlace } from './places';
import { presentReturns } from './present';
import * as repo from './repo';
import type { assessmentBody, documentBody, exchangeBody, ReturnsView, tracingBody } from './schema';

/** The 400 a value that names nothing usable answers, at its field; nothing is stored. */
export const fieldError = (status: number, code: string, field: string) =>
  new AppError(status, code, {}, { fields: [{ path: `body.${field}`, problem: code }] });

/**
 * Cross-border work on a case: exchanges with foreign authorities and their documents, family tracing and the family
 * assessment with the best-interest decision. Under the case's consent rules: the section 'returns' (a receiver sees
 * it only when it was shared), and direct reach with cases:write to change it. Every write is audited with ids and
 * codes only; names, contacts, notes, the child's view and reference numbers are sealed.
 */
export class ReturnsService {
  protected readonly access: CaseAccess;
  constructor(protected readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }
  protected get db() {
    return this.ctx.db.db;
  }
  protected seal(table: string, row: string, column: string, v?: string | null) {
    return this.ctx.crypto.encryptOptional(v, { table, row, column });
  }
  /** The case if the actor may change its cross-border record; 404 out of reach, 403 for a receiver. */
  protected writable(actor: Actor, caseId: string) {
    return this.access.load(actor, caseId, 'cases:write', 'returns');
  }
  /** 400 unknown_place at `field` unless the division is one of the country's own geography. */
  protected async checkHome(country: string, code: string, field: string) {
    if (!(await new GeoService(this.db).labels(country, [code])).has(code)) throw unknownPlace(field);
  }
  /**
   * 400 date_in_future at `field` for a day after today on the business clock: what this module records (exchanges,
   * tracing, assessments, departures, arrivals, visits, a plan's closing) has happened; the figures count it by its day.
   */
  protected notFuture(day: string | undefined, field: string) {
    if (day && day > todayIso()) throw fieldError(400, 'date_in_future', field);
  }
  protected audited(actor: Actor, caseId: string, action: string, details: Record<string, unknown>, requestId: string) {
    return <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
      writeAudited<T>(
        this.ctx,
        { actor, action: `case.${action}`, recordType: 'case', recordId: caseId, details, requestId },
        work,
      );
  }

  /** Everything about the case's cross-border work, with what the actor may do; 404 without the section. */
  async view(actor: Actor, caseId: string, lang = 'es'): Promise<ReturnsView> {
    const r = await this.access.reach(actor, caseId, 'cases:read', 'returns');
    return {
      ...(await presentReturns(this.ctx, this.db, caseId, lang)),
      abilities: { write: r.direct && can(actor, 'cases:write') },
    };
  }

  /** The case was received from, or referred to, a foreign authority or consulate (a directory entry). */
  async addExchange(actor: Actor, caseId: string, b: z.infer<typeof exchangeBody>, requestId: string, lang = 'es') {
    await this.writable(actor, caseId);
    this.notFuture(b.exchangedOn, 'exchangedOn');
    const authority = await findProvider(this.db, b.authorityId);
    if (!authority || authority.kind === 'service') throw fieldError(400, 'unknown_authority', 'authorityId');
    checkPlaceAbroad(b.country, b.division, ['country', 'division']);
    const id = randomUUID();
    await this.audited(
      actor,
      caseId,
      'return_exchange_recorded',
      { exchange: id, direction: b.direction, authority: b.authorityId, country: b.country, division: b.division },
      requestId,
    )((trx) =>
      repo.insertExchange(trx, {
        id,
        case_id: caseId,
        direction: b.direction,
        authority_provider_id: b.authorityId,
        country: b.country,
        division: b.division,
        exchanged_on: b.exchangedOn,
        reference_enc: this.seal('cross_border_exchanges', id, 'reference', b.reference),
        notes_enc: this.seal('cross_border_exchanges', id, 'notes', b.notes),
        created_by: actor.userId,
        created_at: nowIso(),
      }),
    );
    return this.view(actor, caseId, lang);
  }

  /** Links a file attached to the case (the case files' sealed storage) to an exchange, with its document type. */
  async addDocument(
    actor: Actor,
    caseId: string,
    exchangeId: string,
    b: z.infer<typeof documentBody>,
    requestId: string,
    lang = 'es',
  ) {
    await this.writable(actor, caseId);
    if (!(await repo.exchangeOf(this.db, caseId, exchangeId))) throw notFound();
    if (!(await repo.caseFileExists(this.db, caseId, b.fileId))) throw fieldError(400, 'unknown_file', 'fileId');
    const id = randomUUID();
    await this.audited(
      actor,
      caseId,
      'return_document_linked',
      { exchange: exchangeId, file: b.fileId, type: b.type },
      requestId,
    )((trx) =>
      repo.insertDocument(trx, {
        id,
        exchange_id: exchangeId,
        case_id: caseId,
        file_id: b.fileId,
        doc_type: b.type,
        created_by: actor.userId,
        created_at: nowIso(),
      }),
    );
    return this.view(actor, caseId, lang);
  }

  /** Family tracing: who traced, where in the case's country, whether the family was found, how to reach it. */
  async addTracing(actor: Actor, caseId: string, b: z.infer<typeof tracingBody>, requestId: string, lang = 'es') {
    const c = await this.writable(actor, caseId);
    this.notFuture(b.tracedOn, 'tracedOn');
    await this.checkHome(c.country_code, b.division, 'division');
    const id = randomUUID();
    await this.audited(
      actor,
      caseId,
      'return_tracing_recorded',
      { tracing: id, division: b.division, result: b.result },
      requestId,
    )((trx) =>
      repo.insertTracing(trx, {
        id,
        case_id: caseId,
        traced_on: b.tracedOn,
        traced_by_enc: this.seal('family_tracings', id, 'traced_by', b.tracedBy)!,
        country: c.country_code,
        division: b.division,
        result: b.result,
        family_contact_enc: this.seal('family_tracings', id, 'family_contact', b.familyContact),
        notes_enc: this.seal('family_tracings', id, 'notes', b.notes),
        created_by: actor.userId,
        created_at: nowIso(),
      }),
    );
    return this.view(actor, caseId, lang);
  }

  /** The family assessment before a return, with the child's view and the best-interest decision (and its reasons). */
  async addAssessment(actor: Actor, caseId: string, b: z.infer<typeof assessmentBody>, requestId: string, lang = 'es') {
    await this.writable(actor, caseId);
    this.notFuture(b.assessedOn, 'assessedOn');
    const id = randomUUID();
    await this.audited(
      actor,
      caseId,
      'return_assessment_recorded',
      { assessment: id, decision: b.decision },
      requestId,
    )((trx) =>
      repo.insertAssessment(trx, {
        id,
        case_id: caseId,
        assessed_on: b.assessedOn,
        assessor_enc: this.seal('family_assessments', id, 'assessor', b.assessor)!,
        findings_enc: this.seal('family_assessments', id, 'findings', b.findings)!,
        child_view_enc: this.seal('family_assessments', id, 'child_view', b.childView)!,
        decision: b.decision,
        reasons_enc: this.seal('family_assessments', id, 'reasons', b.reasons)!,
        created_by: actor.userId,
        created_at: nowIso(),
      }),
    );
    return this.view(actor, caseId, lang);
  }
}
