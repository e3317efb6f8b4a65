import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor, requirePermission } from '../access/index';
import { RetentionSchedules } from './schedules';
import { scheduleParam, schedulePatchBody, scheduleSchema, upcomingSchema } from './schema';
import { upcoming } from './upcoming';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Retention schedules (administrators) and the records the retention job will apply soon (also supervisors). */
export const retentionRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const schedules = new RetentionSchedules(ctx);
    const tags = ['retention'];
    r.get(
      '/retention/schedules',
      {
        schema: {
          tags,
          summary: 'How long each type of record is kept, the warning before, and what happens then',
          response: { 200: z.array(scheduleSchema), ...errors },
        },
      },
      async (req) => {
        requirePermission(requireActor(req), 'retention:manage');
        return schedules.list();
      },
    );
    r.put(
      '/retention/schedules/:recordType',
      {
        schema: {
          tags,
          summary:
            'Change a schedule: its period in months and warning days (audited); public reports follow the configuration',
          params: scheduleParam,
          body: schedulePatchBody,
          response: { 200: scheduleSchema, ...errors },
        },
      },
      async (req) => schedules.change(requireActor(req), req.params.recordType, req.body, requestLanguage(req), req.id),
    );
    r.get(
      '/retention/upcoming',
      {
        schema: {
          tags,
          summary: 'Records warned of (and when they are due) or held by a legal hold or an open proceeding',
          response: { 200: z.array(upcomingSchema), ...errors },
        },
      },
      async (req) => upcoming(ctx, requireActor(req)),
    );
  };
