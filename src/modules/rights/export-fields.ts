// The living record's fields as the access export reads them: the column each field is stored in, how (plain,
// number, JSON list, flag or sealed) and which label list names its values. The cases module's field table is the
// source; src/modules/rights/export.test.ts fails when a field is added there and not here.

export type ExportStorage = 'text' | 'number' | 'list' | 'sealed' | 'flag';
export type ExportKind = 'text' | 'date' | 'month' | 'country' | 'countries' | 'division' | 'one' | 'many' | 'flag';

export interface ExportField {
  column: string;
  storage: ExportStorage;
  /** How the PDF shows the value; `one`/`many` name values from `labels` (a shared label list). */
  kind: ExportKind;
  labels?: string;
}

const f = (column: string, storage: ExportStorage, kind: ExportKind, labels?: string): ExportField => ({
  column,
  storage,
  kind,
  ...(labels ? { labels } : {}),
});
const one = (column: string, list: string) => f(column, 'text', 'one', `htcds.${list}`);
const many = (column: string, list: string) => f(column, 'list', 'many', `htcds.${list}`);

/** The person's own fields, in the order the record shows them. */
export const personExportFields: Record<string, ExportField> = {
  prs_FirstName: f('given_names_enc', 'sealed', 'text'),
  prs_SecondName: f('surnames_enc', 'sealed', 'text'),
  prs_Birthdate: f('birthdate_enc', 'sealed', 'date'),
  local_BirthYear: f('birth_year', 'number', 'text'),
  prs_Gender: one('gender', 'prs_Gender'),
  prs_MaritalStatus: one('marital_status', 'prs_MaritalStatus'),
  local_Ethnicity: one('ethnicity', 'local_Ethnicity'),
  prs_Citizenship: f('citizenship', 'list', 'countries'),
  prs_IdentityNumber: f('identity_enc', 'sealed', 'text'),
  local_Languages: many('languages', 'local_Languages'),
  prs_PrimaryLanguage: one('primary_language', 'local_Languages'),
  prs_SecondaryLanguage: one('secondary_language', 'local_Languages'),
  local_Contact: f('contact_enc', 'sealed', 'text'),
};

/** A case's own fields (HTCDS and local). */
export const caseExportFields: Record<string, ExportField> = {
  local_AgeAtIntake: f('age_at_intake', 'number', 'text'),
  local_IsMinor: f('is_minor', 'flag', 'flag'),
  vic_AgeWhenTrafficked: f('age_when_trafficked', 'number', 'text'),
  local_Division: f('division_code', 'text', 'division'),
  vic_TypeOfExploitation: many('exploitation', 'vic_TypeOfExploitation'),
  vic_MethodOfRecruitment: many('recruitment_methods', 'vic_MethodOfRecruitment'),
  vic_RelationshipToTrafficker: one('relationship_to_trafficker', 'vic_RelationshipToTrafficker'),
  vic_MethodsOfControl: many('control_methods', 'vic_MethodsOfControl'),
  vic_ForcedLabourIndustry: many('labour_industries', 'vic_ForcedLabourIndustry'),
  vic_TypeOfSexExploitation: many('sex_exploitation', 'vic_TypeOfSexExploitation'),
  local_MonthsExploited: f('months_exploited', 'number', 'text'),
  vic_RecruitmentWebsitesAndApps: many('recruitment_apps', 'vic_RecruitmentWebsitesAndApps'),
  vic_ExploitationWebsitesAndApps: many('exploitation_apps', 'vic_RecruitmentWebsitesAndApps'),
  vic_Vulnerabilities: many('vulnerabilities', 'vic_Vulnerabilities'),
  vic_DetailsOfVulnerabilities: f('vulnerability_details_enc', 'sealed', 'text'),
  local_ReferredBy: f('referred_by_enc', 'sealed', 'text'),
  local_ReferredOn: f('referred_on', 'text', 'date'),
  local_ReferralReason: f('referral_reason', 'text', 'one', 'accessExport.referralReasons'),
  local_ReferralDetails: f('referral_details_enc', 'sealed', 'text'),
  local_Guardian: f('guardian_enc', 'sealed', 'text'),
  local_BestInterest: f('best_interest_enc', 'sealed', 'text'),
};

/** A trafficking event's fields. */
export const eventExportFields: Record<string, ExportField> = {
  hte_Type: one('type', 'hte_Type'),
  hte_Date: f('month', 'text', 'month'),
  local_EndDate: f('end_month', 'text', 'month'),
  hte_Country: f('country_code', 'text', 'country'),
  local_DivisionCode: f('division_code', 'text', 'division'),
  hte_City: f('place_enc', 'sealed', 'text'),
  vic_TypeOfExploitation: many('exploitation', 'vic_TypeOfExploitation'),
  local_Means: many('means', 'vic_MethodsOfControl'),
  hte_Description: f('description_enc', 'sealed', 'text'),
};

/**
 * A perpetrator record's fields the person receives: the roles only. Names, details, sex, nationality and relation
 * of the people who harmed them are third parties' data, collected for the case, not the person's own.
 */
export const perpetratorExportFields: Record<string, ExportField> = {
  per_RoleInProcess: many('roles', 'per_RoleInProcess'),
};

/** The perpetrator fields the export leaves out (the test checks every field of the record is either here or above). */
export const perpetratorWithheld = [
  'per_FirstName',
  'per_SecondName',
  'per_Gender',
  'per_Citizenship',
  'per_RelationshipToVictim',
  'per_RoleDetails',
];

/** Every exported field by name, for values in the history (a field's name is unique across the record types but
 * for vic_TypeOfExploitation, which reads the same in a case and an event). */
export const anyExportField = (field: string): ExportField | undefined =>
  personExportFields[field] ??
  caseExportFields[field] ??
  eventExportFields[field] ??
  perpetratorExportFields[field] ??
  (field === 'local_CaseStage' ? one('stage', 'local_CaseStage') : undefined);

/** Reads a stored column as its value: lists parsed, numbers as numbers, flags as booleans, sealed ones opened. */
export function readExportField(
  spec: ExportField,
  raw: unknown,
  open: (sealed: string, column: string) => string | null,
): unknown {
  if (raw === null || raw === undefined) return spec.storage === 'list' ? [] : spec.storage === 'flag' ? false : null;
  switch (spec.storage) {
    case 'list':
      return typeof raw === 'string' ? (JSON.parse(raw) as unknown[]) : raw;
    case 'number':
      return Number(raw);
    case 'flag':
      return Number(raw) === 1 || raw === true;
    case 'sealed':
      return open(String(raw), spec.column.replace(/_enc$/, ''));
    default:
      return raw;
  }
}

/** All fields of a row by the table, as field → value. */
export function readExportFields(
  specs: Record<string, ExportField>,
  row: Record<string, unknown>,
  open: (sealed: string, column: string) => string | null,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, readExportField(s, row[s.column], open)]));
}
