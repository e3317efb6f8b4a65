import { z } from 'zod';
import { scopeSchema } from '../access/schema';
import { pastDate } from './record-fields';
import { caseSections, htcds, local } from './vocabulary';

export { type CaseDetail, caseDetailSchema, screeningResultSchema } from './schema-detail';

const many = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).default([]);
const name = (max: number) => z.string().trim().min(1).max(max);

export const personBody = z.strictObject({
  prs_FirstName: name(100).optional(),
  prs_SecondName: name(200).optional().meta({ description: 'Surnames' }),
  prs_Birthdate: pastDate.optional(),
  local_BirthYear: z.number().int().min(1900).max(2100).optional(),
  prs_Gender: z.enum(htcds.prs_Gender).optional(),
  local_Ethnicity: z.enum(local.local_Ethnicity).optional(),
  local_Languages: many(local.local_Languages),
  prs_Citizenship: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(3)
    .default([]),
  prs_IdentityNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{5,20}$/)
    .optional(),
  prs_PrimaryLanguage: z.enum(local.local_Languages).optional(),
  prs_SecondaryLanguage: z.enum(local.local_Languages).optional(),
  prs_MaritalStatus: z.enum(htcds.prs_MaritalStatus).optional(),
  local_Contact: z.string().trim().min(1).max(300).optional().meta({ description: 'Telephone or other contact' }),
});

export const eventBody = z.strictObject({
  hte_Type: z.enum(htcds.hte_Type),
  hte_Country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  local_DivisionCode: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,32}$/)
    .optional(),
  hte_Date: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .optional(),
  local_EndDate: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/)
    .optional(),
  hte_City: z.string().trim().min(1).max(300).optional(),
  local_Means: many(htcds.vic_MethodsOfControl),
  vic_TypeOfExploitation: many(htcds.vic_TypeOfExploitation),
  hte_Description: z.string().trim().max(5000).optional(),
});

export const perpetratorBody = z.strictObject({
  per_FirstName: name(100).optional(),
  per_SecondName: name(200).optional(),
  per_Gender: z.enum(htcds.prs_Gender).optional(),
  per_Citizenship: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(3)
    .default([]),
  per_RelationshipToVictim: z.enum(htcds.vic_RelationshipToTrafficker).optional(),
  per_RoleInProcess: many(htcds.per_RoleInProcess),
  per_RoleDetails: z.string().trim().max(2000).optional(),
});

export const intakeBody = z.strictObject({
  draft: z.boolean().default(false),
  personId: z.uuid().optional().meta({ description: 'An existing person chosen from the duplicate candidates' }),
  person: personBody.optional(),
  division: scopeSchema,
  local_AgeAtIntake: z.number().int().min(0).max(120).optional(),
  local_IsMinor: z
    .boolean()
    .optional()
    .meta({ description: 'Known to be a child though the age is unknown (e.g. a report said so)' }),
  vic_AgeWhenTrafficked: z.number().int().min(0).max(120).optional(),
  vic_TypeOfExploitation: many(htcds.vic_TypeOfExploitation),
  vic_MethodOfRecruitment: many(htcds.vic_MethodOfRecruitment),
  vic_RelationshipToTrafficker: z.enum(htcds.vic_RelationshipToTrafficker).optional(),
  vic_MethodsOfControl: many(htcds.vic_MethodsOfControl),
  vic_ForcedLabourIndustry: many(htcds.vic_ForcedLabourIndustry),
  vic_TypeOfSexExploitation: many(htcds.vic_TypeOfSexExploitation),
  vic_Vulnerabilities: many(htcds.vic_Vulnerabilities),
  local_MonthsExploited: z.number().int().min(0).max(600).optional().meta({ description: 'Months in the situation' }),
  events: z.array(eventBody).max(20).default([]),
  perpetrators: z.array(perpetratorBody).max(10).default([]),
});
export type IntakeBody = z.infer<typeof intakeBody>;

export const candidatesBody = z.strictObject({
  prs_FirstName: z.string().trim().max(100).optional(),
  prs_Birthdate: z.iso.date().optional(),
  prs_SecondName: z.string().trim().max(200).optional(),
  local_BirthYear: z.number().int().min(1900).max(2100).optional(),
  prs_Gender: z.enum(htcds.prs_Gender).optional(),
  prs_IdentityNumber: z.string().trim().max(20).optional(),
});

export const decisionBody = z.strictObject({
  vic_TraffickingStatus: z.enum(htcds.vic_TraffickingStatus),
  vic_TraffickingStatusDecisionMakingOrg: z.enum(htcds.vic_TraffickingStatusDecisionMakingOrg),
  reason: z.string().trim().min(3).max(2000),
});
export const screeningBody = z.strictObject({
  type: z.enum(['labour', 'sexual']),
  indicators: z.array(z.string().max(60)).max(100),
});
export const consentBody = z.strictObject({
  scope: z.enum(local.local_ConsentScope),
  organisationId: z.uuid().optional(),
  givenBy: z.enum(local.local_ConsentGivenBy),
  giverName: z.string().trim().min(2).max(200).optional(),
  sections: z
    .array(z.enum(caseSections))
    .min(1)
    .max(caseSections.length)
    .optional()
    .meta({ description: 'Only these case sections may be shared (a referral gets what its purpose needs of them)' }),
});
export const safeguardsBody = z.strictObject({
  guardian: z.string().trim().min(3).max(1000).optional(),
  bestInterest: z.string().trim().min(3).max(5000).optional(),
});
export const commentBody = z.strictObject({ cco_CaseComment: z.string().trim().min(1).max(5000) });
export const closeBody = z.strictObject({
  cas_Status: z.enum(['Closed', 'ClosedReferred']),
  cas_ReasonForCaseClosure: z.string().trim().min(3).max(2000),
});

export const caseQuery = z.strictObject({
  status: z.enum(htcds.cas_Status).optional(),
  stage: z.enum(local.local_CaseStage).optional(),
  division: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,32}$/)
    .optional(),
  minor: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  traffickingStatus: z.enum(htcds.vic_TraffickingStatus).optional(),
  exploitation: z.enum(htcds.vic_TypeOfExploitation).optional(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}-\d{4}-\d{4}$/)
    .optional(),
  after: z.string().max(100).optional().meta({ description: 'Cursor from the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** Searching by a name goes in a request body, never in a URL. */
export const caseSearchBody = caseQuery
  .extend({ name: z.string().trim().min(2).max(100).optional(), limit: z.number().int().min(1).max(100).default(25) })
  .strict();

export const caseSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    status: z.string(),
    stage: z.string(),
    division: scopeSchema.extend({ label: z.string() }),
    isMinor: z.boolean(),
    ageAtIntake: z.number().nullable(),
    traffickingStatus: z.string().nullable(),
    exploitation: z.array(z.string()),
    assignedUserId: z.string().nullable(),
    openTasks: z.number(),
    overdueTasks: z.number(),
    createdAt: z.string(),
  })
  .meta({ id: 'CaseSummary' });
export const casePage = z.object({ items: z.array(caseSummary), next: z.string().nullable() }).meta({ id: 'CasePage' });
export const candidateSchema = z
  .object({
    personId: z.string(),
    strong: z.boolean().meta({ description: 'Same identity number, or the same names and exact date of birth' }),
    name: z.string(),
    birthYear: z.number().nullable(),
    gender: z.string().nullable(),
    score: z.number(),
    caseCodes: z.array(z.string()),
  })
  .meta({ id: 'DuplicateCandidate' });
