import { z } from 'zod';
import { countryCode, divisionCode } from '../geo/schema';
import { organisationTypes, permissions } from './permissions';

const email = z.email().max(254);
const totpCode = z.string().regex(/^\d{6}$/, 'six digits');

/** Sign-in request body (the web form repeats its few rules so the first page loads no validation library). */
export const signInBody = z.strictObject({
  email,
  password: z.string().min(1).max(1024),
  totp: totpCode.optional(),
  recoveryCode: z
    .string()
    .regex(/^[a-z0-9]{4}-?[a-z0-9]{4}$/i)
    .optional(),
  /** Keep the session cookie after the browser closes (until the session's own limit); off = ends with the browser. */
  remember: z.boolean().optional(),
});
export type SignInBody = z.infer<typeof signInBody>;

/** The password rule shown to people: 12 to 256 characters, not a common password, not the e-mail. */
export const newPassword = z.string().min(12).max(256);

export const acceptTokenBody = z.strictObject({ token: z.string().min(20).max(200), password: newPassword });
/** The interface languages; a person's choice decides the language of their e-mails. */
export const interfaceLanguage = z.enum(['es', 'en', 'qu-EC']);
export const languageBody = z.strictObject({ language: interfaceLanguage });
export const changePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword });
export const totpConfirmBody = z.strictObject({ code: totpCode });

export const scopeSchema = z.object({ country: countryCode, code: divisionCode });
export const roleKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);
export const idParam = z.strictObject({ id: z.uuid() });

export const abilitiesSchema = z
  .record(z.string(), z.boolean())
  .meta({ description: 'What the caller may do with this record' });

export const sessionUserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }),
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
    scope: scopeSchema,
    secondFactor: z.enum(['enabled', 'not_required', 'enrolment_required']),
  })
  .meta({ id: 'SessionUser' });

export const sessionSchema = z
  .object({ user: sessionUserSchema, csrfToken: z.string(), expiresAt: z.string(), idleMinutes: z.number() })
  .meta({ id: 'Session' });

export const organisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    division: scopeSchema,
    active: z.boolean(),
    abilities: abilitiesSchema,
  })
  .meta({ id: 'Organisation' });

export const organisationBody = z.strictObject({
  name: z.string().trim().min(2).max(200),
  type: z.enum(organisationTypes),
  division: scopeSchema,
});
export const organisationPatch = organisationBody.partial().extend({ active: z.boolean().optional() }).strict();

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    identityNumber: z.string().nullable(),
    organisationId: z.string(),
    roles: z.array(z.string()),
    scope: scopeSchema,
    status: z.enum(['invited', 'active', 'deactivated']),
    secondFactor: z.boolean(),
    lastSignInAt: z.string().nullable(),
    abilities: abilitiesSchema,
  })
  .meta({ id: 'User' });

export const userListItemSchema = userSchema.omit({ identityNumber: true }).meta({ id: 'UserListItem' });

export const inviteBody = z.strictObject({
  email,
  name: z.string().trim().min(2).max(200),
  identityNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{5,20}$/)
    .optional(),
  organisationId: z.uuid(),
  roles: z.array(roleKey).min(1).max(8),
  scope: scopeSchema,
  /** The language the person reads: the invitation and later e-mails are written in it. */
  language: interfaceLanguage.optional(),
});

export const userPatch = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  identityNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{5,20}$/)
    .nullable()
    .optional(),
  roles: z.array(roleKey).min(1).max(8).optional(),
  scope: scopeSchema.optional(),
});

export const userQuery = z.strictObject({ organisationId: z.uuid().optional() });
/** Looking a user up by identity number goes in a request body, never in a URL. */
export const userSearchBody = z.strictObject({
  identityNumber: z.string().trim().min(5).max(20),
  organisationId: z.uuid().optional(),
});

export const linkSchema = z
  .object({ url: z.string(), expiresAt: z.string(), emailed: z.boolean() })
  .meta({ id: 'OneTimeLink', description: 'Shown once to the administrator; only its hash is stored' });

export const sessionInfoSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    current: z.boolean(),
  })
  .meta({ id: 'SessionInfo' });

export const roleSchema = z
  .object({
    key: z.string(),
    label: z.string().nullable(),
    system: z.boolean(),
    permissions: z.array(z.string()),
    requiresSecondFactor: z.boolean(),
  })
  .meta({ id: 'Role' });

export const rolePut = z.strictObject({
  label: z.string().trim().min(2).max(100).nullable().optional(),
  permissions: z.array(z.enum(permissions)).max(permissions.length),
});

export const roleCreate = rolePut.extend({ key: roleKey }).strict();

export const totpSetupSchema = z
  .object({ secret: z.string(), uri: z.string(), qrSvg: z.string() })
  .meta({ id: 'TotpSetup' });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export const okSchema = z.object({ ok: z.literal(true) });
export const demoInfoSchema = z
  .object({
    password: z.string(),
    totpSecret: z.string(),
    users: z.array(z.object({ email: z.string(), role: z.string(), scope: z.string() })),
  })
  .meta({ id: 'DemoInfo' });
