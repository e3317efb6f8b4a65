import { z } from 'zod';
import { caseDetailSchema } from '../cases/schema';

export const deviceBody = z.strictObject({
  name: z.string().trim().min(1).max(120).meta({ description: 'What the person calls the device' }),
});

export const policySchema = z
  .object({
    lockMinutes: z.number().meta({ description: 'The copy locks after this many idle minutes' }),
    maxAttempts: z.number().meta({ description: 'Wrong passphrases before the copy is erased' }),
    keepDays: z.number().meta({ description: 'Days without reaching the server before the copy erases itself' }),
  })
  .meta({ id: 'FieldPolicy' });

export const deviceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    userName: z.string(),
    own: z.boolean(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    lastSyncAt: z.string().nullable(),
    casesHeld: z.number(),
    state: z.enum(['active', 'revoked', 'erased']),
    revokedAt: z.string().nullable(),
    erasedAt: z.string().nullable(),
  })
  .meta({ id: 'FieldDevice' });

/** The secret a device was given at registration, shown when it asks without a session. */
export const deviceSecret = z.object({
  'x-minka-device-secret': z.string().max(100).optional().meta({ description: 'The secret given at registration' }),
});

export const deviceState = z.object({ state: z.enum(['active', 'revoked']) }).meta({ id: 'FieldDeviceState' });

export const markedSchema = z.object({ caseIds: z.array(z.string()) }).meta({ id: 'FieldCases' });

export const packageSchema = z
  .object({
    at: z.string(),
    cases: z.array(caseDetailSchema),
    divisions: z.array(
      z.object({ code: z.string(), label: z.string(), level: z.number(), parentLabel: z.string().nullable() }),
    ),
    policy: policySchema,
  })
  .meta({ id: 'FieldPackage' });
