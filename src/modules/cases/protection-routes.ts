import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { serviceTypes } from '../directory/schema';
import { legalStages, Protection } from './protection';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const date = z.iso.date();
const plan = z
  .object({
    id: z.string(),
    version: z.number(),
    status: z.string(),
    spl_Objectives: z.string(),
    spl_ActionPlan: z.string().nullable(),
    spl_Type: z.array(z.string()),
    spl_PlannedEndDate: z.string().nullable(),
    spl_ActualEndDate: z.string().nullable(),
    reviewComment: z.string().nullable(),
  })
  .meta({ id: 'SupportPlan' });
const legal = z
  .object({
    id: z.string(),
    stage: z.string(),
    date: z.string(),
    authority: z.string().nullable(),
    fileNumber: z.string().nullable(),
    outcome: z.string().nullable(),
    protectionMeasures: z.string().nullable(),
    victimParticipates: z.boolean().nullable(),
  })
  .meta({ id: 'LegalStep' });

/** Support plans, legal proceedings and reopening. */
export const protectionRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const p = new Protection(ctx);
    const tags = ['cases'];
    r.post(
      '/cases/:id/plans',
      {
        schema: {
          tags,
          summary: 'Submit a support plan (a new version supersedes the open one)',
          params: idParam,
          body: z.strictObject({
            spl_Objectives: z.string().trim().min(3).max(5000),
            spl_ActionPlan: z.string().trim().max(5000).optional(),
            spl_Type: z.array(z.enum(serviceTypes)).min(1),
            spl_PlannedEndDate: date.optional(),
          }),
          response: { 200: z.array(plan), ...errors },
        },
      },
      (req) => p.submitPlan(requireActor(req), req.params.id, req.body, req.id),
    );
    r.get(
      '/cases/:id/plans',
      {
        schema: {
          tags,
          summary: 'Support plans, newest version first',
          params: idParam,
          response: { 200: z.array(plan), ...errors },
        },
      },
      (req) => p.plans(requireActor(req), req.params.id),
    );
    r.post(
      '/plans/:id/review',
      {
        schema: {
          tags,
          summary: 'Approve or return a plan (supervisors)',
          params: idParam,
          body: z.strictObject({ approve: z.boolean(), comment: z.string().trim().min(3).max(2000).optional() }),
          response: { 200: z.array(plan), ...errors },
        },
      },
      (req) => p.review(requireActor(req), req.params.id, req.body, req.id),
    );
    r.post(
      '/plans/:id/complete',
      {
        schema: {
          tags,
          summary: 'Complete an approved plan',
          params: idParam,
          body: z.strictObject({ spl_ActualEndDate: date }),
          response: { 200: z.array(plan), ...errors },
        },
      },
      (req) => p.completePlan(requireActor(req), req.params.id, req.body, req.id),
    );
    r.post(
      '/cases/:id/legal',
      {
        schema: {
          tags,
          summary: 'Record a step of the legal process',
          params: idParam,
          body: z.strictObject({
            stage: z.enum(legalStages),
            date,
            authority: z.string().trim().max(200).optional(),
            fileNumber: z.string().trim().max(60).optional(),
            outcome: z.string().trim().max(2000).optional(),
            protectionMeasures: z.string().trim().max(2000).optional(),
            victimParticipates: z.boolean().optional(),
          }),
          response: { 200: z.array(legal), ...errors },
        },
      },
      (req) => p.addLegal(requireActor(req), req.params.id, req.body, req.id),
    );
    r.get(
      '/cases/:id/legal',
      {
        schema: {
          tags,
          summary: 'The legal process so far',
          params: idParam,
          response: { 200: z.array(legal), ...errors },
        },
      },
      (req) => p.legal(requireActor(req), req.params.id),
    );
    r.post(
      '/cases/:id/reopen',
      {
        schema: {
          tags,
          summary: 'Reopen a closed case (supervisors)',
          params: idParam,
          body: z.strictObject({ reason: z.string().trim().min(3).max(1000) }),
          response: { 200: z.object({ ok: z.literal(true) }), ...errors },
        },
      },
      (req) => p.reopen(requireActor(req), req.params.id, req.body.reason, req.id),
    );
  };
