import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { mime, sendFile } from '../../platform/http/files';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { AccessExports } from './export';

const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/**
 * The access export of a data-subject request (access or portability): JSON and a PDF in the request's language.
 * Supervisors (rights:manage) within their jurisdiction only; each download is audited.
 */
export const exportRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const exports = new AccessExports(ctx);
    const tags = ['rights'];
    r.get(
      '/rights/requests/:id/export.json',
      {
        schema: {
          tags,
          summary: "Everything held on the request's person, machine-readable (access, portability; audited)",
          params: idParam,
          response: { 200: z.unknown().meta({ description: 'application/json (minka.access-export v1)' }), ...errors },
        },
      },
      async (req, reply) => {
        const e = await exports.json(requireActor(req), req.params.id, req.id);
        return sendFile(reply, 'application/json; charset=utf-8', e.filename, e.body);
      },
    );
    r.get(
      '/rights/requests/:id/export.pdf',
      {
        schema: {
          tags,
          summary: "Everything held on the request's person as a readable PDF in the request's language (audited)",
          params: idParam,
          response: { 200: z.unknown().meta({ description: 'application/pdf' }), ...errors },
        },
      },
      async (req, reply) => {
        const e = await exports.pdf(requireActor(req), req.params.id, req.id);
        return sendFile(reply, mime.pdf, e.filename, e.pdf);
      },
    );
  };
