import { z } from 'zod';
import { languages } from '../../platform/i18n/index';

/** The `lang` query of the notice routes (one of the installation's languages; default: the request's). */
export const noticeQuery = z.object({ lang: z.enum(languages).optional() });

/** The privacy notice / record of processing as the API answers it: labels in the asked language, codes beside. */
export const noticeSchema = z.object({
  language: z.enum(languages),
  controller: z.object({ name: z.string(), contact: z.string() }),
  dpoContact: z.string(),
  purposes: z.array(z.object({ module: z.string(), what: z.string(), basis: z.string() })),
  categories: z.array(
    z.object({
      category: z.string(),
      label: z.string(),
      /** Where the category is kept: the table, and its name for a reader. */
      tables: z.array(z.object({ table: z.string(), label: z.string() })),
    }),
  ),
  recipients: z.array(z.string()),
  transfers: z.string(),
  retention: z.array(z.object({ recordType: z.string(), label: z.string(), period: z.string(), action: z.string() })),
  rights: z.array(z.object({ right: z.string(), label: z.string(), article: z.number().int().nullable() })),
  howToExercise: z.string(),
});
