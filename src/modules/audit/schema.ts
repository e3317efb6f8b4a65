import { z } from 'zod';

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
    action: z.string(),
    recordType: z.string().nullable(),
    recordId: z.string().nullable(),
    fields: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const verifySchema = z
  .object({
    ok: z.boolean(),
    checked: z.number(),
    firstBroken: z.object({ id: z.number(), reason: z.string() }).optional(),
  })
  .meta({ id: 'AuditVerification' });
