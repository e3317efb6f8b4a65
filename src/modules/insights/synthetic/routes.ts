import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../../platform/context';
import { mime, sendFile } from '../../../platform/http/files';
import { errorSchema } from '../../../platform/http/schemas';
import { requireActor } from '../../access/index';
import { epsilonRange } from './range';
import { SyntheticData } from './service';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema };

const body = z.strictObject({
  epsilon: z
    .number()
    .default(epsilonRange.default)
    .meta({ description: `Privacy budget, ${epsilonRange.min} to ${epsilonRange.max}; smaller is more private` }),
  format: z.enum(['csv', 'json']).default('csv'),
});

const reportSchema = z
  .object({
    epsilon: z.number(),
    budget: z.object({
      releases: z.number(),
      epsilonPerRelease: z.number(),
      mechanism: z.string(),
      tables: z.array(z.string()),
    }),
    records: z.number(),
    columns: z.number(),
    fromYear: z.number(),
    toYear: z.number(),
    utility: z
      .object({
        comparedWith: z.literal('noisy-tables'),
        attributes: z.array(z.object({ column: z.string(), tvd: z.number(), maxShareDiff: z.number() })),
        averageTvd: z.number(),
        worstTvd: z.number(),
        noiseStdDev: z.number().meta({ description: 'Standard deviation, in people, of the noise on every count' }),
      })
      .meta({
        description:
          'Synthetic shares compared with the noisy tables of the same release (never with the real data): no privacy spent',
      }),
    privacyBudget: z
      .object({ period: z.string(), budget: z.number(), spent: z.number(), remaining: z.number() })
      .meta({ description: "The scope's yearly epsilon budget (MINKA_DP_BUDGET) after this release" }),
  })
  .meta({ id: 'SyntheticReport', description: 'Privacy budget and utility (shares only) of a synthetic release' });

/** Synthetic data drawn from the released, protected figures (researchers, own jurisdiction). */
export const syntheticRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const synthetic = new SyntheticData(ctx);
    r.post(
      '/insights/synthetic',
      {
        schema: {
          tags: ['insights'],
          summary:
            'Release synthetic CTDC records of my jurisdiction, drawn only from the published figures of the current release: CSV, or JSON with the CSV and its utility report',
          description:
            'Spends epsilon from the yearly budget of the jurisdiction (MINKA_DP_BUDGET); 409 privacy_budget_exhausted, with nothing released, when it would pass it.',
          body,
          response: { 200: z.union([z.object({ report: reportSchema, csv: z.string() }), z.unknown()]), ...errors },
        },
      },
      async (req, reply) => {
        const out = await synthetic.release(requireActor(req), req.body.epsilon, req.id);
        if (req.body.format === 'json') return out;
        const day = new Date().toISOString().slice(0, 10);
        return sendFile(reply, mime.csv, `minka-synthetic-${day}.csv`, out.csv);
      },
    );
  };
