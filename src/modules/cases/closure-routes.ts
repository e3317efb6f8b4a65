import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { Closure } from './closure';
import { ReviewBoard } from './review-board';
import { closeBody } from './schema';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const request = z
  .object({
    id: z.string(),
    cas_Status: z.string(),
    cas_ReasonForCaseClosure: z.string(),
    requestedBy: z.string(),
    requestedAt: z.string(),
  })
  .meta({ id: 'ClosureRequest' });

/** Closure requested by the caseworker and approved or returned by a supervisor. */
export const closureRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const closure = new Closure(ctx);
    const tags = ['cases'];
    r.post(
      '/cases/:id/closure',
      {
        schema: {
          tags,
          summary: 'Ask a supervisor to close the case, with an HTCDS status and reason',
          params: idParam,
          body: closeBody,
          response: { 200: request, ...errors },
        },
      },
      async (req) => (await closure.request(requireActor(req), req.params.id, req.body, req.id))!,
    );
    r.get(
      '/cases/:id/closure',
      {
        schema: {
          tags,
          summary: "The case's pending closure request, and the comment of the last one returned (audited)",
          params: idParam,
          response: {
            200: z.object({
              pending: request.nullable(),
              returned: z.object({ comment: z.string().nullable(), decidedAt: z.string() }).nullable(),
            }),
            ...errors,
          },
        },
      },
      (req) => closure.state(requireActor(req), req.params.id, req.id),
    );
    r.post(
      '/cases/:id/closure/decision',
      {
        schema: {
          tags,
          summary: 'Approve the closure (the case closes) or return it with a comment (supervisors)',
          params: idParam,
          body: z.strictObject({ approve: z.boolean(), comment: z.string().trim().min(3).max(2000).optional() }),
          response: { 200: z.object({ id: z.string(), status: z.enum(['approved', 'returned']) }), ...errors },
        },
      },
      (req) => closure.decide(requireActor(req), req.params.id, req.body, req.id),
    );
    r.get(
      '/supervision/closures',
      {
        schema: {
          tags,
          summary: 'Pending closure requests in my jurisdiction (supervisors)',
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                caseId: z.string(),
                caseCode: z.string(),
                cas_Status: z.string(),
                requestedAt: z.string(),
              }),
            ),
            ...errors,
          },
        },
      },
      (req) => closure.board(requireActor(req)),
    );
    const board = new ReviewBoard(ctx);
    r.get(
      '/supervision/plans',
      {
        schema: {
          tags,
          summary: 'Support plans submitted for review in my jurisdiction (supervisors; empty for others)',
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                caseId: z.string(),
                caseCode: z.string(),
                version: z.number(),
                submittedAt: z.string(),
              }),
            ),
            ...errors,
          },
        },
      },
      (req) => board.plansToReview(requireActor(req)),
    );
    r.get(
      '/me/work/count',
      {
        schema: {
          tags,
          summary: 'How many things wait for me (tasks, drafts, and for supervisors plans and closures to review)',
          response: { 200: z.object({ work: z.number() }), ...errors },
        },
      },
      (req) => board.count(requireActor(req)),
    );
  };
