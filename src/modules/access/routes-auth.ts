import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { notFound } from '../../platform/http/errors';
import { errorSchema } from '../../platform/http/schemas';
import { demoInfo } from './demo';
import { requireActor } from './guard';
import { deviceCookie, deviceDays } from './known-devices';
import {
  acceptTokenBody,
  changePasswordBody,
  demoInfoSchema,
  languageBody,
  okSchema,
  recoveryCodesSchema,
  sessionInfoSchema,
  sessionSchema,
  signInBody,
  totpConfirmBody,
  totpSetupSchema,
} from './schema';
import { type SessionService, sessionCookie } from './sessions';
import { SignInService, sessionView } from './signin';
import type { UsersService } from './users';

// Where the module mounts these routes (index.ts): the known-device cookie is scoped to the sign-in path.
const signInPath = '/api/auth/sign-in';
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema, 429: errorSchema };

/** Sign-in, session, second factor, password and one-time links. */
export const authRoutes =
  (deps: Context, sessions: SessionService, users: UsersService): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const signIn = new SignInService(deps, sessions);
    const tags = ['auth'];
    const cookieBase = { httpOnly: true, secure: deps.config.MINKA_SECURE_COOKIES, sameSite: 'strict' as const };
    // Without "remember this device" the session cookie carries no expiry, so it ends with the browser; the
    // server's idle and absolute limits apply either way.
    const setCookie = (reply: FastifyReply, token: string, expires: string | null) =>
      reply.setCookie(sessionCookie, token, {
        ...cookieBase,
        path: '/',
        ...(expires ? { expires: new Date(expires) } : {}),
      });
    const clearCookie = (reply: FastifyReply) => reply.clearCookie(sessionCookie, { path: '/' });

    r.post(
      '/sign-in',
      {
        schema: {
          tags,
          summary: 'Sign in with e-mail, password and (when enrolled) a TOTP or recovery code',
          body: signInBody,
          response: { 200: sessionSchema, ...errors },
        },
      },
      async (req, reply) => {
        const {
          token,
          session,
          deviceCookie: known,
        } = await signIn.signIn(req.body, req.ip, req.id, req.cookies[deviceCookie]);
        setCookie(reply, token, req.body.remember ? session.expires_at : null);
        // Sent only to the sign-in route: it tells nothing to any other request.
        if (known)
          reply.setCookie(deviceCookie, known, { ...cookieBase, path: signInPath, maxAge: deviceDays * 86_400 });
        const current = await sessions.resolve(token);
        return sessionView(deps, sessions, current!);
      },
    );
    r.get(
      '/session',
      {
        schema: {
          tags,
          summary: 'The current session and its CSRF token',
          response: { 200: sessionSchema, ...errors },
        },
      },
      async (req) => {
        requireActor(req, { allowPendingSecondFactor: true });
        return sessionView(deps, sessions, req.current!);
      },
    );
    r.post(
      '/sign-out',
      { schema: { tags, summary: 'End this session', response: { 200: okSchema, ...errors } } },
      async (req, reply) => {
        const actor = requireActor(req, { allowPendingSecondFactor: true });
        await sessions.revoke(actor.sessionId);
        await deps.audit.record({
          actor,
          action: 'auth.sign_out',
          recordType: 'session',
          recordId: actor.sessionId,
          requestId: req.id,
        });
        clearCookie(reply);
        return { ok: true as const };
      },
    );
    r.post(
      '/sign-out-everywhere',
      { schema: { tags, summary: 'End every session of this user', response: { 200: okSchema, ...errors } } },
      async (req, reply) => {
        const actor = requireActor(req, { allowPendingSecondFactor: true });
        await sessions.revokeAll(actor.userId);
        await deps.audit.record({
          actor,
          action: 'auth.sign_out_everywhere',
          recordType: 'user',
          recordId: actor.userId,
          requestId: req.id,
        });
        clearCookie(reply);
        return { ok: true as const };
      },
    );
    r.get(
      '/sessions',
      { schema: { tags, summary: 'My live sessions', response: { 200: z.array(sessionInfoSchema), ...errors } } },
      async (req) => {
        const actor = requireActor(req);
        return users.sessionsOf(actor, actor.userId);
      },
    );
    r.post(
      '/totp/setup',
      { schema: { tags, summary: 'Start TOTP enrolment', response: { 200: totpSetupSchema, ...errors } } },
      async (req) => {
        const actor = requireActor(req, { allowPendingSecondFactor: true });
        const view = await sessionView(deps, sessions, req.current!);
        return signIn.totpSetup(actor.userId, view.user.email);
      },
    );
    r.post(
      '/totp/confirm',
      {
        schema: {
          tags,
          summary: 'Confirm TOTP enrolment; returns recovery codes once',
          body: totpConfirmBody,
          response: { 200: recoveryCodesSchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req, { allowPendingSecondFactor: true });
        return signIn.totpConfirm(actor.userId, actor.sessionId, req.body.code, req.id);
      },
    );
    r.post(
      '/language',
      {
        schema: {
          tags,
          summary: 'Remember the language I read (my e-mails are written in it)',
          body: languageBody,
          response: { 200: okSchema, ...errors },
        },
      },
      async (req) => {
        await signIn.setLanguage(requireActor(req, { allowPendingSecondFactor: true }).userId, req.body.language);
        return { ok: true as const };
      },
    );
    r.post(
      '/password',
      {
        schema: {
          tags,
          summary: 'Change my password',
          body: changePasswordBody,
          response: { 200: okSchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await signIn.changePassword(
          actor.userId,
          actor.sessionId,
          req.body.currentPassword,
          req.body.newPassword,
          req.id,
        );
        return { ok: true as const };
      },
    );
    r.post(
      '/link',
      {
        schema: {
          tags,
          summary: 'Use an invitation or password-reset link to set a password',
          body: acceptTokenBody,
          response: { 200: okSchema, ...errors },
        },
      },
      async (req) => {
        await signIn.redeemLink(req.body.token, req.body.password, req.id);
        return { ok: true as const };
      },
    );
    r.get(
      '/demo',
      {
        schema: {
          tags,
          summary: 'Demo accounts (only in demo mode; 404 otherwise)',
          response: { 200: demoInfoSchema, 404: errorSchema },
        },
      },
      async () => {
        const info = await demoInfo(deps);
        if (!info) throw notFound();
        return info;
      },
    );
  };
