import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { StudyCounts } from './analysis';
import {
  analysis,
  analysisQuery,
  createStudyBody,
  progress,
  studyDetail,
  studyError,
  studySummary,
  submitBody,
  submitted,
  updateStudyBody,
} from './schema';
import { StudiesService } from './service';
import { StudySubmissions } from './submissions';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: studyError,
};

/** Studies: create and follow them, collect interviews, read their counts under disclosure control. */
export const studyRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const studies = new StudiesService(ctx);
    const submissions = new StudySubmissions(ctx);
    const counts = new StudyCounts(ctx);
    const tags = ['studies'];
    r.get(
      '/studies',
      {
        schema: {
          tags,
          summary: "Studies I manage (my organisation's), collect (open, in my jurisdiction) or analyse",
          response: { 200: z.array(studySummary), ...errors },
        },
      },
      (req) => studies.list(requireActor(req)),
    );
    r.post(
      '/studies',
      {
        schema: {
          tags,
          summary: 'Create a study of my organisation (a draft until its form is imported and it is opened)',
          body: createStudyBody,
          response: { 200: studyDetail, ...errors },
        },
      },
      (req) => studies.create(requireActor(req), req.body, req.id),
    );
    r.get(
      '/studies/:id',
      {
        schema: {
          tags,
          summary: 'One study: its current form, consent script, places and what I may do',
          params: idParam,
          response: { 200: studyDetail, ...errors },
        },
      },
      (req) => studies.get(requireActor(req), req.params.id),
    );
    r.patch(
      '/studies/:id',
      {
        schema: {
          tags,
          summary: "Change a study's title, purpose, consent script, places or status (its coordinators)",
          params: idParam,
          body: updateStudyBody,
          response: { 200: studyDetail, ...errors },
        },
      },
      (req) => studies.update(requireActor(req), req.params.id, req.body, req.id),
    );
    r.post(
      '/studies/:id/submissions',
      {
        schema: {
          tags,
          summary:
            'Send one interview (validated with the form version the device had; an Idempotency-Key or instanceId makes a resend store it once)',
          params: idParam,
          body: submitBody,
          response: { 200: submitted, ...errors },
        },
      },
      (req) =>
        submissions.submit(
          requireActor(req),
          req.params.id,
          req.body,
          requestLanguage(req),
          req.id,
          req.idempotencyKey ?? null,
        ),
    );
    r.get(
      '/studies/:id/progress',
      {
        schema: {
          tags,
          summary: 'Interviews by parish and by interviewer (counts under k suppressed)',
          params: idParam,
          response: { 200: progress, ...errors },
        },
      },
      (req) => counts.progress(requireActor(req), req.params.id, requestLanguage(req)),
    );
    r.get(
      '/studies/:id/analysis',
      {
        schema: {
          tags,
          summary: 'Interviews by place × the choices of a select question, under disclosure control',
          params: idParam,
          querystring: analysisQuery,
          response: { 200: analysis, ...errors },
        },
      },
      (req) => counts.analysis(requireActor(req), req.params.id, req.query.question, requestLanguage(req)),
    );
  };
