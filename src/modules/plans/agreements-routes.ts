import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { Agreements } from './agreements';
import { agreementBody, commitmentStatusBody, planDocumentSchema } from './schema';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const agreement = z
  .object({
    id: z.string(),
    title: z.string(),
    purpose: z.string().nullable(),
    parties: z.array(z.object({ id: z.string(), name: z.string() })),
    division: z.object({ country: z.string(), code: z.string() }),
    signedOn: z.string(),
    endsOn: z.string().nullable(),
    renewedFrom: z.string().nullable(),
    commitments: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        responsibleOrgId: z.string().nullable(),
        dueOn: z.string().nullable(),
        status: z.string(),
      }),
    ),
    documents: z.array(planDocumentSchema),
  })
  .meta({ id: 'Agreement' });

/** Cooperation agreements and their commitments. */
export const agreementRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const svc = new Agreements(ctx);
    const tags = ['plans'];
    r.get(
      '/agreements',
      {
        schema: {
          tags,
          summary: 'Cooperation agreements in my jurisdiction',
          response: { 200: z.array(agreement), ...errors },
        },
      },
      (req) => svc.list(requireActor(req)),
    );
    r.post(
      '/agreements',
      {
        schema: {
          tags,
          summary: 'Record a cooperation agreement with its commitments',
          body: agreementBody,
          response: { 200: agreement, ...errors },
        },
      },
      (req) => svc.create(requireActor(req), req.body, req.id),
    );
    r.get(
      '/agreements/:id',
      { schema: { tags, summary: 'One agreement', params: idParam, response: { 200: agreement, ...errors } } },
      (req) => svc.get(requireActor(req), req.params.id),
    );
    r.post(
      '/agreements/:id/commitments/:sub/status',
      {
        schema: {
          tags,
          summary: "Set a commitment's status",
          params: z.strictObject({ id: z.uuid(), sub: z.uuid() }),
          body: commitmentStatusBody,
          response: { 200: agreement, ...errors },
        },
      },
      (req) => svc.setCommitment(requireActor(req), req.params.id, req.params.sub, req.body, req.id),
    );
  };
