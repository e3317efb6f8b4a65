import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from './guard';
import { idParam } from './schema';
import { sharingAgreementBody, sharingAgreementSchema } from './schema-sharing';
import { SharingAgreements } from './sharing-agreements';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Data-sharing agreements between organisations (administrators). */
export const sharingRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['admin'];
    const agreements = new SharingAgreements(ctx);
    r.get(
      '/sharing-agreements',
      {
        schema: {
          tags,
          summary: 'Data-sharing agreements in my jurisdiction',
          response: { 200: z.array(sharingAgreementSchema), ...errors },
        },
      },
      (req) => agreements.list(requireActor(req)),
    );
    r.post(
      '/sharing-agreements',
      {
        schema: {
          tags,
          summary: 'Record a data-sharing agreement (audited)',
          description:
            'The receiving organisation may read the sections named of the cases the other owns in these places, from startsOn until the day before endsOn.',
          body: sharingAgreementBody,
          response: { 200: sharingAgreementSchema, ...errors },
        },
      },
      (req) => agreements.create(requireActor(req), req.body, req.id),
    );
    r.post(
      '/sharing-agreements/:id/end',
      {
        schema: {
          tags,
          summary: 'End a data-sharing agreement now (audited)',
          params: idParam,
          response: { 200: sharingAgreementSchema, ...errors },
        },
      },
      (req) => agreements.end(requireActor(req), req.params.id, req.id),
    );
  };
