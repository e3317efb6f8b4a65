import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { sendFile } from '../../platform/http/files';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor, requirePermission } from '../access/index';
import { TranslationService } from './service';

const langParam = z.strictObject({ lang: z.string().max(10) });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema };
const maxSheetBytes = 5 * 1024 * 1024;

/** Interface strings: the reviewed ones for the web app (public), and the review sheet for administrators. */
export const translationRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: maxSheetBytes, files: 1, fields: 5 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const service = new TranslationService(ctx);
    const tags = ['translations'];

    r.get(
      '/i18n/:lang',
      {
        schema: {
          tags,
          summary: "The installation's reviewed interface strings of a language, and how many still wait for review",
          params: langParam,
          response: {
            200: z.object({ strings: z.record(z.string(), z.string()), toReview: z.number() }),
            404: errorSchema,
          },
        },
      },
      (req) => service.forInterface(TranslationService.language(req.params.lang)),
    );

    r.get(
      '/i18n/:lang/export',
      {
        schema: {
          tags,
          summary: 'Every string of a language as an XLSX review sheet (key, es, en, value, status, note)',
          params: langParam,
          response: { 200: z.unknown().meta({ description: 'The XLSX file' }), ...errors },
        },
      },
      async (req, reply) => {
        requirePermission(requireActor(req), 'translations:manage');
        const lang = TranslationService.language(req.params.lang);
        const file = await service.exportXlsx(lang);
        return sendFile(
          reply,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          `minka-${lang}.xlsx`,
          file,
        );
      },
    );

    r.post(
      '/i18n/import',
      {
        schema: {
          tags,
          summary: 'Take a reviewed sheet back (multipart field "file"); a bad row refuses the whole sheet',
          response: { 200: z.object({ reviewed: z.number(), unchanged: z.number() }), ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        requirePermission(actor, 'translations:manage');
        if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
        const part = await req.file();
        if (!part) throw new AppError(400, 'file_missing');
        const bytes = await part.toBuffer().catch(() => {
          throw new AppError(413, 'payload_too_large');
        });
        return service.importXlsx(bytes, actor, req.id);
      },
    );
  };
