import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { type OrganisationsService, requireActor, requirePermission } from '../access/index';
import { presentEntry } from './present';
import { auditEntrySchema, auditQuery, verifySchema } from './schema';
import { AuditService } from './service';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

/** Audit browser (by record and by user) and chain verification, for administrators and supervisors. */
export const auditRoutes =
  (deps: Context, orgs: OrganisationsService): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit'];
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
        const actor = requireActor(req);
        requirePermission(actor, 'audit:read');
        // Someone scoped to a whole country sees every entry; others see what organisations in their jurisdiction did.
        const wholeCountry = actor.scope.code === actor.scope.country;
        const actorOrgIds = wholeCountry ? undefined : (await orgs.list(actor)).map((o) => o.id);
        const rows = await new AuditService(deps.db.db).list({
          recordType: req.query.recordType,
          recordId: req.query.recordId,
          actorUserId: req.query.actorUserId,
          beforeId: req.query.before,
          limit: req.query.limit,
          actorOrgIds,
        });
        return rows.map(presentEntry);
      },
    );
    r.get(
      '/audit/verify',
      {
        schema: {
          tags,
          summary: 'Verify the hash chain and name the first broken entry',
          response: { 200: verifySchema, ...errors },
        },
      },
      async (req) => {
        requirePermission(requireActor(req), 'audit:read');
        return new AuditService(deps.db.db).verify();
      },
    );
  };
