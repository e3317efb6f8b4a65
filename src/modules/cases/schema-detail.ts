import { z } from 'zod';
import { caseSections } from './sections';

// The case as GET /api/cases/{id} returns it: one typed contract for the API, OpenAPI and the web client.

const nullableText = z.string().nullable();

export const screeningResultSchema = z
  .object({
    configId: z.string(),
    version: z.string(),
    audience: z.enum(['adult', 'child']),
    type: z.enum(['labour', 'sexual']),
    dimensions: z.record(
      z.string(),
      z.object({ strong: z.number(), medium: z.number(), weak: z.number(), positive: z.boolean() }),
    ),
    suggestedStatus: z.string().nullable(),
    unknownIndicators: z.array(z.string()),
  })
  .meta({ id: 'ScreeningResult' });

export const caseDetailSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    status: z.string(),
    stage: z.string(),
    division: z.object({ country: z.string(), code: z.string(), label: z.string() }),
    isMinor: z.boolean(),
    ageAtIntake: z.number().nullable(),
    vic_AgeWhenTrafficked: z.number().nullable(),
    version: z.number().meta({ description: "The case record's version, to base a change on" }),
    anonymisedAt: z.string().nullable().optional().meta({
      description: 'When the case was anonymised (erasure or retention): its personal data is gone, no change is taken',
    }),
    person: z.object({
      id: z.string(),
      version: z.number(),
      prs_FirstName: nullableText,
      prs_SecondName: nullableText,
      prs_Birthdate: nullableText,
      prs_IdentityNumber: nullableText,
      local_BirthYear: z.number().nullable(),
      prs_Gender: nullableText,
      local_Ethnicity: nullableText,
      local_Languages: z.array(z.string()),
      prs_PrimaryLanguage: nullableText,
      prs_SecondaryLanguage: nullableText,
      prs_MaritalStatus: nullableText,
      prs_Citizenship: z.array(z.string()),
      local_Contact: nullableText,
    }),
    missing: z.array(z.string()).meta({ description: 'What a draft still needs before it can open' }),
    suggestions: z
      .object({ vic_TypeOfExploitation: z.array(z.string()).optional() })
      .meta({ description: 'What a report suggested, until a caseworker confirms or dismisses it' }),
    mergedFrom: nullableText.meta({ description: 'The person this case belonged to before a merge (to undo it)' }),
    duplicates: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        birthYear: z.number().nullable(),
        caseCodes: z.array(z.string()),
      }),
    ),
    assignedUser: z.object({ id: z.string(), name: z.string() }).nullable(),
    vic_Vulnerabilities: z.array(z.string()),
    vic_RecruitmentWebsitesAndApps: z.array(z.string()),
    vic_ExploitationWebsitesAndApps: z.array(z.string()),
    vic_DetailsOfVulnerabilities: nullableText,
    local_ReferredBy: nullableText.meta({ description: 'Who referred the case from outside Minka' }),
    local_ReferredOn: nullableText,
    local_ReferralReason: nullableText,
    local_ReferralDetails: nullableText,
    vic_TraffickingStatus: nullableText,
    vic_TraffickingStatusDecisionMakingOrg: nullableText,
    decisionReason: nullableText,
    vic_TypeOfExploitation: z.array(z.string()),
    vic_MethodOfRecruitment: z.array(z.string()),
    vic_RelationshipToTrafficker: nullableText,
    vic_MethodsOfControl: z.array(z.string()),
    vic_ForcedLabourIndustry: z.array(z.string()),
    vic_TypeOfSexExploitation: z.array(z.string()),
    local_MonthsExploited: z.number().nullable(),
    guardian: nullableText,
    bestInterest: nullableText,
    tasks: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        authority: nullableText,
        dueAt: z.string(),
        doneAt: nullableText,
        overdue: z.boolean().meta({ description: 'Open past its due date, by the server’s business clock' }),
        note: nullableText,
        outcome: nullableText.meta({ description: 'What the follow-up found, written when it was marked done' }),
      }),
    ),
    events: z.array(
      z.object({
        id: z.string(),
        version: z.number(),
        hte_Type: z.string(),
        hte_Country: nullableText,
        local_DivisionCode: nullableText,
        placeLabel: nullableText,
        hte_City: nullableText,
        hte_Date: nullableText,
        local_EndDate: nullableText,
        local_Means: z.array(z.string()),
        vic_TypeOfExploitation: z.array(z.string()),
        hte_Description: nullableText,
      }),
    ),
    perpetrators: z.array(
      z.object({
        id: z.string(),
        version: z.number(),
        per_FirstName: nullableText,
        per_SecondName: nullableText,
        per_Gender: nullableText,
        per_Citizenship: z.array(z.string()),
        per_RelationshipToVictim: nullableText,
        per_RoleInProcess: z.array(z.string()),
        per_RoleDetails: nullableText,
      }),
    ),
    comments: z.array(
      z.object({ id: z.string(), authorUserId: z.string(), createdAt: z.string(), cco_CaseComment: z.string() }),
    ),
    consents: z.array(
      z.object({
        id: z.string(),
        scope: z.string(),
        organisationId: nullableText,
        givenBy: z.string(),
        giverName: nullableText,
        givenAt: z.string(),
        withdrawnAt: nullableText,
        sections: z
          .array(z.enum(caseSections))
          .nullable()
          .meta({ description: 'The case sections this consent covers; null = all a referral needs' }),
      }),
    ),
    screening: z
      .object({
        createdAt: z.string(),
        version: z.string(),
        indicators: z.array(z.string()),
        result: screeningResultSchema,
      })
      .nullable(),
    safeguardsMissing: z.array(z.string()),
    cas_ReferredOrganisation: nullableText,
    local_ReferredProvider: nullableText,
    cas_ReferredPrimaryCaseWorker: nullableText,
    cas_OutgoingReferralDate: nullableText,
    cas_ReasonForOutgoingReferral: nullableText,
    cas_OutgoingReferralDetails: nullableText,
    cas_ReferringOrganisation: nullableText,
    cas_IncomingReferralDate: nullableText,
    cas_ReferringPrimaryCaseWorker: nullableText,
    cas_ReasonForIncomingReferral: nullableText,
    cas_IncomingReferralDetails: nullableText,
    sharing: z
      .object({
        sections: z.array(z.enum(caseSections)),
        via: z.array(z.enum(['referral', 'agreement'])),
        services: z.array(z.string()).meta({ description: "The referrals' purposes (services asked for)" }),
      })
      .nullable()
      .meta({
        description:
          'For a receiver: the sections shared (the others are empty) and what shared them; null for the case owner',
      }),
    abilities: z.object({
      update: z.boolean(),
      edit: z.boolean(),
      decide: z.boolean(),
      close: z.boolean(),
      consent: z.boolean(),
      restore: z.boolean(),
      merge: z.boolean(),
    }),
  })
  .meta({ id: 'CaseDetail', description: 'The case with decrypted personal fields (audited)' });

export type CaseDetail = z.infer<typeof caseDetailSchema>;
