import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, can, userNames } from '../access/index';
import { CaseService } from '../cases/index';
import { GeoService } from '../geo/index';
import * as repo from './repo';

/** What a device is told to enforce on its offline copy (set by the installation). */
export interface FieldPolicy {
  lockMinutes: number;
  maxAttempts: number;
  keepDays: number;
}

/**
 * Offline field work on the server: the devices that keep an encrypted copy (registered, listed, revoked), the
 * cases each person marks for the field (only within their reach), and the copy a device downloads.
 */
export class FieldService {
  private readonly cases: CaseService;
  constructor(private readonly ctx: Context) {
    this.cases = new CaseService(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  policy(): FieldPolicy {
    const c = this.ctx.config;
    return {
      lockMinutes: c.MINKA_FIELD_LOCK_MINUTES,
      maxAttempts: c.MINKA_FIELD_MAX_ATTEMPTS,
      keepDays: c.MINKA_FIELD_KEEP_DAYS,
    };
  }

  /** Caseworkers keep cases; interviewers keep study interviews (collected without signal) in the same copy. */
  private static requireFieldWork(actor: Actor) {
    if (!can(actor, 'cases:write') && !can(actor, 'studies:collect')) throw new AppError(403, 'forbidden');
  }

  async register(actor: Actor, name: string, requestId: string) {
    FieldService.requireFieldWork(actor);
    const at = nowIso();
    const secret = randomBytes(32).toString('base64url');
    const row = {
      id: randomUUID(),
      user_id: actor.userId,
      name,
      created_at: at,
      last_seen_at: at,
      last_sync_at: null,
      cases_held: 0,
      revoked_at: null,
      revoked_by: null,
      erased_at: null,
      secret_hash: sha256(secret),
    };
    await repo.insertDevice(this.db, row);
    await this.ctx.audit.record({
      actor,
      action: 'device.registered',
      recordType: 'device',
      recordId: row.id,
      requestId,
    });
    return { id: row.id, secret, policy: this.policy() };
  }

  /** The person's own devices; an administrator of users sees every device. */
  async devices(actor: Actor) {
    const all = can(actor, 'users:manage');
    const rows = await repo.devicesOf(this.db, all ? undefined : [actor.userId]);
    const names = await userNames(this.ctx, [...new Set(rows.map((r) => r.user_id))]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      userName: names.get(r.user_id) ?? '',
      own: r.user_id === actor.userId,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      lastSyncAt: r.last_sync_at,
      casesHeld: r.cases_held,
      state: r.erased_at ? ('erased' as const) : r.revoked_at ? ('revoked' as const) : ('active' as const),
      revokedAt: r.revoked_at,
      erasedAt: r.erased_at,
    }));
  }

  async revoke(actor: Actor, id: string, requestId: string) {
    const d = await repo.findDevice(this.db, id);
    if (!d || (d.user_id !== actor.userId && !can(actor, 'users:manage'))) throw notFound();
    if (!d.revoked_at) {
      await repo.updateDevice(this.db, id, { revoked_at: nowIso(), revoked_by: actor.userId });
      await this.ctx.audit.record({ actor, action: 'device.revoked', recordType: 'device', recordId: id, requestId });
    }
    return (await this.devices(actor)).find((x) => x.id === id)!;
  }

  /**
   * Whether a device may keep its copy: anything but an active device is told to erase it. A device that has a
   * secret must show it, so nobody else learns the state of a device from its id.
   */
  async state(id: string, secret: string | undefined): Promise<'active' | 'revoked'> {
    const d = await repo.findDevice(this.db, id);
    if (!d) return 'revoked';
    if (!provenBy(d.secret_hash, secret)) throw notFound();
    return d.revoked_at ? 'revoked' : 'active';
  }

  /** A revoked device reports, with its secret, that its copy is gone (so the administrator sees it was erased). */
  async erased(id: string, secret: string | undefined) {
    const d = await repo.findDevice(this.db, id);
    if (d && !provenBy(d.secret_hash, secret)) throw notFound();
    if (d?.revoked_at && !d.erased_at) await repo.updateDevice(this.db, id, { erased_at: nowIso(), cases_held: 0 });
    return { state: 'revoked' as const };
  }

  /** Called on every request that names a device: refuses a revoked or foreign one, and notes the contact. */
  async contact(actor: Actor, id: string) {
    const d = await repo.findDevice(this.db, id);
    if (!d || d.user_id !== actor.userId || d.revoked_at) throw new AppError(410, 'device_revoked');
    if (Date.parse(d.last_seen_at) < Date.now() - 60_000)
      await repo.updateDevice(this.db, id, { last_seen_at: nowIso() });
  }

  async mark(actor: Actor, caseId: string, requestId: string) {
    // A case the person may not change answers 404, like any record out of reach.
    await this.cases.access.load(actor, caseId, 'cases:write');
    await repo.mark(this.db, actor.userId, caseId, nowIso());
    await this.ctx.audit.record({
      actor,
      action: 'case.field_marked',
      recordType: 'case',
      recordId: caseId,
      requestId,
    });
    return this.marked(actor);
  }

  async unmark(actor: Actor, caseId: string, requestId: string) {
    await repo.unmark(this.db, actor.userId, caseId);
    await this.ctx.audit.record({
      actor,
      action: 'case.field_unmarked',
      recordType: 'case',
      recordId: caseId,
      requestId,
    });
    return this.marked(actor);
  }

  async marked(actor: Actor) {
    return { caseIds: await repo.markedCaseIds(this.db, actor.userId) };
  }

  /**
   * The copy a device keeps: every marked case still within the person's reach (a case that left it is unmarked
   * and left out, so the device drops it), the places of the person's jurisdiction for offline pickers, and the
   * policy. Each copied case is in its history ("kept a copy on a field device").
   */
  async package(actor: Actor, deviceId: string | string[] | undefined, requestId: string) {
    FieldService.requireFieldWork(actor);
    // The hooks already refused a malformed, foreign or revoked device and noted the contact.
    if (typeof deviceId !== 'string') throw new AppError(400, 'device_required');
    const cases = [];
    for (const id of await repo.markedCaseIds(this.db, actor.userId)) {
      try {
        cases.push(await this.cases.get(actor, id, requestId, true));
      } catch (e) {
        if (!(e instanceof AppError) || ![403, 404].includes(e.statusCode)) throw e;
        await repo.unmark(this.db, actor.userId, id);
      }
    }
    for (const c of cases)
      await this.ctx.audit.record({
        actor,
        action: 'case.field_copied',
        recordType: 'case',
        recordId: c.id,
        details: { deviceId },
        requestId,
      });
    const at = nowIso();
    await repo.updateDevice(this.db, deviceId, { last_sync_at: at, last_seen_at: at, cases_held: cases.length });
    const divisions = await new GeoService(this.db).within(actor.scope.country, actor.scope.code);
    return { at, cases, divisions, policy: this.policy() };
  }

  /**
   * Idempotency keys are kept 30 days, longer than a device may stay away before it erases itself
   * (MINKA_FIELD_KEEP_DAYS, at most 28), so a change re-sent by a device that may still sync finds its key.
   */
  async purgeKeys() {
    const before = new Date(Date.now() - 30 * 86_400_000).toISOString();
    return Number((await repo.purgeKeys(this.db, before)).numDeletedRows);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Whether the presented secret is the device's (a device registered before secrets existed needs none). */
function provenBy(hash: string | null, secret: string | undefined): boolean {
  if (hash === null) return true;
  if (!secret) return false;
  return timingSafeEqual(Buffer.from(sha256(secret), 'hex'), Buffer.from(hash, 'hex'));
}
