import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { mime, sendFile } from '../../platform/http/files';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { Measures } from './measures';
import {
  boardParams,
  boardSchema,
  deliveryBody,
  endBody,
  hearingBody,
  measureBody,
  notificationBody,
  pdfQuery,
  ratificationBody,
  reviewBody,
} from './schema';
import { Board } from './service';
import { BoardNotice } from './sheet';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const response = { 200: boardSchema, ...errors };

/** The protection-board procedure of a case (section 'measures'): read by whoever sees it, written by its caseworkers. */
export const boardRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const board = new Board(ctx);
    const measures = new Measures(ctx);
    const notice = new BoardNotice(ctx);
    const tags = ['board'];
    r.get(
      '/cases/:id/board',
      {
        schema: {
          tags,
          summary: 'The protection-board procedure: notifications, hearings, measures with reviews, and abilities',
          params: idParam,
          response,
        },
      },
      (req) => board.get(requireActor(req), req.params.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/board/notifications',
      {
        schema: {
          tags,
          summary: 'Generate the notification to the Junta Cantonal de Protección de Derechos (a child of the case)',
          params: idParam,
          body: notificationBody,
          response,
        },
      },
      (req) => board.notify(requireActor(req), req.params.id, req.body, req.id, requestLanguage(req)),
    );
    r.get(
      '/cases/:id/board/notifications/:sub/pdf',
      {
        schema: {
          tags,
          summary: 'The notification as PDF in the board format (case code, never the name; audited)',
          params: boardParams,
          querystring: pdfQuery,
          response: { 200: z.unknown().meta({ description: 'application/pdf' }), ...errors },
        },
      },
      async (req, reply) => {
        const s = await notice.render(requireActor(req), req.params.id, req.params.sub, req.query.lang, req.id);
        return sendFile(reply, mime.pdf, s.filename, s.pdf);
      },
    );
    r.post(
      '/cases/:id/board/notifications/:sub/delivery',
      {
        schema: {
          tags,
          summary: 'Record how the notification was delivered, with proof (a case file); closes the 24-hour task',
          params: boardParams,
          body: deliveryBody,
          response,
        },
      },
      (req) => board.deliver(requireActor(req), req.params.id, req.params.sub, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/board/hearings',
      { schema: { tags, summary: "Record a board's hearing", params: idParam, body: hearingBody, response } },
      (req) => board.hearing(requireActor(req), req.params.id, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/board/measures',
      {
        schema: {
          tags,
          summary: 'Record a protection measure decided (type from the legal catalogue; review and ratification due)',
          params: idParam,
          body: measureBody,
          response,
        },
      },
      (req) => measures.add(requireActor(req), req.params.id, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/board/measures/:sub/reviews',
      {
        schema: {
          tags,
          summary: 'Record a review of a measure (a next review date opens the next review task)',
          params: boardParams,
          body: reviewBody,
          response,
        },
      },
      (req) =>
        measures.review(requireActor(req), req.params.id, req.params.sub, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/board/measures/:sub/ratification',
      {
        schema: {
          tags,
          summary: "Record the judge's ratification or refusal of a measure",
          params: boardParams,
          body: ratificationBody,
          response,
        },
      },
      (req) =>
        measures.ratify(requireActor(req), req.params.id, req.params.sub, req.body, req.id, requestLanguage(req)),
    );
    r.post(
      '/cases/:id/board/measures/:sub/end',
      {
        schema: { tags, summary: 'End or revoke a measure', params: boardParams, body: endBody, response },
      },
      (req) => measures.end(requireActor(req), req.params.id, req.params.sub, req.body, req.id, requestLanguage(req)),
    );
  };
