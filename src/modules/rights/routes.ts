import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { RightsRequests } from './erase';
import { Flags } from './flags';
import { Holds } from './holds';
import { casePrivacy } from './privacy';
import {
  answerBody,
  eraseBody,
  erasureBlocker,
  flagBody,
  flagParams,
  flagSchema,
  holdBody,
  holdParams,
  holdsView,
  liftBody,
  privacyView,
  requestCreate,
  requestDetail,
  requestList,
  requestListQuery,
  requestParams,
} from './schema';

/** A refused erasure names each reason and the case it is about. */
const erasureErrorSchema = errorSchema
  .extend({ reasons: z.array(erasureBlocker).optional() })
  .meta({ id: 'ErasureError' });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/**
 * People's rights (LOPDP), for supervisors (rights:manage) over the cases in their reach: the request log, erasure,
 * restriction and objection flags, legal holds on cases, and the case page's privacy card.
 */
export const rightsRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const requests = new RightsRequests(ctx);
    const flags = new Flags(ctx);
    const holds = new Holds(ctx);
    const tags = ['rights'];
    r.get(
      '/rights/requests',
      {
        schema: {
          tags,
          summary: 'Data-subject requests of persons whose cases the supervisor reaches, with days left or overdue',
          querystring: requestListQuery,
          response: { 200: requestList, ...errors },
        },
      },
      (req) => requests.list(requireActor(req), req.query),
    );
    r.post(
      '/rights/requests',
      {
        schema: {
          tags,
          summary: 'Log a request (access, rectification, erasure, objection, restriction, portability) from a case',
          body: requestCreate,
          response: { 201: requestDetail, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await requests.create(requireActor(req), req.body, req.id)),
    );
    r.get(
      '/rights/requests/:id',
      {
        schema: {
          tags,
          summary: 'A request: who asked, the answer, the person’s flags and, for an erasure, what blocks it (audited)',
          params: requestParams,
          response: { 200: requestDetail, ...errors },
        },
      },
      (req) => requests.get(requireActor(req), req.params.id, req.id),
    );
    r.post(
      '/rights/requests/:id/answer',
      {
        schema: {
          tags,
          summary: 'Close an open request: answered, refused (with its reason) or withdrawn, with a note',
          params: requestParams,
          body: answerBody,
          response: { 200: requestDetail, ...errors },
        },
      },
      (req) => requests.answer(requireActor(req), req.params.id, req.body, req.id),
    );
    r.post(
      '/rights/requests/:id/erase',
      {
        schema: {
          tags,
          summary:
            'Erase the person (anonymisation; the case code typed again): refused with the reasons while a legal hold or an open proceeding keeps a case',
          params: requestParams,
          body: eraseBody,
          response: { 200: requestDetail, ...errors, 409: erasureErrorSchema },
        },
      },
      (req) => requests.erase(requireActor(req), req.params.id, req.body.confirmCode, req.id),
    );
    r.post(
      '/rights/requests/:id/flags',
      {
        schema: {
          tags,
          summary: 'Set a restriction or objection flag on the request’s person: referrals and exports leave them out',
          params: requestParams,
          body: flagBody,
          response: { 201: requestDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await requests.flag(requireActor(req), req.params.id, req.body.flag, req.id)),
    );
    r.delete(
      '/rights/flags/:flagId',
      {
        schema: {
          tags,
          summary: 'Lift a flag, saying why',
          params: flagParams,
          body: liftBody,
          response: { 200: flagSchema, ...errors },
        },
      },
      (req) => flags.lift(requireActor(req), req.params.flagId, req.body.reason, req.id),
    );
    r.get(
      '/cases/:id/privacy',
      {
        schema: {
          tags,
          summary: 'The case’s privacy card: the person’s flags, legal holds, open proceeding, anonymisation',
          params: idParam,
          response: { 200: privacyView, ...errors },
        },
      },
      (req) => casePrivacy(ctx, requireActor(req), req.params.id),
    );
    r.get(
      '/cases/:id/holds',
      {
        schema: { tags, summary: 'The case’s legal holds', params: idParam, response: { 200: holdsView, ...errors } },
      },
      (req) => holds.list(requireActor(req), req.params.id),
    );
    r.post(
      '/cases/:id/holds',
      {
        schema: {
          tags,
          summary: 'Place a legal hold: the case is kept from erasure and retention until lifted',
          params: idParam,
          body: holdBody,
          response: { 201: holdsView, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await holds.place(requireActor(req), req.params.id, req.body, req.id)),
    );
    r.post(
      '/cases/:id/holds/:holdId/lift',
      {
        schema: {
          tags,
          summary: 'Lift a legal hold, saying why',
          params: holdParams,
          body: liftBody,
          response: { 200: holdsView, ...errors },
        },
      },
      (req) => holds.lift(requireActor(req), req.params.id, req.params.holdId, req.body.reason, req.id),
    );
  };
