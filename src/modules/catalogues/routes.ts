import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { catalogueEntrySchema, catalogueListParam } from './schema';
import { Catalogues } from './service';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** The legal catalogues: read by every signed-in person (no personal data), edited by administrators. */
export const catalogueRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const catalogues = new Catalogues(ctx);
    const tags = ['catalogues'];
    r.get(
      '/catalogues/:list',
      {
        schema: {
          tags,
          summary: 'The entries of a legal catalogue, with their legal source, labelled in the reader’s language',
          params: catalogueListParam,
          response: { 200: z.array(catalogueEntrySchema), ...errors },
        },
      },
      async (req) => {
        requireActor(req);
        const lang = requestLanguage(req);
        return (await catalogues.entries(req.params.list)).map((e) => ({
          ...e,
          label: Catalogues.label(e, lang, e.key),
        }));
      },
    );
    // catalogues administration (issue 20): routes below this line
  };
