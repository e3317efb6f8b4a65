import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { CaseHistory } from './history';
import { RecordService } from './record';
import {
  casePatch,
  eventFields,
  eventPatch,
  fieldsSchema,
  perpetratorFields,
  perpetratorPatch,
  personPatch,
  type RecordType,
} from './record-fields';
import { caseDetailSchema } from './schema';
import { CaseService } from './service';
import { htcds } from './vocabulary';

// The living record's API: change the case, its person, events and perpetrators on a stated version (body field
// `version` or an If-Match header), open a draft, read the history and restore an earlier value.

const conflictSchema = errorSchema
  .extend({
    conflicts: z
      .array(z.object({ field: z.string(), yours: z.unknown(), theirs: z.unknown() }))
      .optional()
      .meta({ description: 'Each field someone else changed meanwhile, with your value and theirs' }),
    version: z.number().optional().meta({ description: 'The current version, to base a new attempt on' }),
    missing: z.array(z.string()).optional(),
  })
  .meta({ id: 'EditError' });
const errors = {
  400: conflictSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: conflictSchema,
  428: errorSchema,
};
const sub = z.strictObject({ id: z.uuid(), sub: z.uuid() });
const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
const value = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
const historySchema = z
  .object({
    changes: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        actorName: z.string(),
        recordType: z.enum(['case', 'person', 'event', 'perpetrator']),
        recordId: z.string(),
        kind: z.enum(['created', 'updated', 'removed', 'restored', 'derived']),
        reason: z.string().nullable(),
        fields: z.array(z.object({ field: z.string(), from: value, to: value })),
        restorable: z.boolean(),
      }),
    ),
    actions: z.array(z.object({ at: z.string(), actorName: z.string(), action: z.string() })),
    views: z.array(z.object({ day: z.string(), count: z.number(), readers: z.number(), people: z.array(z.string()) })),
  })
  .meta({ id: 'CaseHistory' });

/**
 * The version a change is based on: the body's, else the If-Match header's (a number, quoted or not), else the
 * validated `?version=`. Anything else counts as no version (428), never as a version that matches everything.
 */
function basedOn(req: FastifyRequest, body?: { version?: number }): number | undefined {
  if (body?.version !== undefined) return body.version;
  const h = req.headers['if-match'];
  const m = typeof h === 'string' ? /^(?:W\/)?"?(\d{1,9})"?$/.exec(h.trim()) : null;
  const v = m ? Number(m[1]) : (req.query as { version?: unknown } | undefined)?.version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;
}

export const recordRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const record = new RecordService(ctx);
    const cases = new CaseService(ctx);
    const history = new CaseHistory(ctx);
    const tags = ['cases'];
    const answer = (req: FastifyRequest, id: string) => cases.get(requireActor(req), id, req.id, true);

    const patch = (path: string, type: RecordType, body: z.ZodType, summary: string) =>
      r.patch(
        path,
        {
          schema: {
            tags,
            summary,
            params: type === 'event' || type === 'perpetrator' ? sub : idParam,
            querystring: versionQuery,
            body,
            response: { 200: caseDetailSchema, ...errors },
          },
        },
        async (req) => {
          const p = req.params as { id: string; sub?: string };
          const b = req.body as { version?: number; fields: Record<string, unknown>; reason?: string };
          await record.update({
            actor: requireActor(req),
            caseId: p.id,
            type,
            sub: p.sub,
            fields: b.fields,
            version: basedOn(req, b),
            reason: b.reason,
            requestId: req.id,
          });
          return answer(req, p.id);
        },
      );
    patch('/cases/:id', 'case', casePatch, "Change the case's fields (victim context, age, place, safeguards)");
    patch('/cases/:id/person', 'person', personPatch, 'Change or correct the person (a correction needs a reason)');
    patch('/cases/:id/events/:sub', 'event', eventPatch, 'Change a recruitment, transit or exploitation event');
    patch('/cases/:id/perpetrators/:sub', 'perpetrator', perpetratorPatch, 'Change a perpetrator');

    const add = (path: string, type: 'event' | 'perpetrator', body: z.ZodType, summary: string) =>
      r.post(
        path,
        { schema: { tags, summary, params: idParam, body, response: { 200: caseDetailSchema, ...errors } } },
        async (req) => {
          await record.add(requireActor(req), req.params.id, type, req.body as Record<string, unknown>, req.id);
          return answer(req, req.params.id);
        },
      );
    add(
      '/cases/:id/events',
      'event',
      fieldsSchema(eventFields).extend({ hte_Type: z.enum(htcds.hte_Type) }),
      'Add a recruitment, transit or exploitation event',
    );
    add('/cases/:id/perpetrators', 'perpetrator', fieldsSchema(perpetratorFields), 'Add a perpetrator');

    const remove = (path: string, type: 'event' | 'perpetrator', summary: string) =>
      r.delete(
        path,
        {
          schema: {
            tags,
            summary,
            params: sub,
            querystring: versionQuery,
            response: { 200: caseDetailSchema, ...errors },
          },
        },
        async (req) => {
          await record.remove(requireActor(req), req.params.id, type, req.params.sub, basedOn(req), req.id);
          return answer(req, req.params.id);
        },
      );
    remove('/cases/:id/events/:sub', 'event', 'Remove an event (its values stay in the history)');
    remove('/cases/:id/perpetrators/:sub', 'perpetrator', 'Remove a perpetrator (its values stay in the history)');

    r.post(
      '/cases/:id/open',
      {
        schema: {
          tags,
          summary: 'Open a draft as an active case (refused while something it needs is missing)',
          params: idParam,
          querystring: versionQuery,
          body: z.strictObject({ version: z.number().int().min(1).optional() }).optional(),
          response: { 200: caseDetailSchema, ...errors },
        },
      },
      async (req) => {
        await record.open(requireActor(req), req.params.id, basedOn(req, req.body), req.id);
        return answer(req, req.params.id);
      },
    );
    r.get(
      '/cases/:id/history',
      {
        schema: {
          tags,
          summary: 'Field-level changes with old and new values, other actions, and reads grouped by day',
          params: idParam,
          response: { 200: historySchema, ...errors },
        },
      },
      (req) => history.list(requireActor(req), req.params.id, req.id),
    );
    r.post(
      '/cases/:id/history/:sub/restore',
      {
        schema: {
          tags,
          summary: 'A supervisor restores the values a change replaced',
          params: sub,
          body: z.strictObject({ reason: z.string().trim().min(3).max(1000) }),
          response: { 200: caseDetailSchema, ...errors },
        },
      },
      async (req) => {
        await history.restore(requireActor(req), req.params.id, req.params.sub, req.body.reason, req.id);
        return answer(req, req.params.id);
      },
    );
  };
