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

/** A new entry's key: lower-case letters, digits and underscores (kept short: the audit names `<list>:<key>`). */
const entryKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);
const labelText = z.string().trim().min(1).max(200);
const sourceText = z.string().trim().min(1).max(300);

export const catalogueEntryParam = z.strictObject({
  list: z.enum(catalogueLists),
  entry: z.string().min(1).max(60),
});

/** A new entry: Spanish label and legal source required; the numbers are checked against the list's own rules. */
export const catalogueEntryCreateBody = z.strictObject({
  key: entryKey,
  labels: z.strictObject({ es: labelText, en: labelText.optional(), 'qu-EC': labelText.optional() }),
  source: sourceText,
  data: z.record(z.string(), z.unknown()),
  position: z.number().int().min(1).max(999).optional(),
});

/**
 * A change to an entry: only what is given changes. A label set to null goes back to the shipped wording (English
 * and Kichwa only: a Spanish label is always there). Entries are never deleted: `active: false` retires one.
 */
export const catalogueEntryPatchBody = z.strictObject({
  labels: z
    .strictObject({
      es: labelText.optional(),
      en: labelText.nullable().optional(),
      'qu-EC': labelText.nullable().optional(),
    })
    .optional(),
  source: sourceText.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  position: z.number().int().min(1).max(999).optional(),
  active: z.boolean().optional(),
});
export type CatalogueEntryCreate = z.infer<typeof catalogueEntryCreateBody>;
export type CatalogueEntryPatch = z.infer<typeof catalogueEntryPatchBody>;
