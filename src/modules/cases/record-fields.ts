import { z } from 'zod';
import { htcds, local } from './vocabulary';

// The editable fields of each case record, by their HTCDS (or local_) names: the column that stores each one,
// how it is stored (plain text, number, picklist list as JSON, or encrypted), and the rule a new value must meet.
// One table drives reading, writing, merging and the history, so a field is added in one place.

export type RecordType = 'case' | 'person' | 'event' | 'perpetrator';
export type Storage = 'text' | 'number' | 'list' | 'sealed' | 'flag';

export interface FieldSpec {
  column: string;
  storage: Storage;
  schema: z.ZodType;
  /** Personal data: a correction needs a reason, and history keeps the values encrypted. */
  personal?: boolean;
}

const many = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).max(values.length);
const text = (max: number) => z.string().trim().min(1).max(max).nullable();
const opt = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable();
const country = z.string().regex(/^[A-Z]{2}$/);
/** A date of birth: a real date, not after today. */
export const pastDate = z.iso.date().refine((d) => d <= new Date().toISOString().slice(0, 10));
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .nullable();
const divisionCode = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,32}$/)
  .nullable();

const f = (column: string, storage: Storage, schema: z.ZodType, personal = false): FieldSpec => ({
  column,
  storage,
  schema,
  personal,
});

export const personFields = {
  prs_FirstName: f('given_names_enc', 'sealed', text(100), true),
  prs_SecondName: f('surnames_enc', 'sealed', text(200), true),
  prs_Birthdate: f('birthdate_enc', 'sealed', pastDate.nullable(), true),
  local_BirthYear: f('birth_year', 'number', z.number().int().min(1900).max(2100).nullable(), true),
  prs_Gender: f('gender', 'text', opt(htcds.prs_Gender), true),
  local_Ethnicity: f('ethnicity', 'text', opt(local.local_Ethnicity)),
  local_Languages: f('languages', 'list', many(local.local_Languages)),
  prs_PrimaryLanguage: f('primary_language', 'text', opt(local.local_Languages)),
  prs_SecondaryLanguage: f('secondary_language', 'text', opt(local.local_Languages)),
  prs_MaritalStatus: f('marital_status', 'text', opt(htcds.prs_MaritalStatus), true),
  prs_Citizenship: f('citizenship', 'list', z.array(country).max(3), true),
  prs_IdentityNumber: f(
    'identity_enc',
    'sealed',
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{5,20}$/)
      .nullable(),
    true,
  ),
  local_Contact: f('contact_enc', 'sealed', text(300), true),
} satisfies Record<string, FieldSpec>;

export const caseFields = {
  local_AgeAtIntake: f('age_at_intake', 'number', z.number().int().min(0).max(120).nullable(), true),
  local_IsMinor: f('is_minor', 'flag', z.boolean()),
  vic_AgeWhenTrafficked: f('age_when_trafficked', 'number', z.number().int().min(0).max(120).nullable(), true),
  vic_TypeOfExploitation: f('exploitation', 'list', many(htcds.vic_TypeOfExploitation)),
  vic_MethodOfRecruitment: f('recruitment_methods', 'list', many(htcds.vic_MethodOfRecruitment)),
  vic_RelationshipToTrafficker: f('relationship_to_trafficker', 'text', opt(htcds.vic_RelationshipToTrafficker)),
  vic_MethodsOfControl: f('control_methods', 'list', many(htcds.vic_MethodsOfControl)),
  vic_ForcedLabourIndustry: f('labour_industries', 'list', many(htcds.vic_ForcedLabourIndustry)),
  vic_TypeOfSexExploitation: f('sex_exploitation', 'list', many(htcds.vic_TypeOfSexExploitation)),
  vic_RecruitmentWebsitesAndApps: f('recruitment_apps', 'list', many(htcds.vic_RecruitmentWebsitesAndApps)),
  vic_ExploitationWebsitesAndApps: f('exploitation_apps', 'list', many(htcds.vic_RecruitmentWebsitesAndApps)),
  vic_Vulnerabilities: f('vulnerabilities', 'list', many(htcds.vic_Vulnerabilities)),
  vic_DetailsOfVulnerabilities: f('vulnerability_details_enc', 'sealed', text(5000), true),
  local_MonthsExploited: f('months_exploited', 'number', z.number().int().min(0).max(600).nullable()),
  local_Division: f('division_code', 'text', z.string().regex(/^[A-Za-z0-9._-]{1,32}$/)),
  // About the guardian or authority, not the person: sealed, but updating them is not a correction of the person.
  // Free text that may name a person (an officer, a teacher): sealed like other free text.
  local_ReferredBy: f('referred_by_enc', 'sealed', text(200)),
  local_ReferredOn: f('referred_on', 'text', z.iso.date().nullable()),
  local_ReferralReason: f(
    'referral_reason',
    'text',
    opt(['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'] as const),
  ),
  local_ReferralDetails: f('referral_details_enc', 'sealed', text(2000)),
  local_Guardian: f('guardian_enc', 'sealed', text(1000)),
  local_BestInterest: f('best_interest_enc', 'sealed', text(5000)),
} satisfies Record<string, FieldSpec>;

