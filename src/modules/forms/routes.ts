import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor, requirePermission } from '../access/index';
import { idParam } from '../access/schema';
import {
  answersBody,
  attachBody,
  caseFormSectionSchema,
  caseFormsSchema,
  formImportedSchema,
  formListSchema,
  formSummarySchema,
  formVersionDetailSchema,
  versionParam,
} from './schema';
import { FormsService } from './service';
import { CaseForms } from './service-cases';

/** An XLSForm is a small spreadsheet; a few megabytes hold thousands of rows. */
export const maxFormBytes = 5 * 1024 * 1024;
const problemsSchema = errorSchema
  .extend({
    formIssues: z
      .array(
        z.object({
          sheet: z.string(),
          row: z.number(),
          column: z.string(),
          code: z.string(),
          detail: z.string().optional(),
        }),
      )
      .optional(),
    issues: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.record(z.string(), z.string()).optional() }))
      .optional(),
    version: z.number().optional().meta({ description: 'The current record version, to base a new attempt on' }),
  })
  .meta({ id: 'FormError' });
const errors = {
  400: problemsSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: problemsSchema,
  413: errorSchema,
  415: errorSchema,
  422: problemsSchema,
};
const subParam = z.strictObject({ id: z.uuid(), sub: z.uuid() });

/** Forms: XLSForm import and versions, attachment to jurisdictions, and the case sections they make. */
export const formRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: maxFormBytes, files: 1, fields: 5 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const forms = new FormsService(ctx);
    const cases = new CaseForms(ctx);
    const tags = ['forms'];

    r.post(
      '/forms',
      {
        schema: {
          tags,
          summary:
            'Import an XLSForm (multipart field "file", XLSX) as a case form; the same form_id becomes its next version',
          response: { 200: formImportedSchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        requirePermission(actor, 'forms:manage');
        if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
        const part = await req.file();
        if (!part) throw new AppError(400, 'file_missing');
        const data = await part.toBuffer().catch(() => {
          throw new AppError(413, 'payload_too_large');
        });
        const out = await forms.importXlsx(
          actor,
          { data, filename: part.filename ?? '' },
          'case',
          undefined,
          req.id,
          requestLanguage(req),
        );
        return { id: out.formId, number: out.number, form: out.form };
      },
    );

    r.get(
      '/forms',
      {
        schema: {
          tags,
          summary: 'Case forms, their versions and attachments',
          response: { 200: formListSchema, ...errors },
        },
      },
      async (req) => ({ forms: await forms.list(requireActor(req)) }),
    );

    r.get(
      '/forms/:id',
      { schema: { tags, summary: 'One form', params: idParam, response: { 200: formSummarySchema, ...errors } } },
      (req) => forms.get(requireActor(req), req.params.id),
    );

    r.get(
      '/forms/:id/versions/:number',
      {
        schema: {
          tags,
          summary: 'One version of a form, with its definition',
          params: versionParam,
          response: { 200: formVersionDetailSchema, ...errors },
        },
      },
      (req) => forms.version(requireActor(req), req.params.id, req.params.number),
    );

    r.post(
      '/forms/:id/attachments',
      {
        schema: {
          tags,
          summary: 'Show the form as a section of the cases in a division of your jurisdiction (and below it)',
          params: idParam,
          body: attachBody,
          response: { 200: formSummarySchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const { country, code } = req.body.division;
        await forms.attach(actor, req.params.id, { country, division: code }, req.id);
        return forms.get(actor, req.params.id);
      },
    );

    r.delete(
      '/forms/:id/attachments/:sub',
      {
        schema: {
          tags,
          summary: 'Stop showing the form in those cases (answers given stay with their cases)',
          params: subParam,
          response: { 200: formSummarySchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await forms.detach(actor, req.params.id, req.params.sub, req.id);
        return forms.get(actor, req.params.id);
      },
    );

    r.get(
      '/cases/:id/forms',
      {
        schema: {
          tags,
          summary: "The forms attached to the case's jurisdiction, with the case's answers (the read is audited)",
          params: idParam,
          response: { 200: caseFormsSchema, ...errors },
        },
      },
      (req) => cases.sectionsFor(requireActor(req), req.params.id, req.id),
    );

    r.put(
      '/cases/:id/forms/:sub',
      {
        schema: {
          tags,
          summary:
            "Save the case's answers to a form (`:sub` is the form id) on the record version read; checked with the form's rules",
          params: subParam,
          body: answersBody,
          response: { 200: caseFormSectionSchema, ...errors },
        },
      },
      (req) =>
        cases.saveAnswers(requireActor(req), req.params.id, req.params.sub, req.body, req.id, requestLanguage(req)),
    );
  };
