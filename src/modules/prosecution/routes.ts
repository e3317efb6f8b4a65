import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import {
  chargesBody,
  complaintCreate,
  complaintParams,
  complaintPatch,
  hearingBody,
  outcomeBody,
  prosecutionView,
  stageBody,
} from './schema';
import { ProsecutionService } from './service';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const response = { 200: prosecutionView, ...errors };

/** The criminal proceedings of a case: one read of everything, and one write per thing recorded. */
export const prosecutionRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const s = new ProsecutionService(ctx);
    const tags = ['prosecution'];
    r.get(
      '/cases/:id/prosecution',
      {
        schema: {
          tags,
          summary: "The case's complaints: stages, suspects and charges, hearings, outcome, and the reader's abilities",
          params: idParam,
          response,
        },
      },
      (req) => s.view(requireActor(req), req.params.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/complaints',
      {
        schema: {
          tags,
          summary: 'File a complaint (the file number is sealed)',
          params: idParam,
          body: complaintCreate,
          response,
        },
      },
      (req) => s.create(requireActor(req), req.params.id, req.body, requestLanguage(req), req.id),
    );
    r.patch(
      '/cases/:id/complaints/:sub',
      {
        schema: {
          tags,
          summary: "Correct a complaint's filing date, institution, prosecutor's office or file number",
          params: complaintParams,
          body: complaintPatch,
          response,
        },
      },
      (req) => s.update(requireActor(req), req.params.id, req.params.sub, req.body, requestLanguage(req), req.id),
    );
    r.post(
      '/cases/:id/complaints/:sub/stages',
      {
        schema: {
          tags,
          summary: 'The proceeding reached a later stage (proceeding_stage catalogue)',
          params: complaintParams,
          body: stageBody,
          response,
        },
      },
      (req) => s.addStage(requireActor(req), req.params.id, req.params.sub, req.body, requestLanguage(req), req.id),
    );
    r.post(
      '/cases/:id/complaints/:sub/charges',
      {
        schema: {
          tags,
          summary: "Charges against one of the case's perpetrators (offence catalogue; the whole set)",
          params: complaintParams,
          body: chargesBody,
          response,
        },
      },
      (req) => s.setCharges(requireActor(req), req.params.id, req.params.sub, req.body, requestLanguage(req), req.id),
    );
    r.post(
      '/cases/:id/complaints/:sub/hearings',
      {
        schema: { tags, summary: 'A procedural hearing', params: complaintParams, body: hearingBody, response },
      },
      (req) => s.addHearing(requireActor(req), req.params.id, req.params.sub, req.body, requestLanguage(req), req.id),
    );
    r.post(
      '/cases/:id/complaints/:sub/outcome',
      {
        schema: {
          tags,
          summary: 'How the proceeding ended: dismissal, acquittal or conviction, with sentence and reparation',
          params: complaintParams,
          body: outcomeBody,
          response,
        },
      },
      (req) =>
        s.recordOutcome(requireActor(req), req.params.id, req.params.sub, req.body, requestLanguage(req), req.id),
    );
  };
