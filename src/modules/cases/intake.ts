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
import { mayRegisterCases } from './policy';
import * as repo from './repo';
import * as repoIntake from './repo-intake';
import { type IntakeBody, intakeBody } from './schema';

const dayMs = 86_400_000;

/** Opens cases: from scratch (or a report, later), as a draft while incomplete; minors get their safeguard task at once. */
export class IntakeService {
  private readonly people: People;
  constructor(private readonly ctx: Context) {
    this.people = new People(ctx);
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
    const out: string[] = [];
    const p = b.person;
    if (!b.personId && !p?.prs_FirstName && !p?.prs_SecondName) out.push('person.prs_FirstName');
    if (b.local_AgeAtIntake === undefined && !p?.local_BirthYear && !p?.prs_Birthdate && !b.personId)
      out.push('local_AgeAtIntake');
    return out;
  }

  /** Opens a case from the intake body (validated again here, so internal callers get the same rules and defaults). */
  async intake(actor: Actor, input: z.input<typeof intakeBody>, requestId: string) {
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
    const age = b.local_AgeAtIntake ?? (birthYear ? Number(year) - birthYear : undefined);
    const isMinor =
      (age !== undefined && age < 18) || (b.vic_AgeWhenTrafficked !== undefined && b.vic_AgeWhenTrafficked < 18);
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
        guardian_enc: null,
        best_interest_enc: null,
        closure_reason_enc: null,
        created_at: now,
        updated_at: now,
        closed_at: null,
      };
      await repo.insertCase(trx, row);
      for (const e of b.events) {
        const eid = randomUUID();
        await repoIntake.insertCaseEvents(trx, {
          id: eid,
          case_id: id,
          type: e.hte_Type,
          country_code: e.hte_Country ?? null,
          division_code: e.local_DivisionCode ?? null,
          month: e.hte_Date?.slice(0, 7) ?? null,
          description_enc: this.ctx.crypto.encryptOptional(e.hte_Description, {
            table: 'case_events',
            row: eid,
            column: 'description',
          }),
          created_at: now,
        });
      }
      for (const per of b.perpetrators) {
        const pid = randomUUID();
        await repoIntake.insertCasePerpetrators(trx, {
          id: pid,
          case_id: id,
          roles: JSON.stringify(per.per_RoleInProcess),
          details_enc: this.ctx.crypto.encryptOptional(per.per_RoleDetails, {
            table: 'case_perpetrators',
            row: pid,
            column: 'details',
          }),
          created_at: now,
        });
      }
      if (isMinor) {
        await repoIntake.insertCaseTasks(trx, {
          id: randomUUID(),
          case_id: id,
          kind: 'notify_child_protection',
          authority: this.ctx.config.MINKA_CHILD_PROTECTION_AUTHORITY,
          due_at: new Date(Date.now() + dayMs).toISOString(),
          done_at: null,
          done_by: null,
          // The person who registers the child answers for the 24-hour notification; it shows in their work.
          assignee_user_id: actor.userId,
          created_at: now,
        });
      }
      return { id, code: row.code, stage: row.stage };
    });
    return { id: created.id, code: created.code, isMinor };
  }
}
