import { z } from 'zod';
import { serviceTypes } from '../directory/schema';

/** HTCDS picklist for cas_ReasonForOutgoingReferral and cas_ReasonForIncomingReferral. */
export const referralReasons = ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'] as const;

export const referralBody = z
  .strictObject({
    providerId: z.uuid().optional(),
    toOrgId: z.uuid().optional(),
    toUserId: z.uuid().optional().meta({
      description: 'A named caseworker of the receiving organisation (alone, or with its provider or organisation)',
    }),
    services: z.array(z.enum(serviceTypes)).min(1).max(serviceTypes.length),
    reason: z.enum(referralReasons).default('AdditionalServicesRequired'),
    details: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .meta({ description: 'Arrangements and logistics for the receiver (HTCDS referral details)' }),
    override: z
      .strictObject({ reason: z.string().trim().min(10).max(1000) })
      .optional()
      .meta({ description: 'Supervisors only: refer without consent, with the reason (audited)' }),
  })
  .refine((b) => (b.providerId && b.toOrgId ? false : Boolean(b.providerId || b.toOrgId || b.toUserId)), {
    message: 'give one of providerId or toOrgId, or a toUserId',
    path: ['providerId'],
  });

export const respondBody = z.strictObject({
  accept: z.boolean(),
  reason: z.string().trim().min(3).max(1000).optional(),
});
export const deliverBody = z.strictObject({
  service: z.enum(serviceTypes),
  notes: z.string().trim().max(2000).optional(),
});

export const referralSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseCode: z.string(),
    providerId: z.string().nullable(),
    toOrgId: z.string().nullable(),
    toUserId: z.string().nullable(),
    services: z.array(z.string()),
    delivered: z.array(z.object({ service: z.string(), deliveredAt: z.string() })),
    status: z.enum(['sent', 'accepted', 'declined', 'revoked', 'completed']),
    consentOverride: z.boolean(),
    createdAt: z.string(),
    fromOrgName: z.string().nullable(),
    toName: z.string().nullable(),
    htcds: z
      .object({
        cas_ReferringOrganisation: z.string().nullable(),
        cas_IncomingReferralDate: z.string().nullable(),
        cas_ReferringPrimaryCaseWorker: z.string(),
        cas_ReasonForIncomingReferral: z.string(),
        cas_IncomingReferralDetails: z.string().nullable(),
        cas_ReferredOrganisation: z.string().nullable(),
        local_ReferredProvider: z.string().nullable(),
        cas_ReferredPrimaryCaseWorker: z.string().nullable(),
        cas_OutgoingReferralDate: z.string(),
        cas_ReasonForOutgoingReferral: z.string(),
        cas_OutgoingReferralDetails: z.string().nullable(),
      })
      .meta({ description: 'HTCDS cas_ incoming (receiver) and outgoing (sender) referral fields' }),
    abilities: z
      .object({ respond: z.boolean(), deliver: z.boolean(), revoke: z.boolean() })
      .meta({ description: 'What the caller may do with this referral' }),
  })
  .meta({ id: 'Referral' });

/** A person who can receive a referral by name. */
export const receiverSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'ReferralReceiver' });
