import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { providerBody, providerPatch, providerQuery, providerSchema } from './schema';
import { DirectoryService } from './service';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** Service directory: any signed-in staff member searches it; directory managers maintain it. */
export const directoryRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const dir = new DirectoryService(ctx);
    const tags = ['directory'];
    r.get(
      '/directory',
      {
        schema: {
          tags,
          summary: 'Providers by service, place and age',
          querystring: providerQuery,
          response: { 200: z.array(providerSchema), ...errors },
        },
      },
      (req) => dir.search(requireActor(req), req.query, requestLanguage(req)),
    );
    r.get(
      '/directory/:id',
      { schema: { tags, summary: 'One provider', params: idParam, response: { 200: providerSchema, ...errors } } },
      (req) => dir.get(requireActor(req), req.params.id, requestLanguage(req)),
    );
    r.post(
      '/directory',
      { schema: { tags, summary: 'Add a provider', body: providerBody, response: { 200: providerSchema, ...errors } } },
      (req) => dir.create(requireActor(req), req.body, req.id, requestLanguage(req)),
    );
    r.patch(
      '/directory/:id',
      {
        schema: {
          tags,
          summary: 'Change a provider',
          params: idParam,
          body: providerPatch,
          response: { 200: providerSchema, ...errors },
        },
      },
      (req) => dir.update(requireActor(req), req.params.id, req.body, req.id, requestLanguage(req)),
    );
  };
