import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { label } from '../../shared/labels/index';
import { requestLanguage, t } from '../i18n/index';

/** An error a person can act on: HTTP status, a stable code, and a message key in the i18n catalogue. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    /** Message parameters; a function is given the reader's language (e.g. to name fields by their labels). */
    readonly params: Record<string, string | number | ((lang: string) => string)> = {},
    /** Structured detail the caller can act on (e.g. both values of an edit conflict), sent beside the message. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const badRequest = (code: string, params?: Record<string, string | number>) => new AppError(400, code, params);

export interface ErrorBody {
  code: string;
  message: string;
  /** Each refused value: where (`body.scope.code`), what in machine terms, and what in words. */
  fields?: { path: string; problem: string; message?: string }[];
  [detail: string]: unknown;
}

// Fastify's own error codes mapped to ours; anything else that is 4xx keeps a generic code.
const fastifyCodes: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_content_length'],
  FST_ERR_BAD_URL: [400, 'bad_url'],
};

function describeValidation(err: FastifyError): ErrorBody['fields'] {
  if (!hasZodFastifySchemaValidationErrors(err)) return undefined;
  return err.validation.map((v) => {
    const where = err.validationContext ?? 'body';
    const p = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = Array.isArray(v.params.keys) ? ` (${(v.params.keys as string[]).join(', ')})` : '';
    // A picklist error names the allowed values, so the caller can correct it.
    const allowed = Array.isArray(v.params.values) ? ` (allowed: ${(v.params.values as string[]).join(', ')})` : '';
    return { path: p ? `${where}.${p}` : where, problem: `${v.keyword}${keys}${allowed}` };
  });
}

/** A field's name in the reader's language when it is a recorded field (HTCDS and Minka's own), else ''. */
function fieldName(lang: string, path: string): string {
  const segment =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .at(-1) ?? '';
  const name = label(lang, 'fields', segment);
  return name === segment ? '' : name;
}

/** What is wrong with one value, in words: missing, too long, not one of the options… */
function fieldMessage(lang: string, f: { path: string; problem: string }): string {
  const keyword = f.problem.split(' ')[0] ?? '';
  const known = ['invalid_type', 'too_small', 'too_big', 'invalid_value', 'invalid_format', 'unrecognized_keys'];
  const problem = t(lang, `validation.${known.includes(keyword) ? keyword : 'other'}`);
  const name = fieldName(lang, f.path);
  return name ? `${name}: ${problem}` : problem;
}

/** Maps any thrown error to `{ code, message }`; 5xx details stay in the log, never in the response. */
export function toErrorBody(err: unknown, lang: string): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return {
      status: err.statusCode,
      body: {
        ...err.extra,
        code: err.code,
        message: t(
          lang,
          `errors.${err.code}`,
          Object.fromEntries(Object.entries(err.params).map(([k, v]) => [k, typeof v === 'function' ? v(lang) : v])),
        ),
      },
    };
  }
  const fe = err as FastifyError;
  if (fe && hasZodFastifySchemaValidationErrors(fe)) {
    const fields = (describeValidation(fe) ?? []).map((f) => ({ ...f, message: fieldMessage(lang, f) }));
    // The message names only fields a person knows by name; the codes stay in `fields` for programs.
    const named = [...new Set(fields.map((f) => fieldName(lang, f.path)).filter(Boolean))];
    const message = named.length
      ? t(lang, 'errors.validation_failed_fields', { list: named.join(', ') })
      : t(lang, 'errors.validation_failed');
    return { status: 400, body: { code: 'validation_failed', message, fields } };
  }
  const mapped = fe?.code ? fastifyCodes[fe.code] : undefined;
  if (mapped) return { status: mapped[0], body: { code: mapped[1], message: t(lang, `errors.${mapped[1]}`) } };
  if (fe?.statusCode === 429)
    return { status: 429, body: { code: 'rate_limited', message: t(lang, 'errors.rate_limited') } };
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { code: 'bad_request', message: t(lang, 'errors.bad_request') } };
  }
  return { status: 500, body: { code: 'internal_error', message: t(lang, 'errors.internal_error') } };
}

/** Installs the one error handler; call before registering routes so every plugin inherits it. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorBody(err, requestLanguage(req));
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: body.code }, 'request rejected');
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  });
}

/** The 404 handler: JSON for /api and files, the web app's shell for client-side pages when `servePage` is given. */
export function registerNotFound(app: FastifyInstance, servePage?: (reply: FastifyReply) => FastifyReply): void {
  app.setNotFoundHandler((req, reply) => {
    const pathOnly = req.url.split('?')[0] ?? '';
    if (servePage && req.method === 'GET' && !pathOnly.startsWith('/api') && !/\.[a-z0-9]+$/i.test(pathOnly)) {
      return servePage(reply);
    }
    const { status, body } = toErrorBody(notFound(), requestLanguage(req));
    return reply.status(status).send(body);
  });
}
