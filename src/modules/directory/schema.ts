import { z } from 'zod';
import { providerKinds } from '../returns/vocabulary';

export { providerKinds };

/** Services: HTCDS spl_Type values, then local categories (local_). */
export const serviceTypes = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
  'local_Shelter',
  'local_Psychosocial',
  'local_FamilyReunification',
  'local_ReturnReintegration',
] as const;

export const providerBody = z.strictObject({
  name: z.string().trim().min(2).max(200),
  /** A service provider, an authority (e.g. a foreign child-protection authority) or a consulate. */
  kind: z.enum(providerKinds).default('service'),
  organisationId: z.uuid().nullable().default(null),
  country: z.string().regex(/^[A-Z]{2}$/),
  division: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,32}$/)
    .nullable()
    .default(null),
  services: z.array(z.enum(serviceTypes)).min(1).max(serviceTypes.length),
  minAge: z.number().int().min(0).max(120).nullable().default(null),
  maxAge: z.number().int().min(0).max(120).nullable().default(null),
  sexes: z.array(z.enum(['Feminine', 'Masculine', 'Any'])).default(['Any']),
  contact: z.string().trim().max(300).nullable().default(null),
  hours: z.string().trim().max(200).nullable().default(null),
});

export const providerPatch = providerBody.partial().extend({ active: z.boolean().optional() }).strict();

export const providerQuery = z.strictObject({
  service: z.enum(serviceTypes).optional(),
  kind: z.enum(providerKinds).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  division: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,32}$/)
    .optional(),
  age: z.coerce.number().int().min(0).max(120).optional(),
});

export const providerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(providerKinds),
    organisationId: z.string().nullable(),
    country: z.string(),
    division: z.string().nullable(),
    divisionLabel: z.string().nullable(),
    countryLabel: z.string(),
    services: z.array(z.string()),
    minAge: z.number().nullable(),
    maxAge: z.number().nullable(),
    sexes: z.array(z.string()),
    contact: z.string().nullable(),
    hours: z.string().nullable(),
    active: z.boolean(),
    abilities: z.object({ update: z.boolean() }).meta({ description: 'What the caller may do with this provider' }),
  })
  .meta({ id: 'Provider' });
