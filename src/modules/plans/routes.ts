import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { mime, sendFile } from '../../platform/http/files';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { PlanWork } from './activities';
import { Indicators } from './indicators';
import { PlanReport } from './report';
import {
  actionBody,
  actionPatch,
  activityBody,
  indicatorBody,
  instrumentBody,
  instrumentStatusBody,
  objectiveBody,
  period,
  planBody,
  planDetailSchema,
  valueBody,
} from './schema';
import { LocalPlans } from './service';
import { comparePlansOf, showPlan } from './view';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const sub = z.strictObject({ id: z.uuid(), sub: z.uuid() });
const created = z.object({ id: z.string() });
const planDetail = planDetailSchema;
const planSummary = z.object({
  id: z.string(),
  title: z.string(),
  division: z.object({ country: z.string(), code: z.string() }),
  yearFrom: z.number(),
  yearTo: z.number(),
  status: z.string(),
});

/** Local plans: the plan, objectives, actions, indicators and values, activities, instruments, reports. */
export const planRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const plans = new LocalPlans(ctx);
    const indicators = new Indicators(ctx);
    const work = new PlanWork(ctx);
    const report = new PlanReport(ctx);
    const tags = ['plans'];
    const detail = async (actor: ReturnType<typeof requireActor>, id: string) =>
      showPlan(ctx, actor, await plans.load(actor, id));

    r.get(
      '/local-plans',
      {
        schema: { tags, summary: 'Local plans in my jurisdiction', response: { 200: z.array(planSummary), ...errors } },
      },
      async (req) =>
        (await plans.list(requireActor(req))).map((p) => ({
          id: p.id,
          title: p.title,
          division: { country: p.country_code, code: p.division_code },
          yearFrom: Number(p.year_from),
          yearTo: Number(p.year_to),
          status: p.status,
        })),
    );
    r.get(
      '/local-plans/compare',
      {
        schema: {
          tags,
          summary: 'Compare the plans of my jurisdiction across cantons and periods (no personal data)',
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                division: z.object({ country: z.string(), code: z.string(), label: z.string() }),
                yearFrom: z.number(),
                yearTo: z.number(),
                actions: z.number(),
                done: z.number(),
                execution: z.number(),
                budgetPlanned: z.number(),
                budgetExecuted: z.number(),
                budgetExecution: z.number(),
                activities: z.number(),
                participants: z.number(),
                instrumentsApproved: z.number(),
              }),
            ),
            ...errors,
          },
        },
      },
      async (req) => {
        return comparePlansOf(ctx, await plans.list(requireActor(req)));
      },
    );
    r.post(
      '/local-plans',
      {
        schema: {
          tags,
          summary: 'Create a local plan for a division and period',
          body: planBody,
          response: { 200: created, ...errors },
        },
      },
      async (req) => ({ id: await plans.create(requireActor(req), req.body, req.id) }),
    );
    r.get(
      '/local-plans/:id',
      {
        schema: {
          tags,
          summary: 'A plan with objectives, actions, indicators, activities, instruments and progress',
          params: idParam,
          response: { 200: planDetail, ...errors },
        },
      },
      (req) => detail(requireActor(req), req.params.id),
    );
    r.post(
      '/local-plans/:id/objectives',
      {
        schema: {
          tags,
          summary: 'Add an objective on one of the four axes',
          params: idParam,
          body: objectiveBody,
          response: { 200: created, ...errors },
        },
      },
      async (req) => ({ id: await plans.addObjective(requireActor(req), req.params.id, req.body, req.id) }),
    );
    r.post(
      '/local-plans/:id/actions',
      {
        schema: {
          tags,
          summary: 'Add an action to an objective',
          params: idParam,
          body: actionBody,
          response: { 200: created, ...errors },
        },
      },
      async (req) => ({ id: await plans.addAction(requireActor(req), req.params.id, req.body, req.id) }),
    );
    r.patch(
      '/local-plans/:id/actions/:sub',
      {
        schema: {
          tags,
          summary: "Update an action's status, budget or end",
          params: sub,
          body: actionPatch,
          response: { 200: planDetail, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await plans.updateAction(actor, req.params.id, req.params.sub, req.body, req.id);
        return detail(actor, req.params.id);
      },
    );
    r.post(
      '/local-plans/:id/indicators',
      {
        schema: {
          tags,
          summary: 'Define an indicator (baseline, targets, disaggregation, source)',
          params: idParam,
          body: indicatorBody,
          response: { 200: created, ...errors },
        },
      },
      async (req) => ({ id: await indicators.create(requireActor(req), req.params.id, req.body, req.id) }),
    );
    r.put(
      '/local-plans/:id/indicators/:sub/values',
      {
        schema: {
          tags,
          summary: "Enter a period's value with its disaggregation (checked against the indicator's definition)",
          params: sub,
          body: valueBody,
          response: { 200: planDetail, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await indicators.setValue(actor, req.params.id, req.params.sub, req.body, req.id);
        return detail(actor, req.params.id);
      },
    );
    r.post(
      '/local-plans/:id/activities',
      {
        schema: {
          tags,
          summary: 'Record a prevention activity',
          params: idParam,
          body: activityBody,
          response: { 200: created, ...errors },
        },
      },
      async (req) => ({ id: await work.addActivity(requireActor(req), req.params.id, req.body, req.id) }),
    );
    r.post(
      '/local-plans/:id/instruments',
      {
        schema: {
          tags,
          summary: 'Record a policy instrument (ordinance, resolution, protocol, route of care)',
          params: idParam,
          body: instrumentBody,
          response: { 200: created, ...errors },
        },
      },
      async (req) => ({ id: await work.addInstrument(requireActor(req), req.params.id, req.body, req.id) }),
    );
    r.post(
      '/local-plans/:id/instruments/:sub/status',
      {
        schema: {
          tags,
          summary: 'Move an instrument to its next stage',
          params: sub,
          body: instrumentStatusBody,
          response: { 200: planDetail, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await work.setInstrumentStatus(actor, req.params.id, req.params.sub, req.body, req.id);
        return detail(actor, req.params.id);
      },
    );
    const reportQuery = z.strictObject({ period: period.optional(), lang: z.string().max(10).optional() });
    r.get(
      '/local-plans/:id/report.pdf',
      {
        schema: {
          tags,
          summary: 'Period report as PDF (no personal data)',
          params: idParam,
          querystring: reportQuery,
          response: { 200: z.unknown(), ...errors },
        },
      },
      async (req, reply) => {
        const out = await report.pdf(requireActor(req), req.params.id, req.query.period, requestLanguage(req), req.id);
        return sendFile(reply, mime.pdf, out.filename, out.pdf);
      },
    );
    r.get(
      '/local-plans/:id/report.xlsx',
      {
        schema: {
          tags,
          summary: 'Period report as XLSX (no personal data)',
          params: idParam,
          querystring: reportQuery,
          response: { 200: z.unknown(), ...errors },
        },
      },
      async (req, reply) => {
        const out = await report.xlsx(requireActor(req), req.params.id, req.query.period, requestLanguage(req), req.id);
        return sendFile(reply, mime.xlsx, out.filename, out.xlsx);
      },
    );
  };
