import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Context } from '../context';
import { requestLanguage, t } from '../i18n/index';
import { openLimits } from '../limits/index';
import { loggerOptions } from '../log';
import type { ModuleDescriptor } from '../module';
import { projectRoot } from '../paths';
import { AppError, registerErrorHandler, registerNotFound } from './errors';
import { healthRoutes } from './health';
import { registerOpenApi } from './openapi';
import { securityHeaders } from './security-headers';

export type App = FastifyInstance;

const documentOnlyHeaders = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'x-request-id',
  'strict-transport-security',
];

const hashedAsset = /[\\/]assets[\\/][^\\/]+-[\w-]{8}(\.\w+)+$/;

export interface RouteInfo {
  method: string;
  url: string;
  documented: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RouteInfo[];
  }
}

export interface AppDeps extends Context {
  /** Directory of the built web app; the SPA is served only when it exists. */
  webDir?: string | null;
  /** Overrides the logger level (tests pass 'silent'). */
  logLevel?: string;
  /** Where log lines go (tests capture them); standard output by default. */
  logStream?: { write(line: string): void };
}

/** A server is built from the platform's context and the modules the composition root lists. */
export interface ServerDeps extends AppDeps {
  modules: readonly ModuleDescriptor[];
}

export const defaultWebDir = path.join(projectRoot(), 'web/dist');

// Content Security Policy: no inline or third-party scripts. Inline styles are allowed because
// Mantine writes its theme variables into a <style> element and style attributes at run time.
const csp = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
};

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

// Nothing uses a camera or microphone from the browser (a voice note or a photo is a file the phone's own recorder
// or camera makes), and nothing may embed a payment or device prompt. The staff app's own pages may ask for the
// position (a questionnaire's location question, stored coarse); the anonymous report pages never may.
const permissionsPolicy = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()';
const staffPermissionsPolicy = permissionsPolicy.replace('geolocation=()', 'geolocation=(self)');
const isReportPage = (url: string) => url === '/report' || url.startsWith('/report/') || url.startsWith('/report?');

/**
 * Fastify's rule for which X-Forwarded-For entries to believe: a hop count trusts the nearest N addresses (the
 * connecting proxy first), so the client is the rightmost entry the proxies did not write; a list trusts only
 * those proxies' addresses. Fastify's own number option trusts no hop at all, hence the function.
 */
export function trustProxyRule(setting: Config['MINKA_TRUST_PROXY']) {
  if (setting === false) return false;
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting;
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin of an Origin or Referer value; null for `null` or anything that is not a URL. */
function originOf(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Refuses a state-changing API request that carries cookies (the browser adds them by itself) and says it comes
 * from another page's origin: MINKA_PUBLIC_URL's origin when set, else the host the request was sent to. Requests
 * without cookies (webhooks with their own secret, scripts) and without Origin or Referer pass: only a browser on
 * another site can lend a person's session to a request, and browsers send Origin with every such request.
 */
function registerOriginCheck(app: FastifyInstance, publicUrl: string | undefined) {
  const own = publicUrl ? new URL(publicUrl).origin : null;
  app.addHook('onRequest', async (req) => {
    if (!stateChanging.has(req.method) || !req.url.startsWith('/api/') || !req.headers.cookie) return;
    const claimed = req.headers.origin ?? req.headers.referer;
    if (claimed === undefined) return;
    const from = originOf(claimed);
    const same = own
      ? from?.origin === own
      : from !== null && from.host === originOf(`${from.protocol}//${req.host}`)?.host;
    if (!same) throw new AppError(403, 'origin_mismatch');
  });
}

/** Builds the HTTP application from the given modules without listening; tests drive it with inject(). */
export async function buildServer(deps: ServerDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      ...loggerOptions(deps.logLevel ?? config.LOG_LEVEL),
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    bodyLimit: config.MINKA_BODY_LIMIT,
    trustProxy: trustProxyRule(config.MINKA_TRUST_PROXY),
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  // Every route, as registered: tests check it against the OpenAPI document (and later the authorization matrix).
  const routeList: RouteInfo[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routeList.push({ method, url: r.url, documented: !r.schema?.hide });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  // Helmet's headers (CSP, framing, sniffing, referrer, HSTS behind TLS…), the same on every answer, even a refusal.
  const security = await securityHeaders({
    contentSecurityPolicy: csp,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    hsts: config.MINKA_SECURE_COOKIES ? undefined : false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(security);
    reply.header('x-request-id', req.id);
    reply.header('permissions-policy', isReportPage(req.url) ? permissionsPolicy : staffPermissionsPolicy);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done();
  });

  registerOriginCheck(app, config.MINKA_PUBLIC_URL);
  // Limits count in the store every node shares (Redis or PostgreSQL; this process on SQLite); the report form's too.
  const limits = await openLimits(deps, app.log);
  app.decorate('limits', limits);
  app.addHook('onClose', () => limits.close());
  const requestLimit = { max: config.MINKA_RATE_LIMIT_MAX, windowMs: config.MINKA_RATE_LIMIT_WINDOW_MS };
  await app.register(rateLimit, {
    global: true,
    // The app's hashed files are not requests a person makes: one page is dozens of them.
    allowList: (req) => req.url.startsWith('/assets/'),
    max: requestLimit.max,
    timeWindow: requestLimit.windowMs,
    store: limits.rateLimitStore(requestLimit),
    errorResponseBuilder: (req, ctx) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: t(requestLanguage(req), 'errors.rate_limited'),
      retryAfterMs: ctx.ttl,
    }),
  });
  // Answers (JSON, the report pages) are compressed for slow links; the web app's files come compressed already.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // A hashed script or stylesheet is not a document: the document headers (CSP, framing, …) only add bytes to each
  // of the app's dozens of files on a slow link.
  app.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/assets/')) return;
    for (const h of documentOnlyHeaders) reply.removeHeader(h);
  });
  await registerOpenApi(app);
  await app.register(cookie);
  const { modules, webDir: _web, logLevel: _level, logStream: _stream, ...ctx } = deps;
  for (const m of modules) await m.hooks?.(app, ctx);
  await app.register(healthRoutes(deps), { prefix: '/api' });
  for (const m of modules) {
    for (const r of m.routes?.(ctx) ?? []) await app.register(r.plugin, r.prefix ? { prefix: r.prefix } : {});
  }

  const webDir = deps.webDir === undefined ? defaultWebDir : deps.webDir;
  const hasWeb = Boolean(webDir && existsSync(path.join(webDir, 'index.html')));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir as string,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      // Hashed files never change: a returning user downloads none of them again. Everything else is revalidated.
      setHeaders: (res, file) =>
        res.setHeader('cache-control', hashedAsset.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  // Client-side routes (e.g. /signin, /geo/06) get the app shell; /api and missing files get a JSON 404.
  registerNotFound(
    app,
    hasWeb
      ? (reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html')
      : undefined,
  );

  return app;
}
