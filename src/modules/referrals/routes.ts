import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { mime, sendFile } from '../../platform/http/files';
import { errorSchema } from '../../platform/http/schemas';
import { requestLanguage } from '../../platform/i18n/index';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import { deliverBody, receiverSchema, referralBody, referralSchema, respondBody } from './schema';
import { ReferralService } from './service';
import { ReferralSheet } from './sheet';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Referrals: sent from a case, received in an organisation's inbox. */
export const referralRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const svc = new ReferralService(ctx);
    const sheet = new ReferralSheet(ctx);
    const tags = ['referrals'];
    r.post(
      '/cases/:id/referrals',
      {
        schema: {
          tags,
          summary: 'Refer the case (needs consent, or a supervisor override with a reason)',
          params: idParam,
          body: referralBody,
          response: { 200: referralSchema, ...errors },
        },
      },
      (req) => svc.create(requireActor(req), req.params.id, req.body, req.id),
    );
    r.get(
      '/cases/:id/referrals',
      {
        schema: {
          tags,
          summary: "The case's referrals",
          params: idParam,
          response: { 200: z.array(referralSchema), ...errors },
        },
      },
      (req) => svc.ofCase(requireActor(req), req.params.id, req.id),
    );
    r.get(
      '/referrals/inbox',
      {
        schema: {
          tags,
          summary: 'Referrals sent to my organisation',
          response: { 200: z.array(referralSchema), ...errors },
        },
      },
      (req) => svc.inbox(requireActor(req), req.id),
    );
    r.post(
      '/referrals/:id/respond',
      {
        schema: {
          tags,
          summary: 'Accept or decline (with a reason)',
          params: idParam,
          body: respondBody,
          response: { 200: referralSchema, ...errors },
        },
      },
      (req) => svc.respond(requireActor(req), req.params.id, req.body, req.id),
    );
    r.post(
      '/referrals/:id/deliver',
      {
        schema: {
          tags,
          summary: 'Record a service delivered',
          params: idParam,
          body: deliverBody,
          response: { 200: referralSchema, ...errors },
        },
      },
      (req) => svc.deliver(requireActor(req), req.params.id, req.body, req.id),
    );
    r.post(
      '/referrals/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Withdraw a referral (sending side)',
          params: idParam,
          response: { 200: referralSchema, ...errors },
        },
      },
      (req) => svc.revoke(requireActor(req), req.params.id, req.id),
    );
    r.get(
      '/directory/:id/receivers',
      {
        schema: {
          tags,
          summary: "People of a provider's organisation who can receive a referral by name",
          params: idParam,
          response: { 200: z.array(receiverSchema), ...errors },
        },
      },
      (req) => svc.receiversOf(requireActor(req), req.params.id),
    );
    r.get(
      '/referrals/:id/sheet',
      {
        schema: {
          tags,
          summary: 'The referral sheet as PDF, for providers not on Minka (audited; personal data only with consent)',
          params: idParam,
          response: { 200: z.unknown().meta({ description: 'application/pdf' }), ...errors },
        },
      },
      async (req, reply) => {
        const s = await sheet.render(requireActor(req), req.params.id, requestLanguage(req), req.id);
        return sendFile(reply, mime.pdf, s.filename, s.pdf);
      },
    );
  };
