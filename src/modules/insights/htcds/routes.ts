import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../../platform/context';
import { AppError } from '../../../platform/http/errors';
import { mime, sendFile } from '../../../platform/http/files';
import { errorSchema } from '../../../platform/http/schemas';
import { requestLanguage } from '../../../platform/i18n/index';
import { requireActor } from '../../access/index';
import { HtcdsExport } from './export';
import { HtcdsImports } from './import';
import { maxImportBytes } from './parse';
import { presentJob } from './present';
import { commitBody, exportQuery, importJob, importQuery, jobParams, jobQuery } from './schema';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
  415: errorSchema,
};

/** HTCDS flat-file export (CSV, XLSX) and import jobs (upload and validate, poll, commit). */
export const htcdsRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: maxImportBytes, files: 1, fields: 5 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const exporter = new HtcdsExport(ctx);
    const imports = new HtcdsImports(ctx);
    const tags = ['insights'];
    const file = { 200: z.unknown().meta({ description: 'The file' }), ...errors };

    r.get(
      '/insights/htcds.csv',
      {
        schema: {
          tags,
          summary:
            'HTCDS export as CSV (UTF-8 with BOM), template column order; personal columns only with exports:personal (audited)',
          querystring: exportQuery,
          response: file,
        },
      },
      async (req, reply) => {
        const out = await exporter.csv(requireActor(req), req.query, req.id);
        return sendFile(reply, mime.csv, out.filename, out.body);
      },
    );
    r.get(
      '/insights/htcds.xlsx',
      {
        schema: {
          tags,
          summary: 'HTCDS export as XLSX in the official template layout (audited)',
          querystring: exportQuery,
          response: file,
        },
      },
      async (req, reply) => {
        const out = await exporter.xlsx(requireActor(req), req.query, req.id);
        return sendFile(reply, mime.xlsx, out.filename, out.body);
      },
    );
    r.post(
      '/insights/htcds/imports',
      {
        schema: {
          tags,
          summary:
            'Upload an HTCDS CSV or XLSX (multipart field "file"): every row is validated; nothing is imported yet',
          querystring: importQuery,
          response: { 200: importJob, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        imports.assertMayImport(actor);
        if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
        const part = await req.file();
        if (!part) throw new AppError(400, 'file_missing');
        const bytes = await part.toBuffer().catch(() => {
          throw new AppError(413, 'payload_too_large');
        });
        const job = await imports.upload(actor, bytes, part.filename || undefined, req.query.division, req.id);
        return presentJob(job, requestLanguage(req));
      },
    );
    r.get(
      '/insights/htcds/imports/:id',
      {
        schema: {
          tags,
          summary: 'An import job: validation report and progress (poll while it runs)',
          params: jobParams,
          querystring: jobQuery,
          response: { 200: importJob, ...errors },
        },
      },
      async (req) => presentJob(await imports.load(requireActor(req), req.params.id), requestLanguage(req)),
    );
    r.post(
      '/insights/htcds/imports/:id/commit',
      {
        schema: {
          tags,
          summary: 'Import the rows: all of a clean file, or only the valid ones with validOnly; runs in chunks',
          params: jobParams,
          querystring: jobQuery,
          body: commitBody,
          response: { 200: importJob, ...errors },
        },
      },
      async (req) => {
        const job = await imports.commit(requireActor(req), req.params.id, req.body.validOnly, req.id);
        return presentJob(job, requestLanguage(req));
      },
    );
  };
