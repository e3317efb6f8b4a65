import { getMeta } from './db';
import { type CaseDetail, type LocalCase, localCases } from './store';

// A case registered on the device, shown with the same case page before the server has it: what was entered,
// nothing the server would compute (tasks, duplicates, screening results), and only the actions that make sense
// before it exists (notes, follow-ups, screening, decision, consent: they wait and follow it at sync).

const years = (body: LocalCase['body']): number | null => {
  const b = body as { local_AgeAtIntake?: number; person?: { local_BirthYear?: number; prs_Birthdate?: string } };
  if (typeof b.local_AgeAtIntake === 'number') return b.local_AgeAtIntake;
  const born = b.person?.prs_Birthdate ? Number(b.person.prs_Birthdate.slice(0, 4)) : b.person?.local_BirthYear;
  return born ? new Date().getFullYear() - born : null;
};

export function draftView(local: LocalCase, placeLabel: string | null): CaseDetail {
  const b = local.body as Record<string, unknown> & {
    draft?: boolean;
    division?: { country: string; code: string };
    person?: Record<string, unknown>;
  };
  const p = b.person ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  const age = years(local.body);
  return {
    id: local.tempId,
    code: local.code,
    status: 'Active',
    stage: b.draft ? 'Draft' : 'Intake',
    division: {
      country: b.division?.country ?? 'EC',
      code: b.division?.code ?? '',
      label: placeLabel ?? b.division?.code ?? '',
    },
    isMinor: age !== null && age < 18,
    ageAtIntake: age,
    vic_AgeWhenTrafficked: typeof b.vic_AgeWhenTrafficked === 'number' ? b.vic_AgeWhenTrafficked : null,
    version: 1,
    person: {
      id: local.tempId,
      version: 1,
      prs_FirstName: text(p.prs_FirstName),
      prs_SecondName: text(p.prs_SecondName),
      prs_Birthdate: text(p.prs_Birthdate),
      prs_IdentityNumber: text(p.prs_IdentityNumber),
      local_BirthYear: typeof p.local_BirthYear === 'number' ? p.local_BirthYear : null,
      prs_Gender: text(p.prs_Gender),
      local_Ethnicity: text(p.local_Ethnicity),
      local_Languages: list(p.local_Languages),
      prs_PrimaryLanguage: null,
      prs_SecondaryLanguage: null,
      prs_MaritalStatus: null,
      prs_Citizenship: list(p.prs_Citizenship),
      local_Contact: null,
    },
    missing: [],
    suggestions: {},
    mergedFrom: null,
    duplicates: [],
    assignedUser: null,
    vic_Vulnerabilities: [],
    vic_RecruitmentWebsitesAndApps: [],
    vic_ExploitationWebsitesAndApps: [],
    vic_DetailsOfVulnerabilities: null,
    local_ReferredBy: null,
    local_ReferredOn: null,
    local_ReferralReason: null,
    local_ReferralDetails: null,
    vic_TraffickingStatus: null,
    vic_TraffickingStatusDecisionMakingOrg: null,
    decisionReason: null,
    vic_TypeOfExploitation: list(b.vic_TypeOfExploitation),
    vic_MethodOfRecruitment: list(b.vic_MethodOfRecruitment),
    vic_RelationshipToTrafficker: text(b.vic_RelationshipToTrafficker),
    vic_MethodsOfControl: [],
    vic_ForcedLabourIndustry: [],
    vic_TypeOfSexExploitation: [],
    local_MonthsExploited: null,
    guardian: null,
    bestInterest: null,
    tasks: [],
    events: [],
    perpetrators: [],
    comments: [],
    consents: [],
    screening: null,
    safeguardsMissing: [],
    cas_ReferredOrganisation: null,
    local_ReferredProvider: null,
    cas_ReferredPrimaryCaseWorker: null,
    cas_OutgoingReferralDate: null,
    cas_ReasonForOutgoingReferral: null,
    cas_OutgoingReferralDetails: null,
    cas_ReferringOrganisation: null,
    cas_IncomingReferralDate: null,
    cas_ReferringPrimaryCaseWorker: null,
    cas_ReasonForIncomingReferral: null,
    cas_IncomingReferralDetails: null,
    // Registered by this person on this device: their organisation owns it, nothing is shared.
    sharing: null,
    // The record itself is corrected once the server has it (its fields then carry versions).
    abilities: { update: true, edit: false, decide: true, close: false, consent: true, restore: false, merge: false },
  } satisfies CaseDetail;
}

/** The view of a case registered on the device, by its temporary id (null once it is gone). */
export async function localCaseView(tempId: string): Promise<CaseDetail | null> {
  const local = (await localCases()).find((c) => c.tempId === tempId);
  if (!local) return null;
  const places = (await getMeta<{ code: string; label: string }[]>('divisions')) ?? [];
  const code = (local.body as { division?: { code?: string } }).division?.code;
  return draftView(local, places.find((d) => d.code === code)?.label ?? null);
}
