import createClient, { type Middleware } from 'openapi-fetch';
import i18n from '../i18n/index';
import type { paths } from './schema';

export type { ApiBody, ApiQuery, ApiResponse } from './types';

/** An error answered by the API, with its stable code and a message in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error answer (e.g. an edit conflict's values, or the fields a validation refused). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Remembers the session's CSRF token; every write sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', i18n.language);
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/** The typed client for every path of /api/openapi.json; the session's cookie, language and CSRF token go along. */
export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
client.use(headers);

/**
 * Sends a multipart form as the body (openapi-fetch passes FormData through and the browser sets its type):
 * the route schemas describe the fields read from the form, not the form, so the server validates it.
 */
export const multipart = (form: FormData) => ({ body: form as never });

/** Awaits a client call and gives its data; throws ApiError with the server's `{ code, message }` otherwise. */
export async function ok<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('app.networkError'));
  }
  if (!result.response.ok) {
    const body = (typeof result.error === 'object' ? result.error : null) as { code?: string; message?: string } | null;
    throw new ApiError(
      result.response.status,
      body?.code ?? 'http_error',
      body?.message ?? i18n.t('app.unexpected'),
      (body ?? {}) as Record<string, unknown>,
    );
  }
  return result.data as D;
}
