import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { CaseTable, PersonTable } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { type Actor, userNames } from '../access/index';
import { GeoService } from '../geo/index';
import { addressedTo } from '../referrals/vocabulary';
import { CaseAccess } from './access';
import { isMinorCase } from './codecs';
import { listCases } from './listing';
import { People } from './people';
import { mayFindPersons, mayHaveNewDuplicates } from './policy';
import { presentCase, safeguardsMissing } from './present';
import * as repo from './repo';
import type { CaseDetail, candidatesBody, caseQuery, decisionBody } from './schema';
import { screen } from './screening/engine';
import { grants } from './sections';

const enc = (ctx: Context, table: string, row: string, column: string, v?: string | null) =>
  ctx.crypto.encryptOptional(v, { table, row, column });
const dec = (ctx: Context, table: string, row: string, column: string, v?: string | null) =>
  ctx.crypto.decryptOptional(v, { table, row, column });

/**
 * The referrals a case's HTCDS cas_ fields describe, from its standing referrals (newest first): outgoing, the
 * latest; incoming, the latest the actor's organisation received, unless it named another caseworker.
 */
export function pickReferrals<R extends { to_org_id: string | null; to_user_id: string | null }>(
  live: readonly R[],
  actor: Pick<Actor, 'orgId' | 'userId'>,
): { out: R | undefined; incoming: R | undefined } {
  return {
    out: live[0],
    incoming: live.find((r) => addressedTo(r, actor)),
  };
}

