import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { maxFileBytes } from '../cases/index';
import { PlanDocuments } from './documents';
import { planParents } from './parents';
import { planDocumentSchema } from './schema';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema };
const document = planDocumentSchema;
const sub = z.strictObject({ id: z.uuid(), sub: z.uuid() });

/** Documents and evidence of plans (optionally of an action or an instrument) and of agreements. */
export const planDocumentRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: maxFileBytes, files: 1, fields: 5 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const docs = new PlanDocuments(ctx, planParents(ctx));
    const tags = ['plans'];
    const read = async (req: FastifyRequest) => {
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
      const part = await req.file();
      if (!part) throw new AppError(400, 'file_missing');
      const bytes = await part.toBuffer().catch(() => {
        throw new AppError(413, 'payload_too_large');
      });
      return { bytes, name: part.filename || undefined, declared: part.mimetype };
    };
    for (const [type, base] of [
      ['plan', 'local-plans'],
      ['agreement', 'agreements'],
    ] as const) {
      r.post(
        `/${base}/:id/documents`,
        {
          schema: {
            tags,
            summary: `Attach a document (multipart field "file"; PDF, or JPEG/PNG or audio (Ogg/Opus, M4A/AAC, AMR, MP3, WAV) cleaned of metadata) to the ${type}`,
            params: idParam,
            querystring: z.strictObject({ action: z.uuid().optional(), instrument: z.uuid().optional() }),
            response: { 200: document, ...errors },
          },
        },
        async (req) => {
          const actor = requireActor(req);
          await docs.parent(actor, type, req.params.id, true);
          const f = await read(req);
          return docs.upload(
            actor,
            type,
            req.params.id,
            f.bytes,
            { name: f.name, actionId: req.query.action, instrumentId: req.query.instrument, declared: f.declared },
            req.id,
          );
        },
      );
      r.get(
        `/${base}/:id/documents/:sub`,
        {
          schema: {
            tags,
            summary: `Download a document of the ${type} (audited)`,
            params: sub,
            response: { 200: z.unknown().meta({ description: 'The file bytes' }), ...errors },
          },
        },
        async (req, reply) => {
          const f = await docs.download(requireActor(req), type, req.params.id, req.params.sub, req.id);
          return reply.type(f.mime).header('content-disposition', 'attachment').send(f.data);
        },
      );
    }
  };
