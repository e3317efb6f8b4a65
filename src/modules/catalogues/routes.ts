import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { CatalogueAdmin } from './admin';
import {
  catalogueEntryCreateBody,
  catalogueEntryParam,
  catalogueEntryPatchBody,
  catalogueEntrySchema,
  catalogueListParam,
} from './schema';
import { Catalogues } from './service';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const writeErrors = { ...errors, 409: errorSchema };

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
    const admin = new CatalogueAdmin(ctx);
    const labelled = (e: Awaited<ReturnType<CatalogueAdmin['add']>>, lang: string) => ({
      ...e,
      label: Catalogues.label(e, lang, e.key),
    });
    r.post(
      '/catalogues/:list',
      {
        schema: {
          tags,
          summary: 'Add an entry to a legal catalogue (its labels, legal source and the numbers its list carries)',
          params: catalogueListParam,
          body: catalogueEntryCreateBody,
          response: { 200: catalogueEntrySchema, ...writeErrors },
        },
      },
      async (req) => {
        const lang = requestLanguage(req);
        return labelled(await admin.add(requireActor(req), req.params.list, req.body, lang, req.id), lang);
      },
    );
    r.patch(
      '/catalogues/:list/:entry',
      {
        schema: {
          tags,
          summary:
            'Reword an entry, change its legal source, numbers or order, or retire it (entries are never deleted)',
          params: catalogueEntryParam,
          body: catalogueEntryPatchBody,
          response: { 200: catalogueEntrySchema, ...writeErrors },
        },
      },
      async (req) => {
        const lang = requestLanguage(req);
        const { list, entry } = req.params;
        return labelled(await admin.change(requireActor(req), list, entry, req.body, lang, req.id), lang);
      },
    );
  };
