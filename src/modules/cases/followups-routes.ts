import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { FollowUps } from './followups';
import { Transfers } from './transfers';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const task = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseCode: z.string(),
    kind: z.string(),
    dueAt: z.string(),
    assigneeUserId: z.string().nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'WorkItem' });
const notification = z
  .object({
    id: z.string(),
    kind: z.string(),
    caseId: z.string().nullable(),
    caseCode: z.string().nullable(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: 'Notification' });

/** Follow-ups, my work, the overdue board and notifications. */
export const followUpRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const f = new FollowUps(ctx);
    const tr = new Transfers(ctx);
    const transfer = z
      .object({
        id: z.string(),
        caseId: z.string(),
        toOrgId: z.string(),
        toUserId: z.string().nullable(),
        status: z.string(),
      })
      .meta({ id: 'Transfer' });
    const tags = ['cases'];
    r.post(
      '/cases/:id/tasks',
      {
        schema: {
          tags,
          summary: 'Add a follow-up with a due date',
          params: idParam,
          body: z.strictObject({
            dueAt: z.iso.datetime(),
            assigneeUserId: z.uuid().optional(),
            note: z.string().trim().max(1000).optional(),
          }),
          response: {
            200: z.object({ id: z.string(), caseId: z.string(), dueAt: z.string(), assigneeUserId: z.string() }),
            ...errors,
          },
        },
      },
      (req) => f.add(requireActor(req), req.params.id, req.body, req.id),
    );
    r.get(
      '/me/work',
      { schema: { tags, summary: 'My open tasks, soonest first', response: { 200: z.array(task), ...errors } } },
      (req) => f.myWork(requireActor(req)),
    );
    r.get(
      '/me/notifications',
      {
        schema: {
          tags,
          summary: 'My notifications (overdue reminders)',
          response: { 200: z.array(notification), ...errors },
        },
      },
      (req) => f.notifications(requireActor(req)),
    );
    r.post(
      '/me/notifications/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark a notification read',
          params: idParam,
          response: { 200: z.object({ ok: z.literal(true) }), ...errors },
        },
      },
      (req) => f.markRead(requireActor(req), req.params.id),
    );
    r.post(
      '/cases/:id/transfers',
      {
        schema: {
          tags,
          summary: 'Propose to hand the case to a caseworker or organisation',
          params: idParam,
          body: z.strictObject({ toUserId: z.uuid().optional(), toOrgId: z.uuid().optional() }),
          response: { 200: transfer, ...errors },
        },
      },
      (req) => tr.propose(requireActor(req), req.params.id, req.body, req.id),
    );
    r.get(
      '/cases/:id/transfers',
      {
        schema: {
          tags,
          summary: 'Transfers of the case, newest first',
          params: idParam,
          response: {
            200: z.array(transfer.extend({ toOrgName: z.string(), createdAt: z.string() })),
            ...errors,
          },
        },
      },
      (req) => tr.ofCase(requireActor(req), req.params.id),
    );
    r.get(
      '/me/transfers',
      {
        schema: {
          tags,
          summary: 'Transfers waiting for me or my organisation',
          response: { 200: z.array(transfer.extend({ caseCode: z.string() })), ...errors },
        },
      },
      (req) => tr.pending(requireActor(req)),
    );
    r.post(
      '/transfers/:id/respond',
      {
        schema: {
          tags,
          summary: 'Accept or reject a transfer (with a reason)',
          params: idParam,
          body: z.strictObject({ accept: z.boolean(), reason: z.string().trim().min(3).max(1000).optional() }),
          response: { 200: transfer, ...errors },
        },
      },
      (req) => tr.respond(requireActor(req), req.params.id, req.body, req.id),
    );
    r.get(
      '/supervision/overdue',
      {
        schema: {
          tags,
          summary: 'Overdue tasks on the cases I supervise',
          response: { 200: z.array(task), ...errors },
        },
      },
      (req) => f.overdueBoard(requireActor(req)),
    );
  };
