import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { AppError } from '../../platform/http/errors';
import * as repo from './repo';
import { FieldService } from './service';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

const safe = new Set(['GET', 'HEAD', 'OPTIONS']);
const keyPattern = /^[A-Za-z0-9_-]{8,64}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A claim older than this whose request never answered (its process stopped) may be taken over. */
const staleMs = 2 * 60_000;

/** The ids an answer carries (a new case's id and code), all that a replay needs to give back. */
function idsOf(payload: unknown): Record<string, string> {
  if (typeof payload !== 'string') return {};
  try {
    const body = JSON.parse(payload) as Record<string, unknown>;
    return Object.fromEntries(
      ['id', 'code'].flatMap((k) => (typeof body[k] === 'string' ? [[k, body[k] as string]] : [])),
    );
  } catch {
    return {};
  }
}

/**
 * Two request hooks of offline sync, after the session is known:
 * - `X-Minka-Device` names the device a request comes from: a revoked device (or one of another person) is
 *   answered 410 `device_revoked`, and the app erases its copy.
 * - `Idempotency-Key` on a write makes it apply once: the first request claims the key; a repeat of a write that
 *   succeeded gets the first answer's status and ids back (`Idempotent-Replayed: true`) without running again; a
 *   repeat while the first still runs gets 409 `request_in_progress`; a failed write frees its key.
 */
export function registerFieldHooks(app: FastifyInstance, ctx: Context): void {
  const field = new FieldService(ctx);
  const db = ctx.db.db;
  app.decorateRequest('idempotencyKey', null);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith('/api/')) return;
    const actor = req.current?.actor;
    const device = req.headers['x-minka-device'];
    if (device !== undefined && actor) {
      if (typeof device !== 'string' || !uuidPattern.test(device)) throw new AppError(400, 'device_invalid');
      await field.contact(actor, device);
    }
    const key = req.headers['idempotency-key'];
    if (key === undefined || safe.has(req.method) || !actor) return;
    if (typeof key !== 'string' || !keyPattern.test(key)) throw new AppError(400, 'idempotency_key_invalid');
    const route = `${req.method} ${req.url.split('?')[0]}`.slice(0, 200);
    const at = nowIso();
    if (await repo.claimKey(db, actor.userId, key, route, at)) {
      req.idempotencyKey = key;
      return;
    }
    const row = await repo.findKey(db, actor.userId, key);
    if (!row) throw new AppError(409, 'request_in_progress');
    if (row.route !== route) throw new AppError(422, 'idempotency_key_reused');
    if (row.status === null) {
      const before = new Date(Date.now() - staleMs).toISOString();
      if (await repo.reclaimStale(db, actor.userId, key, before, at)) {
        req.idempotencyKey = key;
        return;
      }
      throw new AppError(409, 'request_in_progress');
    }
    // A string body skips the route's serializer: the replay answers the first request's ids, not its whole body.
    return reply
      .code(row.status)
      .header('content-type', 'application/json; charset=utf-8')
      .header('idempotent-replayed', 'true')
      .send(JSON.stringify({ ...JSON.parse(row.result ?? '{}'), replayed: true }));
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = req.idempotencyKey;
    const userId = req.current?.actor.userId;
    if (!key || !userId) return payload;
    req.idempotencyKey = null;
    if (reply.statusCode >= 200 && reply.statusCode < 300)
      await repo.finishKey(db, userId, key, reply.statusCode, JSON.stringify(idsOf(payload)));
    else await repo.releaseKey(db, userId, key);
    return payload;
  });
}
