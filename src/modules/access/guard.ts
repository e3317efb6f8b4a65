import '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors';
import type { Permission } from './permissions';
import { type Actor, can } from './policy';
import { type CurrentSession, type SessionService, sessionCookie } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    current: CurrentSession | null;
  }
}

const safe = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves the session cookie on every request and enforces CSRF tokens on cookie-authenticated writes. */
export function registerSessionHook(app: FastifyInstance, sessions: SessionService): void {
  app.decorateRequest('current', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    req.current = await sessions.resolve(req.cookies[sessionCookie]);
    if (req.current && !safe.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      const session = req.current.session;
      if (typeof sent !== 'string' || !sessions.csrfTokens(session).some((t) => sameToken(sent, t))) {
        throw new AppError(403, 'csrf_failed');
      }
    }
  });
}

/** The signed-in actor, or 401; a session still owing its second factor only reaches routes that allow it. */
export function requireActor(req: FastifyRequest, opts: { allowPendingSecondFactor?: boolean } = {}): Actor {
  const current = req.current;
  if (!current) throw new AppError(401, 'unauthenticated');
  if (current.pendingSecondFactor && !opts.allowPendingSecondFactor)
    throw new AppError(403, 'second_factor_enrolment_required');
  return current.actor;
}

/** 403 for a collection the role may not use at all; single records answer 404 from their service instead. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError(403, 'forbidden');
}
