import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { CaseFiles, maxFileBytes } from './files';

const fileSchema = z
  .object({ id: z.string(), kind: z.string(), mime: z.string(), size: z.number(), name: z.string().nullable() })
  .meta({ id: 'CaseFile' });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema };

/** Case attachments: multipart upload of one file, listing, audited download. */
export const caseFileRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: maxFileBytes, files: 1, fields: 5 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const files = new CaseFiles(ctx);
    const tags = ['cases'];
    r.post(
      '/cases/:id/files',
      {
        schema: {
          tags,
          summary:
            'Attach a file (multipart field "file"): JPEG/PNG re-encoded from its pixels, audio (Ogg/Opus, M4A/AAC, AMR, MP3, WAV) rewritten without tags, or PDF rewritten without scripts, actions, attachments and metadata',
          params: idParam,
          response: { 200: fileSchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await files.writable(actor, req.params.id);
        if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
        const part = await req.file();
        if (!part) throw new AppError(400, 'file_missing');
        const bytes = await part.toBuffer().catch(() => {
          throw new AppError(413, 'payload_too_large');
        });
        return files.upload(actor, req.params.id, bytes, part.filename || undefined, req.id, part.mimetype);
      },
    );
    r.get(
      '/cases/:id/files',
      {
        schema: {
          tags,
          summary: "The case's attachments",
          params: idParam,
          response: { 200: z.array(fileSchema), ...errors },
        },
      },
      (req) => files.list(requireActor(req), req.params.id),
    );
    r.get(
      '/cases/:id/files/:sub',
      {
        schema: {
          tags,
          summary: 'Download an attachment (audited)',
          params: z.strictObject({ id: z.uuid(), sub: z.uuid() }),
          response: {
            200: z.unknown().meta({ description: 'The file bytes' }),
            400: errorSchema,
            401: errorSchema,
            404: errorSchema,
          },
        },
      },
      async (req, reply) => {
        const f = await files.download(requireActor(req), req.params.id, req.params.sub, req.id);
        return reply.type(f.mime).header('content-disposition', 'attachment').send(f.data);
      },
    );
  };
