import type { FastifyReply, FastifyRequest } from 'fastify';
import pino, { type LoggerOptions } from 'pino';

// Personal fields and secrets, wherever they sit in a logged object, are replaced before writing.
const sensitive = [
  'password',
  'newPassword',
  'token',
  'secret',
  'totp',
  'receipt',
  'name',
  'names',
  'firstName',
  'lastName',
  'givenName',
  'familyName',
  'birthDate',
  'dateOfBirth',
  'identityNumber',
  'phone',
  'email',
  'address',
  'narrative',
  'description',
  'notes',
  // The field names the API really uses for people and their stories.
  'prs_FirstName',
  'prs_SecondName',
  'prs_Birthdate',
  'prs_IdentityNumber',
  'identityNumber',
  'hte_Description',
  'per_RoleDetails',
  'cco_CaseComment',
  'giverName',
  'guardian',
  'bestInterest',
  'reason',
  'cas_ReasonForCaseClosure',
  // Protection workflow: referral arrangements, plans of support, the legal process, review comments.
  'details',
  'cas_IncomingReferralDetails',
  'cas_OutgoingReferralDetails',
  'comment',
  'reviewComment',
  'spl_Objectives',
  'spl_ActionPlan',
  'fileNumber',
  'outcome',
  'protectionMeasures',
  'decisionReason',
  'what',
  'placeText',
  'whenText',
  'contact',
  'urn',
  'body',
  'receipt',
];

const sensitiveFields = new Set(sensitive);
const censor = '[redacted]';

/** Where pino itself redacts: headers and settings that hold secrets, and a personal field at the top of a line. */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'config.DATABASE_URL',
  ...sensitiveFields,
];

/** The object with its personal fields replaced (a copy when there are any), as pino's `*.field` paths would. */
function withoutPersonalFields<T>(value: T): T {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(value)) {
    if (!sensitiveFields.has(key)) continue;
    out ??= { ...(value as Record<string, unknown>) };
    out[key] = censor;
  }
  return (out ?? value) as T;
}

/** Personal fields one level down in each value of a log line or of a child logger's bindings (skipping `skip`'s keys). */
function secondLevel(obj: Record<string, unknown>, skip: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(obj)) {
    if (key in skip) continue;
    const value = obj[key];
    const clean = withoutPersonalFields(value);
    if (clean === value) continue;
    out ??= { ...obj };
    out[key] = clean;
  }
  return out ?? obj;
}

/**
 * Pino options: JSON lines, redaction of personal fields and secrets, no IP or query string in request logs.
 * A personal field is replaced at the top of a line and one level down (`{ person: { phone } }`, an error's own
 * fields). The level below is done here rather than with pino's `*.field` paths, which run the redaction over every
 * value of every line and of every request's child logger even when nothing is logged: a tenth of a small answer.
 */
export function loggerOptions(level: string): LoggerOptions {
  const serializers = {
    req: (req: FastifyRequest) => ({
      method: req.method,
      // Query strings can carry search terms about people; the route path is enough to debug.
      url: (req.url ?? '').split('?')[0],
      route: req.routeOptions?.url,
    }),
    res: (res: FastifyReply) => ({ statusCode: res.statusCode }),
    err: (err: Error) => withoutPersonalFields(pino.stdSerializers.err(err)),
  };
  return {
    level,
    redact: { paths: redactPaths, censor },
    serializers,
    formatters: {
      // req and res are built field by field above; err's own fields are redacted by its serializer.
      log: (obj) => secondLevel(obj, serializers),
    },
    // A child logger's bindings are written once, as JSON text; only text holding an object can hold a field below.
    onChild: (child) => {
      const written = (child as unknown as Record<symbol, string>)[pino.symbols.chindingsSym] ?? '';
      if (!written.includes('{')) return;
      const all = child.bindings();
      const clean = secondLevel(all, {});
      if (clean !== all)
        (child as unknown as Record<symbol, string>)[pino.symbols.chindingsSym] =
          `,${JSON.stringify(clean).slice(1, -1)}`;
    },
  };
}
