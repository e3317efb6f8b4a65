import { htcds, local } from '../../../../../src/modules/cases/vocabulary';
import type { CaseDetail } from '../CasePage';

// How the case page edits and shows each field of the living record (the server's field table decides storage
// and rules; this decides the input). Labels come from the shared catalogue: fields.<name>, htcds.<list>.<value>.

export type Kind =
  | 'text'
  | 'long'
  | 'number'
  | 'date'
  | 'month'
  | 'one'
  | 'many'
  | 'countries'
  | 'country'
  | 'division'
  | 'flag';
export interface WebField {
  kind: Kind;
  /** Picklist values and the catalogue branch that labels them (e.g. htcds.prs_Gender). */
  values?: readonly string[];
  prefix?: string;
}

const one = (group: keyof typeof htcds | keyof typeof local): WebField => ({
  kind: 'one',
  values: (htcds as Record<string, readonly string[]>)[group] ?? (local as Record<string, readonly string[]>)[group],
  prefix: `htcds.${group}`,
});
const many = (group: keyof typeof htcds | keyof typeof local, values?: readonly string[]): WebField => ({
  kind: 'many',
  values:
    values ??
    (htcds as Record<string, readonly string[]>)[group] ??
    (local as Record<string, readonly string[]>)[group],
  prefix: `htcds.${group}`,
});

export const webFields: Record<string, WebField> = {
  prs_FirstName: { kind: 'text' },
  prs_SecondName: { kind: 'text' },
  prs_Birthdate: { kind: 'date' },
  local_BirthYear: { kind: 'number' },
  prs_Gender: one('prs_Gender'),
  prs_MaritalStatus: one('prs_MaritalStatus'),
  local_Ethnicity: one('local_Ethnicity'),
  prs_Citizenship: { kind: 'countries' },
  prs_IdentityNumber: { kind: 'text' },
  local_Languages: many('local_Languages'),
  prs_PrimaryLanguage: one('local_Languages'),
  prs_SecondaryLanguage: one('local_Languages'),
  local_Contact: { kind: 'text' },
  local_AgeAtIntake: { kind: 'number' },
  vic_AgeWhenTrafficked: { kind: 'number' },
  local_IsMinor: { kind: 'flag' },
  local_Division: { kind: 'division' },
  vic_TypeOfExploitation: many('vic_TypeOfExploitation'),
  vic_MethodOfRecruitment: many('vic_MethodOfRecruitment'),
  vic_RelationshipToTrafficker: one('vic_RelationshipToTrafficker'),
  vic_MethodsOfControl: many('vic_MethodsOfControl'),
  vic_ForcedLabourIndustry: many('vic_ForcedLabourIndustry'),
  vic_TypeOfSexExploitation: many('vic_TypeOfSexExploitation'),
  local_MonthsExploited: { kind: 'number' },
  vic_RecruitmentWebsitesAndApps: many('vic_RecruitmentWebsitesAndApps'),
  vic_ExploitationWebsitesAndApps: many('vic_RecruitmentWebsitesAndApps'),
  vic_Vulnerabilities: many('vic_Vulnerabilities'),
  vic_DetailsOfVulnerabilities: { kind: 'long' },
  local_ReferredBy: { kind: 'text' },
  local_ReferredOn: { kind: 'date' },
  local_ReferralReason: {
    kind: 'one',
    values: ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'],
    prefix: 'referrals.reasons',
  },
  local_ReferralDetails: { kind: 'long' },
  local_Guardian: { kind: 'long' },
  local_BestInterest: { kind: 'long' },
  local_CaseStage: one('local_CaseStage'),
  hte_Type: one('hte_Type'),
  hte_Date: { kind: 'month' },
  local_EndDate: { kind: 'month' },
  hte_Country: { kind: 'country' },
  local_DivisionCode: { kind: 'division' },
  hte_City: { kind: 'text' },
  local_Means: many('vic_MethodsOfControl'),
  hte_Description: { kind: 'long' },
  per_FirstName: { kind: 'text' },
  per_SecondName: { kind: 'text' },
  per_Gender: one('prs_Gender'),
  per_Citizenship: { kind: 'countries' },
  per_RelationshipToVictim: one('vic_RelationshipToTrafficker'),
  per_RoleInProcess: many('per_RoleInProcess'),
  per_RoleDetails: { kind: 'long' },
};

/** The fields of each part of the record, in the order the page shows them. */
export const sections = {
  person: [
    'prs_FirstName',
    'prs_SecondName',
    'prs_Birthdate',
    'local_BirthYear',
    'prs_Gender',
    'prs_MaritalStatus',
    'local_Ethnicity',
    'prs_Citizenship',
    'prs_IdentityNumber',
    'local_Languages',
    'prs_PrimaryLanguage',
    'prs_SecondaryLanguage',
    'local_Contact',
  ],
  situation: [
    'local_AgeAtIntake',
    'vic_AgeWhenTrafficked',
    'local_Division',
    'vic_TypeOfExploitation',
    'vic_MethodOfRecruitment',
    'vic_RelationshipToTrafficker',
    'vic_MethodsOfControl',
    'vic_ForcedLabourIndustry',
    'vic_TypeOfSexExploitation',
    'local_MonthsExploited',
    'vic_RecruitmentWebsitesAndApps',
    'vic_ExploitationWebsitesAndApps',
    'vic_Vulnerabilities',
    'vic_DetailsOfVulnerabilities',
  ],
  referral: ['local_ReferredBy', 'local_ReferredOn', 'local_ReferralReason', 'local_ReferralDetails'],
  event: [
    'hte_Type',
    'hte_Date',
    'local_EndDate',
    'hte_Country',
    'local_DivisionCode',
    'hte_City',
    'vic_TypeOfExploitation',
    'local_Means',
    'hte_Description',
  ],
  perpetrator: [
    'per_FirstName',
    'per_SecondName',
    'per_Gender',
    'per_Citizenship',
    'per_RelationshipToVictim',
    'per_RoleInProcess',
    'per_RoleDetails',
  ],
} as const;

/** The case's own fields as the record names them (the detail answer names a few of them differently). */
export function caseValues(c: CaseDetail): Record<string, unknown> {
  return {
    ...c,
    local_AgeAtIntake: c.ageAtIntake,
    local_IsMinor: c.isMinor,
    local_Division: c.division.code,
    local_Guardian: c.guardian,
    local_BestInterest: c.bestInterest,
  };
}

/** Countries a person here is most likely to hold or travel to first; any ISO code the API holds still shows. */
export const countryCodes = [
  'EC',
  'CO',
  'PE',
  'VE',
  'BO',
  'CL',
  'AR',
  'BR',
  'PA',
  'CR',
  'MX',
  'GT',
  'US',
  'ES',
  'IT',
  'CN',
];
