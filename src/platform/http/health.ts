import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationStatus, ping } from '../db/index';
import { requestLanguage, t } from '../i18n/index';
import type { AppDeps } from './app';
import { errorSchema } from './schemas';

const startedAt = Date.now();

/** Liveness and readiness probes. */
export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/health',
      {
        schema: {
          tags: ['platform'],
          summary: 'Liveness: the process answers',
          response: { 200: z.object({ status: z.literal('ok'), uptimeSeconds: z.number() }) },
        },
        config: { rateLimit: false },
      },
      async () => ({ status: 'ok' as const, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }),
    );
    r.get(
      '/ready',
      {
        schema: {
          tags: ['platform'],
          summary: 'Readiness: database reachable and migrations current',
          response: {
            200: z.object({
              status: z.literal('ready'),
              database: z.enum(['sqlite', 'postgres']),
              migrations: z.object({ applied: z.number(), pending: z.number() }),
            }),
            503: errorSchema,
          },
        },
        config: { rateLimit: false },
      },
      async (req, reply) => {
        const lang = requestLanguage(req);
        if (!(await ping(deps.db.db))) {
          const reason = t(lang, 'ready.database_unreachable');
          return reply.status(503).send({ code: 'not_ready', message: t(lang, 'errors.not_ready', { reason }) });
        }
        const states = await migrationStatus(deps.db.db);
        const pending = states.filter((s) => !s.executedAt).length;
        if (pending > 0) {
          const reason = t(lang, 'ready.migrations_pending', { count: pending });
          return reply.status(503).send({ code: 'not_ready', message: t(lang, 'errors.not_ready', { reason }) });
        }
        return { status: 'ready' as const, database: deps.db.engine, migrations: { applied: states.length, pending } };
      },
    );
  };