/** Everything done to an open case: reading, deciding, screening, consent, safeguards, comments, closure. */
export class CaseService {
  readonly access: CaseAccess;
  private readonly people: People;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
    this.people = new People(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  /** One page of the cases the actor may list (see listCases). */
  list(actor: Actor, q: z.infer<typeof caseQuery> & { name?: string }, requestId: string) {
    return listCases(this.ctx, this.access, this.people, actor, q, requestId);
  }

  /** What a minor's case still lacks before it may close. */
  safeguardsMissing(c: CaseTable, openTasks: { kind: string }[]): string[] {
    return safeguardsMissing(c, openTasks);
  }

  /** The case as its page shows it; the read is audited (`afterWrite`: the answer to the actor's own audited change). */
  async get(actor: Actor, id: string, requestId: string, afterWrite = false): Promise<CaseDetail> {
    const { c, direct, granted, shares } = await this.access.reach(actor, id);
    const person = (await repo.findPerson(this.db, c.person_id))!;
    const [tasks, events, comments, consents, screenings, perpetrators] = await Promise.all([
      repo.tasksOf(this.db, id),
      repo.eventsOf(this.db, id),
      repo.commentsOf(this.db, id),
      repo.consentsOf(this.db, id),
      repo.screeningsOf(this.db, id),
      repo.perpetratorsOf(this.db, id),
    ]);
    if (!afterWrite)
      await this.ctx.audit.record({
        actor,
        action: 'case.read',
        recordType: 'case',
        recordId: id,
        fields: granted ? [...granted].join(',') : 'person,decision,safeguards,events,comments',
        requestId,
      });
    const labels = await new GeoService(this.db).labels(c.country_code, [
      c.division_code,
      ...events.flatMap((e) => (e.division_code ? [e.division_code] : [])),
    ]);
    const names = grants(granted, 'identity')
      ? this.people.decrypt(person)
      : { prs_FirstName: null, prs_SecondName: null, prs_Birthdate: null, prs_IdentityNumber: null };
    const assigned = c.assigned_user_id ? await userNames(this.ctx, [c.assigned_user_id]) : new Map<string, string>();
    return presentCase(
      {
        c,
        person,
        names,
        divisionLabel: labels.get(c.division_code) ?? c.division_code,
        placeLabels: labels,
        duplicates:
          direct && mayFindPersons(actor) && mayHaveNewDuplicates(c, person)
            ? await this.duplicatesOf(actor, person, names)
            : [],
        assignedUser: c.assigned_user_id
          ? { id: c.assigned_user_id, name: assigned.get(c.assigned_user_id) ?? '' }
          : null,
        tasks,
        events,
        comments,
        consents,
        screenings,
        perpetrators,
        referralFields: await this.referralFields(actor, id),
        reach: direct ? 'direct' : 'referred',
        granted,
        shares,
        decrypt: (table, row, column, value) => dec(this.ctx, table, row, column, value),
      },
      actor,
    );
  }

  /** Other persons who may be this one (checked again whenever names or birth data change, so always current). */
  private async duplicatesOf(actor: Actor, person: PersonTable, names: ReturnType<People['decrypt']>) {
    const found = await this.people.candidates(
      {
        prs_FirstName: names.prs_FirstName ?? undefined,
        prs_SecondName: names.prs_SecondName ?? undefined,
        prs_Birthdate: names.prs_Birthdate ?? undefined,
        prs_IdentityNumber: names.prs_IdentityNumber ?? undefined,
        local_BirthYear: person.birth_year === null ? undefined : Number(person.birth_year),
        prs_Gender: (person.gender ?? undefined) as never,
      },
      async (id) => id !== person.id && (await this.access.personInReach(actor, id)),
    );
    return found.map((d) => ({ personId: d.personId, name: d.name, birthYear: d.birthYear, caseCodes: d.caseCodes }));
  }

  /**
   * HTCDS cas_ referral fields: outgoing from the latest live referral; incoming when the actor's organisation
   * received one (its latest).
   */
  private async referralFields(actor: Actor, caseId: string) {
    const live = await repo.standingReferrals(this.db, [caseId]);
    const details = (r: (typeof live)[number]) =>
      this.ctx.crypto.decryptOptional(r.details_enc, { table: 'referrals', row: r.id, column: 'details' });
    const { out, incoming } = pickReferrals(live, actor);
    return {
      cas_ReferredOrganisation: out?.to_org_id ?? null,
      // An external provider is not an organisation on Minka: it is named by its directory entry.
      local_ReferredProvider: out?.provider_id ?? null,
      cas_ReferredPrimaryCaseWorker: out?.to_user_id ?? null,
      cas_OutgoingReferralDate: out ? out.created_at.slice(0, 10) : null,
      cas_ReasonForOutgoingReferral: out?.reason ?? null,
      cas_OutgoingReferralDetails: out ? details(out) : null,
      cas_ReferringOrganisation: incoming?.organisation_id ?? null,
      cas_IncomingReferralDate: incoming?.accepted_at?.slice(0, 10) ?? null,
      cas_ReferringPrimaryCaseWorker: incoming?.created_by ?? null,
      cas_ReasonForIncomingReferral: incoming?.reason ?? null,
      cas_IncomingReferralDetails: incoming ? details(incoming) : null,
    };
  }

  /** Updates the case and records the change in the audit trail, in one transaction. */
  async change(
    actor: Actor,
    id: string,
    set: Partial<CaseTable>,
    action: string,
    details: Record<string, unknown>,
    requestId: string,
    also?: (trx: repo.Q) => Promise<unknown>,
  ) {
    await writeAudited(
      this.ctx,
      { actor, action, recordType: 'case', recordId: id, fields: Object.keys(set).join(','), details, requestId },
      async (trx) => {
        await repo.updateCaseVersioned(trx, id, { ...set, updated_at: nowIso() });
        await also?.(trx);
      },
    );
  }

  async decide(actor: Actor, id: string, b: z.infer<typeof decisionBody>, requestId: string) {
    const c = await this.access.load(actor, id, 'cases:write');
    await this.change(
      actor,
      id,
      {
        trafficking_status: b.vic_TraffickingStatus,
        decision_org: b.vic_TraffickingStatusDecisionMakingOrg,
        decision_reason_enc: enc(this.ctx, 'cases', id, 'decision_reason', b.reason),
        decided_at: nowIso(),
        stage: c.stage === 'Draft' || c.stage === 'Intake' ? 'Screening' : c.stage,
      },
      'case.decision',
      { before: c.trafficking_status, after: b.vic_TraffickingStatus, org: b.vic_TraffickingStatusDecisionMakingOrg },
      requestId,
    );
    return this.get(actor, id, requestId);
  }

  async screen(actor: Actor, id: string, type: 'labour' | 'sexual', indicators: string[], requestId: string) {
    const c = await this.access.load(actor, id, 'cases:write');
    const result = screen(indicators, isMinorCase(c) ? 'child' : 'adult', type);
    if (result.unknownIndicators.length)
      throw new AppError(400, 'unknown_indicators', { ids: result.unknownIndicators.join(', ') });
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'case.screened',
        recordType: 'case',
        recordId: id,
        details: { version: result.version, suggested: result.suggestedStatus },
        requestId,
      },
      (trx) =>
        repo.insertCaseScreenings(trx, {
          id: randomUUID(),
          case_id: id,
          config_id: result.configId,
          version: result.version,
          indicators: JSON.stringify(indicators),
          result: JSON.stringify(result),
          created_by: actor.userId,
          created_at: nowIso(),
        }),
    );
    return result;
  }

  /** Likely existing persons before registering a new one (only those the actor may see); the look-up is audited. */
  async candidates(actor: Actor, input: z.infer<typeof candidatesBody>, requestId: string) {
    if (!mayFindPersons(actor)) throw new AppError(403, 'forbidden');
    const found = await this.people.candidates(input, (personId) => this.access.personInReach(actor, personId));
    if (found.length)
      await this.ctx.audit.record({
        actor,
        action: 'person.candidates',
        recordType: 'person',
        fields: 'name',
        details: { shown: found.map((f) => f.personId) },
        requestId,
      });
    return found;
  }
}
