import { nowIso } from '../../platform/db/index';
import type { CaseTable, Database, PersonTable } from '../../platform/db/types';
import type { Actor } from '../access/index';
import { caseCodec, screeningCodec } from './codecs';
import { abilities, missingToOpen, type Reach } from './policy';
import { readRecord, type Sealer } from './record-values';
import type { CaseDetail } from './schema';
import { type Granted, grants, sectionsFrom } from './sections';
import type { CaseGrant } from './sharing';
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
  /** The sections shared with a receiver (null: the whole case) and what opened them. */
  granted: Granted;
  shares: readonly CaseGrant[];
  decrypt(table: string, row: string, column: string, value: string | null): string | null;
}

/** The safeguards a child's case still lacks: the 24-hour notification, a guardian, a best-interest assessment. */
export function safeguardsMissing(c: CaseTable, openTasks: { kind: string }[]): string[] {
  // An anonymised case lacks its guardian and assessments on purpose (their text was destroyed).
  if (c.anonymised_at || !caseCodec.decode(c).is_minor) return [];
  const out: string[] = [];
  if (openTasks.some((t) => t.kind === 'notify_child_protection')) out.push('notify_child_protection');
  if (!c.guardian_enc) out.push('guardian');
  if (!c.best_interest_enc) out.push('best_interest');
  return out;
}

/**
 * The case as the API shows it, from loaded rows: HTCDS fields, tasks, events, consents, referral fields, abilities.
 * For a receiver only the granted sections are copied (and decrypted); the others stay empty.
 */
export function presentCase(v: CaseView, actor: Actor): CaseDetail {
  const { c, person } = v;
  const has = (section: Parameters<typeof grants>[1]) => grants(v.granted, section);
  const tasks = has('tasks') ? v.tasks : [];
  const now = nowIso();
  const events = has('exploitation') ? v.events : [];
  const comments = has('comments') ? v.comments : [];
  const consents = has('consents') ? v.consents : [];
  const screenings = has('screening') ? v.screenings : [];
  const perpetrators = has('perpetrators') ? v.perpetrators : [];
  const direct = v.granted === null;
  const k = caseCodec.decode(c);
  const sealer: Sealer = {
    seal: () => null,
    open: (value, at) => v.decrypt(at.table, at.row, at.column, value ?? null),
  };
  const p = readRecord('person', person as never, sealer);
  const kase = readRecord('case', c as never, sealer);
  const text = (x: unknown) => (x ?? null) as string | null;
  const list = (x: unknown) => (x ?? []) as string[];
  const id = has('identity');
  const lang = has('languages');
  const exp = has('exploitation');
  const vul = has('vulnerabilities');
  const dec = has('decision');
  const safe = has('safeguards');
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
    isMinor: has('age') ? k.is_minor : false,
    ageAtIntake: has('age') ? k.age_at_intake : null,
    vic_AgeWhenTrafficked: has('age') ? k.age_when_trafficked : null,
    version: Number(c.version),
    anonymisedAt: c.anonymised_at ?? null,
    person: {
      id: person.id,
      version: Number(person.version),
      prs_FirstName: id ? v.names.prs_FirstName : null,
      prs_SecondName: id ? v.names.prs_SecondName : null,
      prs_Birthdate: id ? v.names.prs_Birthdate : null,
      prs_IdentityNumber: id ? v.names.prs_IdentityNumber : null,
      local_BirthYear: id ? (p.local_BirthYear as number | null) : null,
      prs_Gender: id ? person.gender : null,
      local_Ethnicity: id ? person.ethnicity : null,
      local_Languages: lang ? list(p.local_Languages) : [],
      prs_PrimaryLanguage: lang ? person.primary_language : null,
      prs_SecondaryLanguage: lang ? person.secondary_language : null,
      prs_MaritalStatus: id ? person.marital_status : null,
      prs_Citizenship: id ? list(p.prs_Citizenship) : [],
      local_Contact: has('contact') ? text(p.local_Contact) : null,
    },
    missing: direct && c.stage === 'Draft' ? missingToOpen(p, kase) : [],
    suggestions: direct && c.suggestions ? (JSON.parse(c.suggestions) as CaseDetail['suggestions']) : {},
    mergedFrom: direct ? c.original_person_id : null,
    duplicates: v.duplicates,
    assignedUser: direct ? v.assignedUser : null,
    vic_Vulnerabilities: vul ? list(kase.vic_Vulnerabilities) : [],
    vic_RecruitmentWebsitesAndApps: exp ? list(kase.vic_RecruitmentWebsitesAndApps) : [],
    vic_ExploitationWebsitesAndApps: exp ? list(kase.vic_ExploitationWebsitesAndApps) : [],
    vic_DetailsOfVulnerabilities: vul ? text(kase.vic_DetailsOfVulnerabilities) : null,
    local_ReferredBy: direct ? text(kase.local_ReferredBy) : null,
    local_ReferredOn: direct ? text(kase.local_ReferredOn) : null,
    local_ReferralReason: direct ? text(kase.local_ReferralReason) : null,
    local_ReferralDetails: direct ? text(kase.local_ReferralDetails) : null,
    vic_TraffickingStatus: dec ? c.trafficking_status : null,
    vic_TraffickingStatusDecisionMakingOrg: dec ? c.decision_org : null,
    decisionReason: dec ? v.decrypt('cases', c.id, 'decision_reason', c.decision_reason_enc) : null,
    vic_TypeOfExploitation: exp ? k.exploitation : [],
    vic_MethodOfRecruitment: exp ? k.recruitment_methods : [],
    vic_RelationshipToTrafficker: exp ? c.relationship_to_trafficker : null,
    vic_MethodsOfControl: exp ? k.control_methods : [],
    vic_ForcedLabourIndustry: exp ? k.labour_industries : [],
    vic_TypeOfSexExploitation: exp ? k.sex_exploitation : [],
    local_MonthsExploited: exp ? k.months_exploited : null,
    guardian: safe ? v.decrypt('cases', c.id, 'guardian', c.guardian_enc) : null,
    bestInterest: safe ? v.decrypt('cases', c.id, 'best_interest', c.best_interest_enc) : null,
    tasks: tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      authority: t.authority,
      dueAt: t.due_at,
      doneAt: t.done_at,
      overdue: !t.done_at && t.due_at < now,
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
      sections: k.sections ? sectionsFrom(JSON.parse(k.sections) as string[]) : null,
    })),
    screening: screenings[0]
      ? (({ created_at, version, indicators, result }) => ({ createdAt: created_at, version, indicators, result }))(
          screeningCodec.decode(screenings[0]),
        )
      : null,
    safeguardsMissing: safe
      ? safeguardsMissing(
          c,
          v.tasks.filter((t) => !t.done_at),
        )
      : [],
    ...v.referralFields,
    sharing: direct
      ? null
      : {
          sections: [...(v.granted ?? [])],
          via: [...new Set(v.shares.map((g) => g.via))],
          services: [...new Set(v.shares.flatMap((g) => g.services ?? []))],
        },
    abilities: abilities(actor, v.reach, isClosed(c.status), Boolean(c.anonymised_at)),
  };
}
