import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { dashboardQuery, dashboardSchema } from './schema';
import { InsightsService } from './service';
import { storeFor } from './store';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** Dashboards: figures by time, form of exploitation, profile, place and route, under disclosure control. */
export const insightRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const insights = new InsightsService(ctx, storeFor(ctx));
    r.get(
      '/insights/dashboard',
      {
        schema: {
          tags: ['insights'],
          summary: 'Dashboard figures for a period, division and age group',
          querystring: dashboardQuery,
          response: { 200: dashboardSchema, ...errors },
        },
      },
      (req) => insights.dashboard(requireActor(req), req.query),
    );
  };
