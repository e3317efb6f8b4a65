import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { type ExportFormat, StudyExports } from './exports';
import { StudyImports } from './imports';
import { exportQuery, formImported, imported, importQuery, studyError } from './schema';
import { StudiesService } from './service';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
  415: errorSchema,
  422: studyError,
};
const maxBytes = 20 * 1024 * 1024;

/** Files of studies: the XLSForm, Kobo/ODK imports, and the exports. */
export const studyFileRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const studies = new StudiesService(ctx);
    const imports = new StudyImports(ctx);
    const exportsSvc = new StudyExports(ctx);
    const tags = ['studies'];
    const read = async (req: FastifyRequest) => {
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
      const part = await req.file();
      if (!part) throw new AppError(400, 'file_missing');
      const data = await part.toBuffer().catch(() => {
        throw new AppError(413, 'payload_too_large');
      });
      return { data, filename: part.filename || 'study-form.xlsx' };
    };
    r.post(
      '/studies/:id/form',
      {
        schema: {
          tags,
          summary: 'Import the study\'s XLSForm (multipart field "file"): it becomes the current form version',
          params: idParam,
          response: { 200: formImported, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await studies.load(actor, req.params.id, 'own');
        return studies.importForm(actor, req.params.id, await read(req), requestLanguage(req), req.id);
      },
    );
    r.post(
      '/studies/:id/imports',
      {
        schema: {
          tags,
          summary:
            'Import interviews from a KoboToolbox/ODK export (CSV or XLSX, multipart field "file"); all rows or none',
          params: idParam,
          querystring: importQuery,
          response: { 200: imported, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await studies.load(actor, req.params.id, 'own');
        return imports.import(
          actor,
          req.params.id,
          await read(req),
          { division: req.query.division, lang: requestLanguage(req) },
          req.id,
        );
      },
    );
    for (const format of ['csv', 'xlsx'] as ExportFormat[])
      r.get(
        `/studies/:id/export.${format}`,
        {
          schema: {
            tags,
            summary: `The study's data as ${format.toUpperCase()}: raw answers for its coordinators (audited), the protected counts for everyone else`,
            params: idParam,
            querystring: exportQuery,
            response: { 200: z.unknown().meta({ description: 'The file' }), ...errors },
          },
        },
        async (req, reply) => {
          const f = await exportsSvc.export(
            requireActor(req),
            req.params.id,
            format,
            {
              lang: req.query.lang ?? requestLanguage(req),
              layout: req.query.layout ?? 'labels',
              question: req.query.question,
            },
            req.id,
          );
          return reply.type(f.mime).header('content-disposition', `attachment; filename="${f.filename}"`).send(f.body);
        },
      );
  };
