import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nextSequence, nowIso } from '../../platform/db/index';
import type { CaseTable, Database } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { type Actor, ScopeCheck } from '../access/index';
import { GeoService, searchForm } from '../geo/index';
import { CaseAccess } from './access';
import { People } from './people';
import { deriveAge, mayRegisterCases, missingToOpen } from './policy';
import { newItemRow, type Sealer, sealerOf } from './record-values';
import * as repo from './repo';
import * as repoIntake from './repo-intake';
import * as repoRecord from './repo-record';
import { notificationDueAt } from './safeguard-deadline';
import { type IntakeBody, intakeBody } from './schema';

/** The living record's case columns a new case starts without (what intake does not ask). */
export const livingRecordDefaults = {
  recruitment_apps: null,
  exploitation_apps: null,
  vulnerability_details_enc: null,
  referred_by_enc: null,
  referred_on: null,
  referral_reason: null,
  referral_details_enc: null,
} satisfies Partial<CaseTable>;

/** Opens cases: from scratch (or a report, later), as a draft while incomplete; minors get their safeguard task at once. */
export class IntakeService {
  private readonly people: People;
  private readonly sealer: Sealer;
  constructor(private readonly ctx: Context) {
    this.people = new People(ctx);
    this.sealer = sealerOf(ctx.crypto);
  }

  /** A code like GUA-2027-0042: the canton's first letters, the year and a number; nothing personal. */
  private async code(q: repo.Q, country: string, division: string, year: string): Promise<string> {
    const geo = new GeoService(q as never);
    const ancestry = (await geo.ancestry(country, division)) ?? [division];
    const canton = ancestry.length >= 3 ? ancestry[ancestry.length - 3]! : ancestry[0]!;
    const d = await geo.division(country, canton).catch(() => null);
    const prefix = `${searchForm(d?.name ?? canton).replace(/[^a-z]/g, '')}xxx`.slice(0, 3).toUpperCase();
    const n = await nextSequence(q as Transaction<Database>, `${prefix}-${year}`);
    return `${prefix}-${year}-${String(n).padStart(4, '0')}`;
  }

  /** Checks what an open (non-draft) case needs: a place, a name and an age or birth year. */
  private missing(b: IntakeBody): string[] {
    if (b.personId) return [];
    return missingToOpen(b.person ?? {}, b).map((f) => (f === 'prs_FirstName' ? 'person.prs_FirstName' : f));
  }

