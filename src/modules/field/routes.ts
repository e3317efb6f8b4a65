import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../platform/context';
import { errorSchema } from '../../platform/http/schemas';
import { requireActor } from '../access/index';
import { idParam } from '../access/schema';
import {
  deviceBody,
  deviceSchema,
  deviceSecret,
  deviceState,
  markedSchema,
  packageSchema,
  policySchema,
} from './schema';
import { FieldService } from './service';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 410: errorSchema };

/** Offline field work: devices, cases marked for the field, and the copy a device keeps. */
export const fieldRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const field = new FieldService(ctx);
    const tags = ['field'];

    r.post(
      '/field/devices',
      {
        schema: {
          tags,
          summary: 'Register this device for offline work (its copy is encrypted with a passphrase kept on it)',
          body: deviceBody,
          response: {
            200: z.object({ id: z.string(), secret: z.string(), policy: policySchema }),
            ...errors,
          },
        },
      },
      (req) => field.register(requireActor(req), req.body.name, req.id),
    );
    r.get(
      '/field/devices',
      {
        schema: {
          tags,
          summary: "The person's devices (an administrator of users sees every device)",
          response: { 200: z.array(deviceSchema), ...errors },
        },
      },
      (req) => field.devices(requireActor(req)),
    );
    r.post(
      '/field/devices/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke a device: at its next contact it erases its offline copy',
          params: idParam,
          response: { 200: deviceSchema, ...errors },
        },
      },
      (req) => field.revoke(requireActor(req), req.params.id, req.id),
    );
    // Without a session: a device whose person is signed out still learns at its next contact that it must erase.
    r.get(
      '/field/devices/:id/state',
      {
        schema: {
          tags,
          summary: 'Whether a device may keep its copy (anything but an active device must erase it)',
          params: idParam,
          headers: deviceSecret,
          response: { 200: deviceState, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req) => ({ state: await field.state(req.params.id, req.headers['x-minka-device-secret']) }),
    );
    r.post(
      '/field/devices/:id/erased',
      {
        schema: {
          tags,
          summary: 'A revoked device reports that its copy is erased',
          params: idParam,
          headers: deviceSecret,
          response: { 200: deviceState, 400: errorSchema, 404: errorSchema },
        },
      },
      (req) => field.erased(req.params.id, req.headers['x-minka-device-secret']),
    );

    r.get(
      '/field/cases',
      { schema: { tags, summary: 'Cases I marked for the field', response: { 200: markedSchema, ...errors } } },
      (req) => field.marked(requireActor(req)),
    );
    r.put(
      '/field/cases/:id',
      {
        schema: {
          tags,
          summary: 'Mark a case for the field (only a case I may change)',
          params: idParam,
          response: { 200: markedSchema, ...errors },
        },
      },
      (req) => field.mark(requireActor(req), req.params.id, req.id),
    );
    r.delete(
      '/field/cases/:id',
      {
        schema: {
          tags,
          summary: 'Stop keeping a case for the field (devices drop it at their next sync)',
          params: idParam,
          response: { 200: markedSchema, ...errors },
        },
      },
      (req) => field.unmark(requireActor(req), req.params.id, req.id),
    );
    r.get(
      '/field/package',
      {
        schema: {
          tags,
          summary: 'The copy the device named by X-Minka-Device keeps: marked cases, places, policy',
          response: { 200: packageSchema, ...errors },
        },
      },
      (req) => field.package(requireActor(req), req.headers['x-minka-device'], req.id),
    );
  };
