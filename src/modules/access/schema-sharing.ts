import { z } from 'zod';
import { caseSections } from '../cases/vocabulary';

const day = z.iso.date();

export const sharingAgreementBody = z
  .strictObject({
    fromOrgId: z.uuid().meta({ description: 'The organisation that owns the cases' }),
    toOrgId: z.uuid().meta({ description: 'The organisation that may read them' }),
    sections: z.array(z.enum(caseSections)).min(1).max(caseSections.length),
    places: z
      .array(z.string().regex(/^[0-9A-Za-z]{1,12}$/))
      .min(1)
      .max(50)
      .meta({ description: 'Division codes: cases in one of them or below are covered' }),
    startsOn: day,
    endsOn: day.meta({ description: 'The day the agreement stops applying' }),
    legalBasis: z.string().trim().min(3).max(2000).meta({ description: 'Legal basis and notes' }),
  })
  .refine((b) => b.endsOn > b.startsOn, { message: 'endsOn must be after startsOn', path: ['endsOn'] })
  .refine((b) => b.fromOrgId !== b.toOrgId, { message: 'two different organisations', path: ['toOrgId'] });

export const sharingAgreementSchema = z
  .object({
    id: z.string(),
    fromOrg: z.object({ id: z.string(), name: z.string() }),
    toOrg: z.object({ id: z.string(), name: z.string() }),
    sections: z.array(z.enum(caseSections)),
    places: z.array(z.object({ code: z.string(), label: z.string() })),
    startsOn: z.string(),
    endsOn: z.string(),
    legalBasis: z.string(),
    createdAt: z.string(),
    endedAt: z.string().nullable(),
    state: z.enum(['upcoming', 'running', 'ended']),
    abilities: z.object({ end: z.boolean() }),
  })
  .meta({ id: 'SharingAgreement', description: 'A data-sharing agreement between two organisations' });
