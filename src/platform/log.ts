import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

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

export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'config.DATABASE_URL',
  ...sensitive.flatMap((k) => [k, `*.${k}`]),
];

/** Pino options: JSON lines, redaction of personal fields and secrets, no IP or query string in request logs. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        // Query strings can carry search terms about people; the route path is enough to debug.
        url: (req.url ?? '').split('?')[0],
        route: req.routeOptions?.url,
      }),
      res: (res: FastifyReply) => ({ statusCode: res.statusCode }),
    },
  };
}
