import type { CaseTable, Database, PersonTable } from '../../platform/db/types';
import type { Actor } from '../access/index';
import { caseCodec, screeningCodec } from './codecs';
import { abilities, missingToOpen, type Reach } from './policy';
import { readRecord, type Sealer } from './record-values';
import type { CaseDetail } from './schema';
import { isClosed } from './vocabulary';

type Row<T extends keyof Database> = Database[T];

/** Everything the case page shows, loaded (and its personal fields opened through `decrypt`) by the case service. */
export interface CaseView {
  c: CaseTable;
  person: PersonTable;
  names: Pick<CaseDetail['person'], 'prs_FirstName' | 'prs_SecondName' | 'prs_Birthdate' | 'prs_IdentityNumber'>;
  divisionLabel: string;
  tasks: Row<'case_tasks'>[];
  events: Row<'case_events'>[];
  comments: Row<'case_comments'>[];
  consents: Row<'consents'>[];
  screenings: Row<'case_screenings'>[];
  perpetrators: Row<'case_perpetrators'>[];
  /** Place names of the events' divisions, by code. */
  placeLabels: Map<string, string>;
  duplicates: CaseDetail['duplicates'];
  assignedUser: CaseDetail['assignedUser'];
  referralFields: Omit<CaseDetail, Exclude<keyof CaseDetail, `cas_${string}` | 'local_ReferredProvider'>>;
  reach: Exclude<Reach, 'none'>;
  decrypt(table: string, row: string, column: string, value: string | null): string | null;
}

/** The safeguards a child's case still lacks: the 24-hour notification, a guardian, a best-interest assessment. */
export function safeguardsMissing(c: CaseTable, openTasks: { kind: string }[]): string[] {
  if (!caseCodec.decode(c).is_minor) return [];
  const out: string[] = [];
  if (openTasks.some((t) => t.kind === 'notify_child_protection')) out.push('notify_child_protection');
  if (!c.guardian_enc) out.push('guardian');
  if (!c.best_interest_enc) out.push('best_interest');
  return out;
}

