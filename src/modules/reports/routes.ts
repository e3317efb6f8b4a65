import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { errorSchema } from '../../platform/http/schemas';
import { t } from '../../platform/i18n/index';
import { can, requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { readReportFile } from './files';
import {
  assignBody,
  linkCaseBody,
  reportDetail,
  reportListItem,
  reportMessage,
  reportQuery,
  staffMessageBody,
  statusBody,
} from './schema';
import { TriageService } from './triage';

/** Replies staff often send, offered in the language the report was written in. */
export const replyTemplates = ['received', 'details', 'safe', 'referred', 'call'] as const;

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** Triage API for staff with reports:triage in the report's jurisdiction. */
export const triageRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const triage = new TriageService(ctx);
    const tags = ['reports'];
    r.get(
      '/reports',
      {
        schema: {
          tags,
          summary: 'Triage queue in my jurisdiction, newest first',
          querystring: reportQuery,
          response: { 200: z.array(reportListItem), ...errors },
        },
      },
      (req) =>
        triage.list(requireActor(req), {
          status: req.query.status,
          mine: req.query.mine === 'true',
          limit: req.query.limit,
        }),
    );
    r.get(
      '/reports/:id',
      {
        schema: {
          tags,
          summary: 'A report with its text and messages (audited)',
          params: idParam,
          response: { 200: reportDetail, ...errors },
        },
      },
      (req) => triage.get(requireActor(req), req.params.id, req.id),
    );
    r.get(
      '/reports/:id/similar',
      {
        schema: {
          tags,
          summary: 'Reports from the same place within 60 days sharing a form of exploitation',
          params: idParam,
          response: { 200: z.array(reportListItem), ...errors },
        },
      },
      (req) => triage.similar(requireActor(req), req.params.id),
    );
    r.post(
      '/reports/:id/assign',
      {
        schema: {
          tags,
          summary: 'Assign to a triage colleague, or unassign with null',
          params: idParam,
          body: assignBody,
          response: { 200: reportListItem, ...errors },
        },
      },
      (req) => triage.assign(requireActor(req), req.params.id, req.body.userId, req.id),
    );
    r.post(
      '/reports/:id/status',
      {
        schema: {
          tags,
          summary: 'Change the triage status',
          params: idParam,
          body: statusBody,
          response: { 200: reportListItem, ...errors },
        },
      },
      (req) => triage.setStatus(requireActor(req), req.params.id, req.body.status, req.body.reason, req.id),
    );
    r.post(
      '/reports/:id/messages',
      {
        schema: {
          tags,
          summary: 'Write to the reporter (read with the receipt)',
          params: idParam,
          body: staffMessageBody,
          response: { 200: reportMessage, ...errors },
        },
      },
      (req) => triage.message(requireActor(req), req.params.id, req.body.body, req.id),
    );
    r.post(
      '/reports/:id/convert',
      {
        schema: {
          tags,
          summary: 'Open a draft case prefilled from the report and link them',
          params: idParam,
          response: { 200: z.object({ id: z.string(), code: z.string(), isMinor: z.boolean() }), ...errors },
        },
      },
      (req) => triage.convert(requireActor(req), req.params.id, req.id),
    );
    r.post(
      '/reports/:id/link-case',
      {
        schema: {
          tags,
          summary: 'Link to a case by its code (status becomes referred)',
          params: idParam,
          body: linkCaseBody,
          response: { 200: reportListItem, ...errors },
        },
      },
      (req) => triage.linkCase(requireActor(req), req.params.id, req.body.caseCode, req.id),
    );
    r.get(
      '/reports/reply-templates',
      {
        schema: {
          tags,
          summary: 'Reply templates in a language (the language the report was written in)',
          querystring: z.strictObject({ lang: z.enum(['es', 'en', 'qu-EC']) }),
          response: { 200: z.array(z.object({ key: z.string(), text: z.string() })), ...errors },
        },
      },
      (req) => {
        if (!can(requireActor(req), 'reports:triage')) throw new AppError(403, 'forbidden');
        return replyTemplates.map((key) => ({ key, text: t(req.query.lang, `report.replies.${key}`) }));
      },
    );
    r.get(
      '/reports/:id/files/:sub',
      {
        schema: {
          tags,
          summary: "A report's photo or voice note, to see or play in the browser (audited)",
          params: z.strictObject({ id: z.uuid(), sub: z.uuid() }),
          response: { 200: z.unknown().meta({ description: 'The file bytes' }), ...errors },
        },
      },
      async (req, reply) => {
        const f = await readReportFile(ctx, requireActor(req), req.params.id, req.params.sub, req.id);
        return reply.type(f.mime).header('content-disposition', 'inline').send(f.data);
      },
    );
    r.get(
      '/reports/count',
      {
        schema: {
          tags,
          summary: 'How many new reports wait in my jurisdiction (for the menu)',
          response: { 200: z.object({ new: z.number() }), ...errors },
        },
      },
      async (req) => ({ new: await triage.countNew(requireActor(req)) }),
    );
  };