export const eventFields = {
  hte_Type: f('type', 'text', z.enum(htcds.hte_Type)),
  hte_Country: f('country_code', 'text', country.nullable()),
  local_DivisionCode: f('division_code', 'text', divisionCode),
  hte_City: f('place_enc', 'sealed', text(300), true),
  hte_Date: f('month', 'text', month),
  local_EndDate: f('end_month', 'text', month),
  local_Means: f('means', 'list', many(htcds.vic_MethodsOfControl)),
  vic_TypeOfExploitation: f('exploitation', 'list', many(htcds.vic_TypeOfExploitation)),
  hte_Description: f('description_enc', 'sealed', text(5000), true),
} satisfies Record<string, FieldSpec>;

export const perpetratorFields = {
  per_FirstName: f('given_names_enc', 'sealed', text(100), true),
  per_SecondName: f('surnames_enc', 'sealed', text(200), true),
  per_Gender: f('gender', 'text', opt(htcds.prs_Gender)),
  per_Citizenship: f('citizenship', 'list', z.array(country).max(3)),
  per_RelationshipToVictim: f('relation', 'text', opt(htcds.vic_RelationshipToTrafficker)),
  per_RoleInProcess: f('roles', 'list', many(htcds.per_RoleInProcess)),
  per_RoleDetails: f('details_enc', 'sealed', text(2000), true),
} satisfies Record<string, FieldSpec>;

export const recordFields: Record<RecordType, Record<string, FieldSpec>> = {
  case: caseFields,
  person: personFields,
  event: eventFields,
  perpetrator: perpetratorFields,
};

/** The table each record type lives in. */
export const recordTable = {
  case: 'cases',
  person: 'persons',
  event: 'case_events',
  perpetrator: 'case_perpetrators',
} as const;

/** A partial set of fields for one record type (only the fields named are changed; null clears). */
export const fieldsSchema = <T extends Record<string, FieldSpec>>(specs: T) =>
  z.strictObject(
    Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.schema.optional()])) as {
      [K in keyof T]: z.ZodOptional<z.ZodType>;
    },
  );

const version = z.number().int().min(1).meta({ description: 'The version the change was based on' });
const reason = z
  .string()
  .trim()
  .min(3)
  .max(1000)
  .optional()
  .meta({ description: 'Why personal data is corrected (required when it is)' });

/** A change of one record: the version it was based on (or If-Match), the fields, and a reason for corrections. */
export const patchBody = <T extends Record<string, FieldSpec>>(specs: T) =>
  z.strictObject({ version: version.optional(), fields: fieldsSchema(specs), reason });

export const casePatch = patchBody(caseFields);
export const personPatch = patchBody(personFields);
export const eventPatch = patchBody(eventFields);
export const perpetratorPatch = patchBody(perpetratorFields);
export type PatchBody = { version?: number; fields: Record<string, unknown>; reason?: string };
