import { z } from 'zod';

/** The one error shape every route documents. */
export const errorSchema = z
  .object({
    code: z.string().meta({ description: 'Stable machine-readable code' }),
    message: z.string().meta({ description: 'Explanation in the request language' }),
  })
  .meta({ id: 'Error' });
