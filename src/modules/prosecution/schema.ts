import { z } from 'zod';
import { hearingKinds, outcomes } from './vocabulary';

// The prosecution API's bodies and answers: route validation, OpenAPI and the web forms read these.

const day = z.iso.date();
const key = z.string().trim().min(1).max(60);
const amount = z.number().min(0).max(100_000_000);

export const complaintParams = z.strictObject({ id: z.uuid(), sub: z.uuid() });

export const complaintCreate = z.strictObject({
  filedOn: day,
  /** The institution that filed it: an organisation of the installation, or its name as text. */
  institutionOrgId: z.uuid().optional(),
  institution: z.string().trim().min(2).max(200).optional(),
  /** The prosecutor's office: an organisation of the installation, or its name as text. */
  prosecutorOrgId: z.uuid().optional(),
  prosecutorOffice: z.string().trim().min(2).max(200).optional(),
  fileNumber: z.string().trim().min(1).max(60).optional(),
  /** A `proceeding_stage` key; the first stage of the catalogue when left out. */
  stage: key.optional(),
});

export const complaintPatch = z.strictObject({
  filedOn: day.optional(),
  institutionOrgId: z.uuid().nullable().optional(),
  institution: z.string().trim().min(2).max(200).nullable().optional(),
  prosecutorOrgId: z.uuid().nullable().optional(),
  prosecutorOffice: z.string().trim().min(2).max(200).nullable().optional(),
  fileNumber: z.string().trim().min(1).max(60).nullable().optional(),
});

export const stageBody = z.strictObject({ stage: key, reachedOn: day });

/** The charges against one of the case's perpetrators (linked as a suspect): the whole set of offences. */
export const chargesBody = z.strictObject({
  perpetratorId: z.uuid(),
  offences: z.array(key).max(20),
});

export const hearingBody = z.strictObject({
  heldOn: day,
  kind: z.enum(hearingKinds),
  result: z.string().trim().min(1).max(4000).optional(),
});

export const outcomeBody = z.strictObject({
  outcome: z.enum(outcomes),
  outcomeOn: day,
  sentenceMonths: z.number().int().min(0).max(1200).optional(),
  fineAmount: amount.optional(),
  reparation: z.string().trim().min(1).max(4000).optional(),
  reparationAmount: amount.optional(),
  /** Per suspect, when their outcomes differ from the complaint's. */
  suspects: z
    .array(
      z.strictObject({
        suspectId: z.uuid(),
        outcome: z.enum(outcomes),
        sentenceMonths: z.number().int().min(0).max(1200).optional(),
        fineAmount: amount.optional(),
      }),
    )
    .max(50)
    .optional(),
});

const catalogueRef = z.object({ key: z.string(), label: z.string(), source: z.string() });

export const prosecutionView = z
  .object({
    complaints: z.array(
      z.object({
        id: z.string(),
        filedOn: z.string(),
        institution: z.string().nullable(),
        institutionOrgId: z.string().nullable(),
        prosecutorOffice: z.string().nullable(),
        prosecutorOrgId: z.string().nullable(),
        fileNumber: z.string().nullable(),
        stage: catalogueRef.extend({ prosecuted: z.boolean() }),
        chargedOn: z.string().nullable(),
        outcome: z.enum(outcomes).nullable(),
        outcomeOn: z.string().nullable(),
        sentenceMonths: z.number().nullable(),
        fineAmount: z.number().nullable(),
        reparation: z.string().nullable(),
        reparationAmount: z.number().nullable(),
        stages: z.array(
          catalogueRef.extend({ id: z.string(), reachedOn: z.string(), recordedBy: z.string().nullable() }),
        ),
        suspects: z.array(
          z.object({
            id: z.string(),
            perpetratorId: z.string(),
            /** The perpetrator's name when the reader sees the case's perpetrators; null otherwise. */
            name: z.string().nullable(),
            /** The perpetrator is no longer in the case record. */
            removed: z.boolean(),
            outcome: z.enum(outcomes).nullable(),
            sentenceMonths: z.number().nullable(),
            fineAmount: z.number().nullable(),
            charges: z.array(catalogueRef.extend({ id: z.string(), trafficking: z.boolean() })),
          }),
        ),
        hearings: z.array(
          z.object({
            id: z.string(),
            heldOn: z.string(),
            kind: z.enum(hearingKinds),
            result: z.string().nullable(),
          }),
        ),
      }),
    ),
    /** The case's perpetrators a suspect is chosen from (names only for readers of the perpetrators section). */
    perpetrators: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
    abilities: z.object({ write: z.boolean() }),
  })
  .meta({ id: 'Prosecution' });

export type ProsecutionView = z.infer<typeof prosecutionView>;
export type ComplaintCreate = z.infer<typeof complaintCreate>;
export type ComplaintPatch = z.infer<typeof complaintPatch>;
export type OutcomeBody = z.infer<typeof outcomeBody>;
