import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from './guard';
import type { OrganisationsService } from './organisations';
import {
  idParam,
  inviteBody,
  linkSchema,
  okSchema,
  organisationBody,
  organisationPatch,
  organisationSchema,
  roleCreate,
  roleKey,
  rolePut,
  roleSchema,
  sessionInfoSchema,
  userListItemSchema,
  userPatch,
  userQuery,
  userSchema,
  userSearchBody,
} from './schema';
import type { UsersService } from './users';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Administration of organisations, users, roles and sessions. */
export const adminRoutes =
  (deps: Context, users: UsersService, orgs: OrganisationsService): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];
    const baseUrl = (req: FastifyRequest) =>
      deps.config.MINKA_PUBLIC_URL?.replace(/\/$/, '') ?? `${req.protocol}://${req.host}`;

    r.get(
      '/organisations',
      {
        schema: {
          tags,
          summary: 'Organisations in my jurisdiction',
          response: { 200: z.array(organisationSchema), ...errors },
        },
      },
      (req) => orgs.list(requireActor(req)),
    );
    r.post(
      '/organisations',
      {
        schema: {
          tags,
          summary: 'Create an organisation',
          body: organisationBody,
          response: { 200: organisationSchema, ...errors },
        },
      },
      (req) => orgs.create(requireActor(req), req.body, req.id),
    );
    r.get(
      '/organisations/:id',
      {
        schema: {
          tags,
          summary: 'One organisation',
          params: idParam,
          response: { 200: organisationSchema, ...errors },
        },
      },
      (req) => orgs.get(requireActor(req), req.params.id),
    );
    r.patch(
      '/organisations/:id',
      {
        schema: {
          tags,
          summary: 'Change an organisation',
          params: idParam,
          body: organisationPatch,
          response: { 200: organisationSchema, ...errors },
        },
      },
      (req) => orgs.update(requireActor(req), req.params.id, req.body, req.id),
    );

    r.get(
      '/users',
      {
        schema: {
          tags,
          summary: 'Users in my jurisdiction (filter by identity number via blind index)',
          querystring: userQuery,
          response: { 200: z.array(userListItemSchema), ...errors },
        },
      },
      (req) => users.list(requireActor(req), req.query, req.id),
    );
    r.post(
      '/users/search',
      {
        schema: {
          tags,
          summary: 'Users in my jurisdiction with this identity number (blind index)',
          body: userSearchBody,
          response: { 200: z.array(userListItemSchema), ...errors },
        },
      },
      (req) => users.list(requireActor(req), req.body, req.id),
    );
    r.post(
      '/users',
      {
        schema: {
          tags,
          summary: 'Invite a user; returns a one-time link shown once',
          body: inviteBody,
          response: { 200: z.object({ user: userSchema, link: linkSchema }), ...errors },
        },
      },
      (req) => users.invite(requireActor(req), req.body, baseUrl(req), req.id),
    );
    r.get(
      '/users/:id',
      {
        schema: {
          tags,
          summary: 'One user, with personal fields (audited)',
          params: idParam,
          response: { 200: userSchema, ...errors },
        },
      },
      (req) => users.get(requireActor(req), req.params.id, req.id),
    );
    r.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: 'Change name, identity number, roles or scope',
          params: idParam,
          body: userPatch,
          response: { 200: userSchema, ...errors },
        },
      },
      (req) => users.update(requireActor(req), req.params.id, req.body, req.id),
    );
    r.post(
      '/users/:id/deactivate',
      {
        schema: {
          tags,
          summary: 'Deactivate a user and end their sessions',
          params: idParam,
          response: { 200: userSchema, ...errors },
        },
      },
      (req) => users.deactivate(requireActor(req), req.params.id, req.id),
    );
    r.post(
      '/users/:id/reset-second-factor',
      {
        schema: {
          tags,
          summary: 'Remove TOTP so the user enrols again',
          params: idParam,
          response: { 200: userSchema, ...errors },
        },
      },
      (req) => users.resetSecondFactor(requireActor(req), req.params.id, req.id),
    );
    r.post(
      '/users/:id/password-reset',
      {
        schema: {
          tags,
          summary: 'One-time password-reset link, shown once',
          params: idParam,
          response: { 200: linkSchema, ...errors },
        },
      },
      (req) => users.passwordResetLink(requireActor(req), req.params.id, baseUrl(req), req.id),
    );
    r.get(
      '/users/:id/sessions',
      {
        schema: {
          tags,
          summary: "A user's live sessions",
          params: idParam,
          response: { 200: z.array(sessionInfoSchema), ...errors },
        },
      },
      (req) => users.sessionsOf(requireActor(req), req.params.id),
    );
    r.post(
      '/sessions/:id/revoke',
      { schema: { tags, summary: 'Revoke a session', params: idParam, response: { 200: okSchema, ...errors } } },
      async (req) => {
        await users.revokeSession(requireActor(req), req.params.id, req.id);
        return { ok: true as const };
      },
    );

    r.get(
      '/roles',
      { schema: { tags, summary: 'Roles and their permissions', response: { 200: z.array(roleSchema), ...errors } } },
      (req) => orgs.roles(requireActor(req)),
    );
    r.post(
      '/roles',
      { schema: { tags, summary: 'Create a role', body: roleCreate, response: { 200: roleSchema, ...errors } } },
      (req) => orgs.createRole(requireActor(req), req.body, req.id),
    );
    r.put(
      '/roles/:key',
      {
        schema: {
          tags,
          summary: "Replace a role's permissions",
          params: z.strictObject({ key: roleKey }),
          body: rolePut,
          response: { 200: roleSchema, ...errors },
        },
      },
      (req) => orgs.putRole(requireActor(req), req.params.key, req.body, req.id),
    );
  };
