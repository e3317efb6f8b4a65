import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { presentEntry } from './present';
import { auditEntrySchema, auditPersonSchema, auditQuery, verifySchema } from './schema';
import { AuditTrail } from './trail';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

/** Audit browser (by record and by user) and chain verification against checkpoints, for administrators and supervisors. */
export const auditRoutes =
  (deps: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit'];
    const trail = new AuditTrail(deps);
    r.get(
      '/audit',
      {
        schema: {
          tags,
          summary: 'Audit entries, newest first; actors limited to my jurisdiction',
          querystring: auditQuery,
          response: { 200: z.array(auditEntrySchema), ...errors },
        },
      },
      async (req) => {
        const { rows, naming } = await trail.browse(requireActor(req), req.query, requestLanguage(req));
        return rows.map((e) => presentEntry(e, naming));
      },
    );
    r.get(
      '/audit/people',
      {
        schema: {
          tags,
          summary: 'People who appear as actors in the entries I may read, by name (to filter by person)',
          response: { 200: z.array(auditPersonSchema), ...errors },
        },
      },
      (req) => trail.people(requireActor(req)),
    );
    r.get(
      '/audit/verify',
      {
        schema: {
          tags,
          summary: 'Verify the MAC chain against the signed checkpoints and name the first changed entry',
          response: { 200: verifySchema, ...errors },
        },
      },
      async (req) => {
        const r = await trail.verify(requireActor(req));
        // The checkpoint directory is the server's business, not the reader's.
        const { dir: _, ...checkpoints } = r.checkpoints;
        return { ...r, checkpoints };
      },
    );
  };