/** The case as the API shows it, from loaded rows: HTCDS fields, tasks, events, consents, referral fields, abilities. */
export function presentCase(v: CaseView, actor: Actor): CaseDetail {
  const { c, person, tasks, events, comments, consents, screenings, perpetrators } = v;
  const k = caseCodec.decode(c);
  const sealer: Sealer = {
    seal: () => null,
    open: (value, at) => v.decrypt(at.table, at.row, at.column, value ?? null),
  };
  const p = readRecord('person', person as never, sealer);
  const kase = readRecord('case', c as never, sealer);
  const text = (x: unknown) => (x ?? null) as string | null;
  const list = (x: unknown) => (x ?? []) as string[];
  return {
    id: c.id,
    code: c.code,
    status: c.status,
    stage: c.stage,
    division: {
      country: c.country_code,
      code: c.division_code,
      label: v.divisionLabel,
    },
    isMinor: k.is_minor,
    ageAtIntake: k.age_at_intake,
    vic_AgeWhenTrafficked: k.age_when_trafficked,
    version: Number(c.version),
    person: {
      id: person.id,
      version: Number(person.version),
      ...v.names,
      local_BirthYear: p.local_BirthYear as number | null,
      prs_Gender: person.gender,
      local_Ethnicity: person.ethnicity,
      local_Languages: list(p.local_Languages),
      prs_PrimaryLanguage: person.primary_language,
      prs_SecondaryLanguage: person.secondary_language,
      prs_MaritalStatus: person.marital_status,
      prs_Citizenship: list(p.prs_Citizenship),
      local_Contact: text(p.local_Contact),
    },
    missing: c.stage === 'Draft' ? missingToOpen(p, kase) : [],
    suggestions: c.suggestions ? (JSON.parse(c.suggestions) as CaseDetail['suggestions']) : {},
    mergedFrom: c.original_person_id,
    duplicates: v.duplicates,
    assignedUser: v.assignedUser,
    vic_Vulnerabilities: list(kase.vic_Vulnerabilities),
    vic_RecruitmentWebsitesAndApps: list(kase.vic_RecruitmentWebsitesAndApps),
    vic_ExploitationWebsitesAndApps: list(kase.vic_ExploitationWebsitesAndApps),
    vic_DetailsOfVulnerabilities: text(kase.vic_DetailsOfVulnerabilities),
    local_ReferredBy: text(kase.local_ReferredBy),
    local_ReferredOn: text(kase.local_ReferredOn),
    local_ReferralReason: text(kase.local_ReferralReason),
    local_ReferralDetails: text(kase.local_ReferralDetails),
    vic_TraffickingStatus: c.trafficking_status,
    vic_TraffickingStatusDecisionMakingOrg: c.decision_org,
    decisionReason: v.decrypt('cases', c.id, 'decision_reason', c.decision_reason_enc),
    vic_TypeOfExploitation: k.exploitation,
    vic_MethodOfRecruitment: k.recruitment_methods,
    vic_RelationshipToTrafficker: c.relationship_to_trafficker,
    vic_MethodsOfControl: k.control_methods,
    vic_ForcedLabourIndustry: k.labour_industries,
    vic_TypeOfSexExploitation: k.sex_exploitation,
    local_MonthsExploited: k.months_exploited,
    guardian: v.decrypt('cases', c.id, 'guardian', c.guardian_enc),
    bestInterest: v.decrypt('cases', c.id, 'best_interest', c.best_interest_enc),
    tasks: tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      authority: t.authority,
      dueAt: t.due_at,
      doneAt: t.done_at,
      note: v.decrypt('case_tasks', t.id, 'note', t.note_enc),
      outcome: v.decrypt('case_tasks', t.id, 'outcome', t.outcome_enc ?? null),
    })),
    events: events.map((e) => {
      const f = readRecord('event', e as never, sealer);
      return {
        id: e.id,
        version: Number(e.version),
        hte_Type: e.type,
        hte_Country: e.country_code,
        local_DivisionCode: e.division_code,
        placeLabel: e.division_code ? (v.placeLabels.get(e.division_code) ?? null) : null,
        hte_City: text(f.hte_City),
        hte_Date: e.month,
        local_EndDate: e.end_month,
        local_Means: list(f.local_Means),
        vic_TypeOfExploitation: list(f.vic_TypeOfExploitation),
        hte_Description: text(f.hte_Description),
      };
    }),
    perpetrators: perpetrators.map((x) => {
      const f = readRecord('perpetrator', x as never, sealer);
      return {
        id: x.id,
        version: Number(x.version),
        per_FirstName: text(f.per_FirstName),
        per_SecondName: text(f.per_SecondName),
        per_Gender: x.gender,
        per_Citizenship: list(f.per_Citizenship),
        per_RelationshipToVictim: x.relation,
        per_RoleInProcess: list(f.per_RoleInProcess),
        per_RoleDetails: text(f.per_RoleDetails),
      };
    }),
    comments: comments.map((m) => ({
      id: m.id,
      authorUserId: m.author_user_id,
      createdAt: m.created_at,
      cco_CaseComment: v.decrypt('case_comments', m.id, 'body', m.body_enc) ?? '',
    })),
    consents: consents.map((k) => ({
      id: k.id,
      scope: k.scope,
      organisationId: k.organisation_id,
      givenBy: k.given_by,
      giverName: v.decrypt('consents', k.id, 'giver_name', k.giver_name_enc),
      givenAt: k.given_at,
      withdrawnAt: k.withdrawn_at,
    })),
    screening: screenings[0]
      ? (({ created_at, version, indicators, result }) => ({ createdAt: created_at, version, indicators, result }))(
          screeningCodec.decode(screenings[0]),
        )
      : null,
    safeguardsMissing: safeguardsMissing(
      c,
      tasks.filter((t) => !t.done_at),
    ),
    ...v.referralFields,
    abilities: abilities(actor, v.reach, isClosed(c.status)),
  };
}