  /**
   * Opens a case from the intake body (validated again here, so internal callers get the same rules and defaults).
   * `options.suggestions` keeps what a report suggested apart from the facts; `options.also` runs in the same
   * transaction (a report's conversion links the report there, so converting is all or nothing).
   */
  async intake(
    actor: Actor,
    input: z.input<typeof intakeBody>,
    requestId: string,
    options: {
      suggestions?: Record<string, unknown>;
      also?: (trx: Transaction<Database>, opened: { id: string; code: string }) => Promise<unknown>;
    } = {},
  ) {
    const b: IntakeBody = intakeBody.parse(input);
    if (!mayRegisterCases(actor)) throw new AppError(403, 'forbidden');
    if (!(await new ScopeCheck(this.ctx).within(actor, b.division.country, b.division.code)))
      throw new AppError(400, 'scope_outside_jurisdiction');
    const missing = this.missing(b);
    if (missing.length && !b.draft) throw new AppError(400, 'case_incomplete', { fields: missing.join(', ') });
    const now = nowIso();
    const year = now.slice(0, 4);
    const existing = b.personId ? await repo.findPerson(this.ctx.db.db, b.personId) : undefined;
    if (b.personId)
      if (!existing || existing.merged_into || !(await new CaseAccess(this.ctx).personInReach(actor, b.personId)))
        throw new AppError(400, 'unknown_person');
    // A case for a person already registered takes the age from that person's birth year.
    const birthYear = b.person
      ? this.people.birthYear(b.person)
      : existing?.birth_year === null || existing === undefined
        ? undefined
        : Number(existing.birth_year);
    // The age said at intake, else the one the birth data gives (the same rule as later corrections use).
    const derived = deriveAge(
      {
        created_at: now,
        age_at_intake: b.local_AgeAtIntake ?? null,
        age_when_trafficked: b.vic_AgeWhenTrafficked ?? null,
        is_minor: b.local_IsMinor === true,
      },
      b.local_AgeAtIntake !== undefined
        ? { birthdate: null, birth_year: null }
        : { birthdate: b.person?.prs_Birthdate ?? null, birth_year: birthYear ?? null },
    );
    const age = derived.age_at_intake ?? undefined;
    const ageKnown = age !== undefined || b.vic_AgeWhenTrafficked !== undefined;
    if (ageKnown && b.local_IsMinor !== undefined) throw new AppError(400, 'minor_flag_with_age');
    const isMinor = derived.is_minor;
    const opened = (r: { id: string; code: string; stage: string }) => ({
      actor,
      action: 'case.opened',
      recordType: 'case',
      recordId: r.id,
      details: { code: r.code, stage: r.stage, minor: isMinor, linkedPerson: Boolean(b.personId) },
      requestId,
    });
    const created = await writeAudited(this.ctx, opened, async (trx) => {
      const personId =
        b.personId ?? (await this.people.create(trx, b.person ?? { local_Languages: [], prs_Citizenship: [] })).id;

      const id = randomUUID();
      const row: CaseTable = {
        id,
        code: await this.code(trx, b.division.country, b.division.code, year),
        person_id: personId,
        original_person_id: null,
        status: 'Active',
        stage: b.draft ? 'Draft' : 'Intake',
        country_code: b.division.country,
        division_code: b.division.code,
        owner_org_id: actor.orgId,
        owner_user_id: actor.userId,
        assigned_user_id: actor.userId,
        is_minor: isMinor ? 1 : 0,
        age_at_intake: age ?? null,
        age_when_trafficked: b.vic_AgeWhenTrafficked ?? null,
        trafficking_status: null,
        decision_org: null,
        decision_reason_enc: null,
        decided_at: null,
        exploitation: JSON.stringify(b.vic_TypeOfExploitation),
        recruitment_methods: JSON.stringify(b.vic_MethodOfRecruitment),
        relationship_to_trafficker: b.vic_RelationshipToTrafficker ?? null,
        control_methods: JSON.stringify(b.vic_MethodsOfControl),
        labour_industries: JSON.stringify(b.vic_ForcedLabourIndustry),
        sex_exploitation: JSON.stringify(b.vic_TypeOfSexExploitation),
        months_exploited: b.local_MonthsExploited ?? null,
        vulnerabilities: JSON.stringify(b.vic_Vulnerabilities),
        ...livingRecordDefaults,
        suggestions:
          options.suggestions && Object.keys(options.suggestions).length ? JSON.stringify(options.suggestions) : null,
        version: 1,
        guardian_enc: null,
        best_interest_enc: null,
        closure_reason_enc: null,
        created_at: now,
        updated_at: now,
        closed_at: null,
      };
      await repo.insertCase(trx, row);
      for (const e of b.events) {
        const fields = {
          ...e,
          hte_Date: e.hte_Date?.slice(0, 7),
          local_EndDate: e.local_EndDate?.slice(0, 7),
        };
        await repoRecord.insertRecord(trx, 'event', newItemRow('event', randomUUID(), id, fields, this.sealer, now));
      }
      for (const per of b.perpetrators)
        await repoRecord.insertRecord(
          trx,
          'perpetrator',
          newItemRow('perpetrator', randomUUID(), id, per, this.sealer, now),
        );
      if (isMinor) {
        await repoIntake.insertCaseTasks(trx, {
          id: randomUUID(),
          case_id: id,
          kind: 'notify_child_protection',
          authority: this.ctx.config.MINKA_CHILD_PROTECTION_AUTHORITY,
          due_at: await notificationDueAt(this.ctx, trx),
          done_at: null,
          done_by: null,
          // The person who registers the child answers for the 24-hour notification; it shows in their work.
          assignee_user_id: actor.userId,
          created_at: now,
        });
      }
      await options.also?.(trx, { id, code: row.code });
      return { id, code: row.code, stage: row.stage };
    });
    return { id: created.id, code: created.code, isMinor };
  }
}
