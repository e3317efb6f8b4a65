import { z } from 'zod';

/** The one error shape every route documents. */
export const errorSchema = z
  .object({
    code: z.string().meta({ description: 'Stable machine-readable code' }),
    message: z.string().meta({ description: 'Explanation in the request language' }),
    fields: z
      .array(
        z.object({
          path: z.string().meta({ example: 'body.scope.code' }),
          problem: z.string().meta({ description: 'What is wrong, in machine terms (with the allowed values)' }),
          message: z.string().optional().meta({ description: 'What is wrong, in words, for the field on screen' }),
        }),
      )
      .optional()
      .meta({ description: 'For validation_failed: each refused value' }),
  })
  .meta({ id: 'Error' });
