import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { countriesAbroad, divisionsAbroad, isCountry } from './iso';
import { Reintegration } from './reintegration';
import {
  arrivalBody,
  assessmentBody,
  closePlanBody,
  countryParam,
  documentBody,
  exchangeBody,
  placeSchema,
  returnBody,
  returnsSchema,
  subParam,
  tracingBody,
  visitBody,
} from './schema';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Places abroad (ISO 3166) and a case's cross-border work: exchanges, tracing, assessment, return, reintegration. */
export const returnsRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const s = new Reintegration(ctx);
    const tags = ['returns'];
    const answer = { 200: returnsSchema, ...errors };
    r.get(
      '/places/abroad',
      {
        schema: {
          tags,
          summary: 'Countries (ISO 3166-1 alpha-2), named in the reader language (Kichwa readers get Spanish)',
          response: { 200: z.array(placeSchema) },
        },
      },
      (req) => countriesAbroad(requestLanguage(req)),
    );
    r.get(
      '/places/abroad/:country',
      {
        schema: {
          tags,
          summary: "A country's first-level divisions (ISO 3166-2, e.g. CO-NAR Nariño)",
          params: countryParam,
          response: { 200: z.array(placeSchema), 400: errorSchema },
        },
      },
      (req) => {
        if (!isCountry(req.params.country)) throw new AppError(400, 'unknown_place');
        return divisionsAbroad(req.params.country);
      },
    );
    r.get(
      '/cases/:id/returns',
      {
        schema: {
          tags,
          summary: "The case's cross-border work and return, with what the caller may do (section 'returns')",
          params: idParam,
          response: answer,
        },
      },
      (req) => s.view(requireActor(req), req.params.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/returns/exchanges',
      {
        schema: {
          tags,
          summary: 'Record that the case was received from, or referred to, a foreign authority or consulate',
          params: idParam,
          body: exchangeBody,
          response: answer,
        },
      },
      (req) => s.addExchange(requireActor(req), req.params.id, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/returns/exchanges/:sub/documents',
      {
        schema: {
          tags,
          summary: 'Add a document exchanged: a file attached to the case, with its document type',
          params: subParam,
          body: documentBody,
          response: answer,
        },
      },
      (req) => s.addDocument(requireActor(req), req.params.id, req.params.sub, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/returns/tracings',
      {
        schema: { tags, summary: 'Record a family tracing', params: idParam, body: tracingBody, response: answer },
      },
      (req) => s.addTracing(requireActor(req), req.params.id, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/returns/assessments',
      {
        schema: {
          tags,
          summary: "Record a family assessment with the child's view and the best-interest decision",
          params: idParam,
          body: assessmentBody,
          response: answer,
        },
      },
      (req) => s.addAssessment(requireActor(req), req.params.id, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/returns/journeys',
      {
        schema: {
          tags,
          summary:
            'Record the return (409 without a best-interest decision to return); with its arrival, the reintegration plan opens with its monitoring visits',
          params: idParam,
          body: returnBody,
          response: answer,
        },
      },
      (req) => s.addReturn(requireActor(req), req.params.id, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/returns/journeys/:sub/arrival',
      {
        schema: {
          tags,
          summary: 'Record the arrival of a return; the reintegration plan opens with its monitoring visits',
          params: subParam,
          body: arrivalBody,
          response: answer,
        },
      },
      (req) => s.arrive(requireActor(req), req.params.id, req.params.sub, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/returns/visits/:sub',
      {
        schema: {
          tags,
          summary: 'Record a monitoring visit (date, outcome, notes); its task closes',
          params: subParam,
          body: visitBody,
          response: answer,
        },
      },
      (req) => s.recordVisit(requireActor(req), req.params.id, req.params.sub, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/returns/plans/:sub/close',
      {
        schema: {
          tags,
          summary: 'Close the reintegration plan with its outcome',
          params: subParam,
          body: closePlanBody,
          response: answer,
        },
      },
      (req) => s.closePlan(requireActor(req), req.params.id, req.params.sub, req.body, req.id, requestLanguage(req)),
    );
  };
