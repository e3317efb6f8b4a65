import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../../platform/context';
import { mime, sendFile } from '../../../platform/http/files';
import { errorSchema } from '../../../platform/http/schemas';
import { requireActor } from '../../access/index';
import { CtdcExport } from './service';

const errors = { 401: errorSchema, 403: errorSchema };

export const kReportSchema = z
  .object({
    k: z.number(),
    records: z.number().nullable(),
    published: z.number(),
    suppressed: z.number().nullable().meta({ description: 'null when between 1 and k-1 (disclosure control)' }),
    suppressedUnderK: z.boolean(),
    classes: z.number(),
    smallestClass: z.number().nullable(),
    maxSuppressedShare: z.number(),
    generalised: z.array(z.object({ column: z.string(), level: z.string() })),
    batches: z.array(z.object({ number: z.number(), period: z.string(), rows: z.number() })).meta({
      description:
        'The batches published so far (each k-anonymous on its own; published rows never change); the CSV is all of them',
    }),
  })
  .meta({ id: 'CtdcKAnonymityReport', description: 'What the k-anonymisation generalised and suppressed' });

/** The CTDC-style de-identified export (researchers, own jurisdiction). */
export const ctdcRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const ctdc = new CtdcExport(ctx);
    const tags = ['insights'];
    r.get(
      '/insights/ctdc.csv',
      {
        schema: {
          tags,
          summary:
            'CTDC-style de-identified records of my jurisdiction, every k-anonymous batch published so far, as CSV',
          response: { 200: z.unknown(), ...errors },
        },
      },
      async (req, reply) => {
        const out = await ctdc.csv(requireActor(req), req.id);
        return sendFile(reply, mime.csv, out.filename, out.csv);
      },
    );
    r.get(
      '/insights/ctdc/report',
      {
        schema: {
          tags,
          summary: 'What the CTDC export generalises and holds back for my jurisdiction, and its batches',
          response: { 200: kReportSchema, ...errors },
        },
      },
      async (req) => ctdc.report(requireActor(req), req.id),
    );
  };
