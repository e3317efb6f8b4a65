import { z } from 'zod';

/** Why verification stops at an entry (chain.ts); the web app words each code. */
export const breakCodes = [
  'missing',
  'out_of_order',
  'link',
  'changed',
  'downgraded',
  'unknown_key',
  'truncated',
  'checkpoint_mismatch',
] as const;

/** Why a checkpoint file does not count (checkpoints.ts), as a stable code. */
export const checkpointProblemCodes = ['bad_signature', 'unreadable', 'unknown_signing_key'] as const;

export const auditQuery = z.strictObject({
  recordType: z.string().max(40).optional(),
  recordId: z.string().max(64).optional(),
  actorUserId: z.uuid().optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorOrgId: z.string().nullable(),
    actorName: z.string().nullable().meta({ description: "the acting person's name; null for the system" }),
    actorOrganisation: z.string().nullable(),
    action: z.string(),
    recordType: z.string().nullable(),
    recordId: z.string().nullable(),
    recordName: z
      .string()
      .nullable()
      .meta({ description: "a case's code, a user's or organisation's name; null when the record has none" }),
    fields: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    hash: z.string(),
    keyId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditPersonSchema = z
  .object({ id: z.string(), name: z.string(), organisation: z.string().nullable() })
  .meta({ id: 'AuditPerson' });

export const verifySchema = z
  .object({
    ok: z.boolean(),
    checked: z.number(),
    legacy: z.number().meta({ description: 'entries from before the keyed chain (plain SHA-256)' }),
    keyedFrom: z.number().nullable().meta({ description: 'first entry chained with the keyed MAC' }),
    firstBroken: z
      .object({
        id: z.number(),
        at: z.string().nullable(),
        code: z.enum(breakCodes),
        reason: z.string(),
      })
      .optional(),
    checkpoints: z.object({
      checked: z.number().meta({ description: 'well-signed checkpoints whose head is still in the chain' }),
      latest: z.object({ entryId: z.number(), signedAt: z.string() }).nullable(),
      problems: z.array(
        z.object({
          file: z.string(),
          code: z.enum(checkpointProblemCodes),
          reason: z.string(),
        }),
      ),
    }),
  })
  .meta({ id: 'AuditVerification' });
