import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { CareService } from './care';
import { IntakeService } from './intake';
import { Merges } from './merges';
import {
  candidateSchema,
  candidatesBody,
  caseDetailSchema,
  casePage,
  caseQuery,
  caseSearchBody,
  closeBody,
  commentBody,
  consentBody,
  decisionBody,
  intakeBody,
  safeguardsBody,
  screeningBody,
  screeningResultSchema,
} from './schema';
import { CaseService } from './service';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const detail = caseDetailSchema;
const sub = z.strictObject({ id: z.uuid(), sub: z.uuid() });
const mergeResult = z.object({ merged: z.string(), into: z.string(), movedCases: z.number() });
const screeningResult = screeningResultSchema;

/** Victim case management API. */
export const caseRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const cases = new CaseService(ctx);
    const care = new CareService(ctx);
    const intake = new IntakeService(ctx);
    const merges = new Merges(ctx);
    const tags = ['cases'];
    r.post(
      '/persons/candidates',
      {
        schema: {
          tags,
          summary: 'Likely existing persons before saving a new one',
          body: candidatesBody,
          response: { 200: z.array(candidateSchema), ...errors },
        },
      },
      async (req) => {
        return cases.candidates(requireActor(req), req.body, req.id);
      },
    );
    r.post(
      '/cases',
      {
        schema: {
          tags,
          summary: 'Open a case (a draft may be incomplete)',
          body: intakeBody,
          response: { 200: z.object({ id: z.string(), code: z.string(), isMinor: z.boolean() }), ...errors },
        },
      },
      (req) => intake.intake(requireActor(req), req.body, req.id),
    );
    r.get(
      '/cases',
      {
        schema: {
          tags,
          summary: 'Cases in my jurisdiction or related to me, newest first',
          querystring: caseQuery,
          response: { 200: casePage, ...errors },
        },
      },
      (req) => cases.list(requireActor(req), req.query, req.id),
    );
    r.post(
      '/cases/search',
      {
        schema: {
          tags,
          summary: 'Cases by name (any spelling) and the same filters, with the name in the body',
          body: caseSearchBody,
          response: { 200: casePage, ...errors },
        },
      },
      (req) => cases.list(requireActor(req), req.body, req.id),
    );
    r.get(
      '/cases/:id',
      { schema: { tags, summary: 'One case (audited)', params: idParam, response: { 200: detail, ...errors } } },
      (req) => cases.get(requireActor(req), req.params.id, req.id),
    );
    r.post(
      '/cases/:id/screening',
      {
        schema: {
          tags,
          summary: 'Record a screening against the ILO/EC indicators; returns the suggestion',
          params: idParam,
          body: screeningBody,
          response: { 200: screeningResult, ...errors },
        },
      },
      (req) => cases.screen(requireActor(req), req.params.id, req.body.type, req.body.indicators, req.id),
    );
    r.post(
      '/cases/:id/decision',
      {
        schema: {
          tags,
          summary: 'Record the trafficking-status decision with its reason',
          params: idParam,
          body: decisionBody,
          response: { 200: detail, ...errors },
        },
      },
      (req) => cases.decide(requireActor(req), req.params.id, req.body, req.id),
    );
    r.post(
      '/cases/:id/consents',
      {
        schema: {
          tags,
          summary: 'Record a consent (a guardian or authority for a minor)',
          params: idParam,
          body: consentBody,
          response: { 200: detail, ...errors },
        },
      },
      (req) => care.addConsent(requireActor(req), req.params.id, req.body, req.id),
    );
    r.post(
      '/cases/:id/consents/:sub/withdraw',
      { schema: { tags, summary: 'Withdraw a consent', params: sub, response: { 200: detail, ...errors } } },
      (req) => care.withdrawConsent(requireActor(req), req.params.id, req.params.sub, req.id),
    );
    r.post(
      '/cases/:id/safeguards',
      {
        schema: {
          tags,
          summary: "A minor's guardian or authority details and best-interest note",
          params: idParam,
          body: safeguardsBody,
          response: { 200: detail, ...errors },
        },
      },
      (req) => care.setSafeguards(requireActor(req), req.params.id, req.body, req.id),
    );
    r.post(
      '/cases/:id/tasks/:sub/done',
      {
        schema: {
          tags,
          summary: 'Mark a task done, with what a follow-up found',
          params: sub,
          body: z.strictObject({ outcome: z.string().trim().min(1).max(2000).optional() }).optional(),
          response: { 200: detail, ...errors },
        },
      },
      (req) => care.completeTask(requireActor(req), req.params.id, req.params.sub, req.id, req.body?.outcome),
    );
    r.post(
      '/cases/:id/comments',
      {
        schema: {
          tags,
          summary: 'Add a case comment',
          params: idParam,
          body: commentBody,
          response: { 200: detail, ...errors },
        },
      },
      (req) => care.comment(requireActor(req), req.params.id, req.body.cco_CaseComment, req.id),
    );
    r.post(
      '/persons/:id/merge',
      {
        schema: {
          tags,
          summary: 'Merge a duplicate person into another (reversible, audited)',
          params: idParam,
          body: z.strictObject({ into: z.uuid() }),
          response: { 200: mergeResult, ...errors },
        },
      },
      (req) => merges.merge(requireActor(req), req.params.id, req.body.into, req.id),
    );
    r.post(
      '/persons/:id/unmerge',
      {
        schema: {
          tags,
          summary: 'Undo a merge: the cases return to this person',
          params: idParam,
          response: { 200: mergeResult, ...errors },
        },
      },
      (req) => merges.unmerge(requireActor(req), req.params.id, req.id),
    );
    r.post(
      '/cases/:id/close',
      {
        schema: {
          tags,
          summary: "Close a case (refused while a minor's safeguards are missing)",
          params: idParam,
          body: closeBody,
          response: { 200: detail, ...errors },
        },
      },
      (req) => care.close(requireActor(req), req.params.id, req.body, req.id),
    );
  };
