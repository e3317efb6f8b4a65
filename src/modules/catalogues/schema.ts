import { z } from 'zod';
import { authorityKinds, catalogueLists, deciders } from './vocabulary';

/** The numbers and flags each list's entries carry (validated on every write). */
export const catalogueData = {
  measure_type: z.strictObject({
    decidedBy: z.enum(deciders),
    /** Days within which a judge must ratify the measure, or null when no ratification applies. */
    ratificationDays: z.number().int().min(1).max(365).nullable(),
    /** Days from the start to the first review. */
    reviewDays: z.number().int().min(1).max(730),
  }),
  authority: z.strictObject({ kind: z.enum(authorityKinds) }),
  deadline: z.strictObject({
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 365),
  }),
  offence: z.strictObject({ trafficking: z.boolean() }),
  proceeding_stage: z.strictObject({
    order: z.number().int().min(1).max(99),
    /** Reaching this stage means the suspect is prosecuted (charges were filed). */
    prosecuted: z.boolean(),
  }),
  visit_schedule: z.strictObject({ months: z.array(z.number().int().min(1).max(60)).min(1).max(12) }),
} as const;

export const catalogueListParam = z.strictObject({ list: z.enum(catalogueLists) });

/** An entry as the API shows it: the label in the reader's language, the legal source and the list's numbers. */
export const catalogueEntrySchema = z
  .object({
    list: z.string(),
    key: z.string(),
    label: z.string(),
    labels: z.object({ es: z.string(), en: z.string(), 'qu-EC': z.string() }),
    source: z.string(),
    data: z.record(z.string(), z.unknown()),
    active: z.boolean(),
    position: z.number(),
  })
  .meta({ id: 'CatalogueEntry' });
