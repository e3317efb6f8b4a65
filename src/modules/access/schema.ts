import { z } from 'zod';

/** Sign-in form and request body; the web form validates with the same schema. */
export const signInBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});

export type SignInBody = z.infer<typeof signInBody>;
