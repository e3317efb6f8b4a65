import { randomUUID } from 'node:crypto';
import { todayIso } from '../../platform/clock';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { Language } from '../../platform/i18n/index';
import type { Actor } from '../access/index';
import { ProsecutionBase } from './base';
import * as repo from './repo';
import { checkHearingDay, checkOutcome, checkStage, fieldError } from './rules';
import type { ComplaintCreate, ComplaintPatch, OutcomeBody } from './schema';
import type { HearingKind } from './vocabulary';

/**
 * Structured criminal proceedings of a case: complaints, their stages, suspects (the case's perpetrators), charges by
 * offence, hearings and outcome. Whoever writes the case's legal process records them: its own staff, and the
 * prosecutor's office a live referral with the legal section was sent to. Reads need the legal section.
 */
export class ProsecutionService extends ProsecutionBase {
  /** Files a complaint at its first stage (or the one given); the file number is sealed. */
  async create(actor: Actor, caseId: string, b: ComplaintCreate, lang: Language, requestId: string) {
    await this.writable(actor, caseId);
    this.notFuture(b.filedOn, 'filedOn');
    await this.organisationAt(b.institutionOrgId, 'institutionOrgId');
    await this.organisationAt(b.prosecutorOrgId, 'prosecutorOrgId');
    const stage = b.stage
      ? await this.entryAt('proceeding_stage', b.stage, 'stage')
      : (await this.catalogues.entries('proceeding_stage'))
          .filter((e) => e.active)
          .sort((x, y) => x.data.order - y.data.order)[0];
    if (!stage) throw fieldError(400, 'unknown_catalogue_entry', 'stage');
    const id = randomUUID();
    const now = nowIso();
    await writeAudited(
      this.ctx,
      { ...this.audit(actor, caseId, 'case.complaint_filed', { complaint: id, stage: stage.key }, requestId) },
      async (trx) => {
        await repo.insertComplaint(trx, {
          id,
          case_id: caseId,
          filed_on: b.filedOn,
          institution: b.institution ?? null,
          institution_org_id: b.institutionOrgId ?? null,
          prosecutor_office: b.prosecutorOffice ?? null,
          prosecutor_org_id: b.prosecutorOrgId ?? null,
          file_number_enc: this.seal('complaints', id, 'file_number', b.fileNumber),
          stage: stage.key,
          charged_on: stage.data.prosecuted ? b.filedOn : null,
          outcome: null,
          outcome_on: null,
          sentence_months: null,
          fine_amount: null,
          reparation_enc: null,
          reparation_amount: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await repo.insertStage(trx, {
          id: randomUUID(),
          complaint_id: id,
          case_id: caseId,
          stage: stage.key,
          reached_on: b.filedOn,
          recorded_by: actor.userId,
          recorded_at: now,
        });
      },
    );
    return this.view(actor, caseId, lang);
  }

  /** Corrects the complaint's filing facts (date, institution, office, file number). */
  async update(actor: Actor, caseId: string, id: string, b: ComplaintPatch, lang: Language, requestId: string) {
    await this.writable(actor, caseId);
    const c = await this.complaint(caseId, id);
    const stages = await repo.stagesOfComplaint(this.db, c.id);
    if (b.filedOn) {
      this.notFuture(b.filedOn, 'filedOn');
      // The filing opens the stage history: it may not move past a later stage.
      if (stages[1] && stages[1].reached_on < b.filedOn) throw fieldError(400, 'date_after_stage', 'filedOn');
    }
    await this.organisationAt(b.institutionOrgId, 'institutionOrgId');
    await this.organisationAt(b.prosecutorOrgId, 'prosecutorOrgId');
    const set = {
      ...(b.filedOn ? { filed_on: b.filedOn } : {}),
      ...(b.institution !== undefined ? { institution: b.institution } : {}),
      ...(b.institutionOrgId !== undefined ? { institution_org_id: b.institutionOrgId } : {}),
      ...(b.prosecutorOffice !== undefined ? { prosecutor_office: b.prosecutorOffice } : {}),
      ...(b.prosecutorOrgId !== undefined ? { prosecutor_org_id: b.prosecutorOrgId } : {}),
      ...(b.fileNumber !== undefined
        ? { file_number_enc: this.seal('complaints', id, 'file_number', b.fileNumber) }
        : {}),
    };
    const fields = Object.keys(b).filter((k) => b[k as keyof ComplaintPatch] !== undefined);
    if (fields.length)
      await writeAudited(
        this.ctx,
        this.audit(actor, caseId, 'case.complaint_updated', { complaint: c.id, fields }, requestId),
        async (trx) => {
          await repo.updateComplaint(trx, c.id, { ...set, updated_at: nowIso() });
          if (b.filedOn && stages[0]) {
            await repo.updateStageDate(trx, stages[0].id, b.filedOn);
            // Prosecuted from the filing: the prosecution's date moves with it.
            if (c.charged_on === c.filed_on) await repo.updateComplaint(trx, c.id, { charged_on: b.filedOn });
          }
        },
      );
    return this.view(actor, caseId, lang);
  }

  /**
   * The proceeding reached a later stage on a day: the stage history grows, and the first stage with prosecuted=true
   * dates the prosecution (charged_on).
   */
  async addStage(
    actor: Actor,
    caseId: string,
    id: string,
    b: { stage: string; reachedOn: string },
    lang: Language,
    requestId: string,
  ) {
    await this.writable(actor, caseId);
    const c = await this.complaint(caseId, id);
    const next = await this.entryAt('proceeding_stage', b.stage, 'stage');
    const current = await this.catalogues.entry('proceeding_stage', c.stage);
    const last = (await repo.stagesOfComplaint(this.db, c.id)).at(-1);
    checkStage(
      {
        nextOrder: next.data.order,
        currentOrder: current?.data.order ?? null,
        reachedOn: b.reachedOn,
        filedOn: c.filed_on,
        lastOn: last?.reached_on ?? null,
      },
      todayIso(),
    );
    const now = nowIso();
    await writeAudited(
      this.ctx,
      this.audit(actor, caseId, 'case.complaint_stage', { complaint: c.id, stage: next.key }, requestId),
      async (trx) => {
        await repo.insertStage(trx, {
          id: randomUUID(),
          complaint_id: c.id,
          case_id: caseId,
          stage: next.key,
          reached_on: b.reachedOn,
          recorded_by: actor.userId,
          recorded_at: now,
        });
        await repo.updateComplaint(trx, c.id, {
          stage: next.key,
          charged_on: c.charged_on ?? (next.data.prosecuted ? b.reachedOn : null),
          updated_at: now,
        });
      },
    );
    return this.view(actor, caseId, lang);
  }

  /**
   * The offences one of the case's perpetrators is charged with on this complaint (the whole set: offences left out
   * are withdrawn). The perpetrator becomes a suspect of the complaint if not one yet.
   */
  async setCharges(
    actor: Actor,
    caseId: string,
    id: string,
    b: { perpetratorId: string; offences: string[] },
    lang: Language,
    requestId: string,
  ) {
    await this.writable(actor, caseId);
    const c = await this.complaint(caseId, id);
    const perpetrators = await repo.perpetratorsOfCase(this.db, caseId);
    if (!perpetrators.some((p) => p.id === b.perpetratorId))
      throw fieldError(400, 'unknown_perpetrator', 'perpetratorId');
    const suspect = await repo.suspectOf(this.db, c.id, b.perpetratorId);
    const before = suspect ? (await repo.chargesOfSuspect(this.db, suspect.id)).map((x) => x.offence) : [];
    const wanted = [...new Set(b.offences)];
    // An offence already charged keeps its place even if the catalogue retired it since; a new one must be active.
    for (const [i, k] of wanted.entries()) if (!before.includes(k)) await this.entryAt('offence', k, `offences.${i}`);
    const now = nowIso();
    const suspectId = suspect?.id ?? randomUUID();
    await writeAudited(
      this.ctx,
      this.audit(
        actor,
        caseId,
        'case.complaint_charges',
        { complaint: c.id, suspect: suspectId, offences: wanted },
        requestId,
      ),
      async (trx) => {
        if (!suspect)
          await repo.insertSuspect(trx, {
            id: suspectId,
            complaint_id: c.id,
            case_id: caseId,
            perpetrator_id: b.perpetratorId,
            outcome: null,
            sentence_months: null,
            fine_amount: null,
            created_by: actor.userId,
            created_at: now,
          });
        await repo.deleteCharges(
          trx,
          suspectId,
          before.filter((k) => !wanted.includes(k)),
        );
        await repo.insertCharges(
          trx,
          wanted
            .filter((k) => !before.includes(k))
            .map((offence) => ({
              id: randomUUID(),
              complaint_id: c.id,
              case_id: caseId,
              suspect_id: suspectId,
              offence,
              created_by: actor.userId,
              created_at: now,
            })),
        );
        await repo.updateComplaint(trx, c.id, { updated_at: now });
      },
    );
    return this.view(actor, caseId, lang);
  }

  /** A procedural hearing (it may be scheduled up to a year ahead); what it decided is sealed. */
  async addHearing(
    actor: Actor,
    caseId: string,
    id: string,
    b: { heldOn: string; kind: HearingKind; result?: string },
    lang: Language,
    requestId: string,
  ) {
    await this.writable(actor, caseId);
    const c = await this.complaint(caseId, id);
    checkHearingDay(b.heldOn, c.filed_on, todayIso());
    const hearing = randomUUID();
    await writeAudited(
      this.ctx,
      this.audit(actor, caseId, 'case.complaint_hearing', { complaint: c.id, hearing, kind: b.kind }, requestId),
      (trx) =>
        repo.insertHearing(trx, {
          id: hearing,
          complaint_id: c.id,
          case_id: caseId,
          held_on: b.heldOn,
          kind: b.kind,
          result_enc: this.seal('complaint_hearings', hearing, 'result', b.result),
          created_by: actor.userId,
          created_at: nowIso(),
        }),
    );
    return this.view(actor, caseId, lang);
  }

  /**
   * How the proceeding ended (a later record replaces an earlier one, e.g. after an appeal): a dismissal at any
   * stage; an acquittal or a conviction only once prosecuted (409 before). Sentence, fine and reparation go with a
   * conviction only; per-suspect outcomes follow the same rules.
   */
  async recordOutcome(actor: Actor, caseId: string, id: string, b: OutcomeBody, lang: Language, requestId: string) {
    await this.writable(actor, caseId);
    const c = await this.complaint(caseId, id);
    const suspects = await repo.suspectsOfComplaint(this.db, c.id);
    checkOutcome(
      b,
      c,
      suspects.map((x) => x.id),
      todayIso(),
    );
    const now = nowIso();
    await writeAudited(
      this.ctx,
      this.audit(
        actor,
        caseId,
        'case.complaint_outcome',
        { complaint: c.id, outcome: b.outcome, suspects: (b.suspects ?? []).length },
        requestId,
      ),
      async (trx) => {
        await repo.updateComplaint(trx, c.id, {
          outcome: b.outcome,
          outcome_on: b.outcomeOn,
          sentence_months: b.sentenceMonths ?? null,
          fine_amount: b.fineAmount ?? null,
          reparation_enc: this.seal('complaints', c.id, 'reparation', b.reparation),
          reparation_amount: b.reparationAmount ?? null,
          updated_at: now,
        });
        await repo.clearSuspectOutcomes(trx, c.id);
        for (const s of b.suspects ?? [])
          await repo.updateSuspect(trx, s.suspectId, {
            outcome: s.outcome,
            sentence_months: s.sentenceMonths ?? null,
            fine_amount: s.fineAmount ?? null,
          });
      },
    );
    return this.view(actor, caseId, lang);
  }
}
