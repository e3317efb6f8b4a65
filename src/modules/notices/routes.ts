import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { errorSchema } from '../../platform/http/schemas';
import { type Language, languages, requestLanguage } from '../../platform/i18n/index';
import { can, requireActor } from '../access/index';
import { noticePage } from './page';
import { noticeQuery, noticeSchema } from './schema';
import { notice } from './service';

const langOf = (q: unknown, fallback: Language): Language =>
  (languages as readonly string[]).includes(String(q)) ? (q as Language) : fallback;

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

/** GET /api/privacy/notice (public), GET /api/privacy/record (rights:manage or retention:manage), GET /privacidad. */
export const noticesRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['privacy'];
    r.get(
      '/api/privacy/notice',
      {
        schema: {
          tags,
          summary: 'The privacy notice, generated from the configuration (public, no session)',
          querystring: noticeQuery,
          response: { 200: noticeSchema, 400: errorSchema },
        },
      },
      async (req) => notice(ctx, langOf(req.query.lang, requestLanguage(req))),
    );
    r.get(
      '/api/privacy/record',
      {
        schema: {
          tags,
          summary: 'The record of processing activities (rights:manage or retention:manage)',
          querystring: noticeQuery,
          response: { 200: noticeSchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        if (!can(actor, 'rights:manage') && !can(actor, 'retention:manage')) throw new AppError(403, 'forbidden');
        return notice(ctx, langOf(req.query.lang, requestLanguage(req)));
      },
    );
    app.get('/privacidad', async (req, reply) => {
      const lang = langOf((req.query as { lang?: string }).lang, requestLanguage(req));
      reply.type('text/html; charset=utf-8');
      return noticePage(await notice(ctx, lang));
    });
  };
