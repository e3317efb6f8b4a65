import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { UserTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { formatDateTime, t } from '../../platform/i18n/index';
import { sendMail } from '../../platform/mail';
import { roleCodec } from './codecs';
import { type Actor, can, canGrant } from './policy';
import { presentSession, presentUser, presentUserListItem } from './present';
import * as repo from './repo';
import * as authRepo from './repo-auth';
import type { inviteBody, userPatch } from './schema';
import { ScopeCheck } from './scope';
import type { SessionService } from './sessions';
import { sha256 } from './sessions';
import { buildUserRow, normaliseEmail, normaliseIdentity } from './user-row';

type Invite = z.infer<typeof inviteBody>;
type Patch = z.infer<typeof userPatch>;

/** Staff accounts: listing, reading, inviting and changing users, always inside the actor's jurisdiction. */
export class UsersService {
  constructor(
    private readonly ctx: Context,
    private readonly sessions: SessionService,
  ) {}

  private get db() {
    return this.ctx.db.db;
  }
  private f = (id: string, column: string) => ({ table: 'users', row: id, column });
  private abilities = (actor: Actor) => ({
    update: can(actor, 'users:manage'),
    deactivate: can(actor, 'users:manage'),
    resetSecondFactor: can(actor, 'users:manage'),
  });

  /** Loads a user the actor may see (users:read and the user's scope inside the actor's), else 404. */
  private async visible(actor: Actor, id: string, scope = new ScopeCheck(this.ctx)): Promise<UserTable> {
    const row = await repo.findUser(this.db, id);
    if (!row || !can(actor, 'users:read') || !(await scope.within(actor, row.scope_country, row.scope_code)))
      throw notFound();
    return row;
  }

  private async managed(actor: Actor, id: string): Promise<UserTable> {
    const row = await this.visible(actor, id);
    if (!can(actor, 'users:manage')) throw new AppError(403, 'forbidden');
    return row;
  }

  async list(actor: Actor, filter: { identityNumber?: string; organisationId?: string }, requestId: string) {
    if (!can(actor, 'users:read')) throw new AppError(403, 'forbidden');
    const scope = new ScopeCheck(this.ctx);
    const identityIndex = filter.identityNumber
      ? this.ctx.crypto.blindIndexes('identity', normaliseIdentity(filter.identityNumber))
      : undefined;
    const rows = await repo.listUsers(this.db, { identityIndex, organisationId: filter.organisationId });
    const mine: UserTable[] = [];
    for (const r of rows) if (await scope.within(actor, r.scope_country, r.scope_code)) mine.push(r);
    const roles = await repo.rolesOf(
      this.db,
      mine.map((r) => r.id),
    );
    await this.ctx.audit.record({
      actor,
      action: 'user.list',
      recordType: 'user',
      fields: 'name,email',
      details: { count: mine.length, byIdentityNumber: Boolean(identityIndex) },
      requestId,
    });
    return mine.map((r) =>
      presentUserListItem(
        r,
        roles.get(r.id) ?? [],
        {
          name: this.ctx.crypto.decrypt(r.name_enc, this.f(r.id, 'name')),
          email: this.ctx.crypto.decrypt(r.email_enc, this.f(r.id, 'email')),
        },
        this.abilities(actor),
      ),
    );
  }

  async get(actor: Actor, id: string, requestId: string) {
    const row = await this.visible(actor, id);
    await this.ctx.audit.record({
      actor,
      action: 'user.read',
      recordType: 'user',
      recordId: id,
      fields: 'name,email,identity',
      requestId,
    });
    return this.present(actor, row);
  }

  private async present(actor: Actor, row: UserTable) {
    const roles = (await repo.rolesOf(this.db, [row.id])).get(row.id) ?? [];
    return presentUser(
      row,
      roles,
      {
        name: this.ctx.crypto.decrypt(row.name_enc, this.f(row.id, 'name')),
        email: this.ctx.crypto.decrypt(row.email_enc, this.f(row.id, 'email')),
        identityNumber: this.ctx.crypto.decryptOptional(row.identity_enc, this.f(row.id, 'identity')),
      },
      this.abilities(actor),
    );
  }

  private async checkAssignment(
    actor: Actor,
    roles: string[],
    scope: { country: string; code: string },
    organisationId?: string,
  ) {
    const sc = new ScopeCheck(this.ctx);
    if (!(await sc.within(actor, scope.country, scope.code))) throw new AppError(400, 'scope_outside_jurisdiction');
    for (const key of roles) {
      const role = await repo.findRole(this.db, key);
      if (!role) throw new AppError(400, 'unknown_role', { role: key });
      if (!canGrant(actor, key, roleCodec.decode(role).permissions)) throw new AppError(403, 'forbidden');
    }
    if (organisationId) {
      const org = await repo.findOrganisation(this.db, organisationId);
      if (!org || !(await sc.within(actor, org.country_code, org.division_code)))
        throw new AppError(400, 'unknown_organisation');
    }
  }

  /** Creates an invited user and a one-time link to set a password (shown once; e-mailed when SMTP is set). */
  async invite(actor: Actor, body: Invite, baseUrl: string, requestId: string) {
    if (!can(actor, 'users:manage')) throw new AppError(403, 'forbidden');
    await this.checkAssignment(actor, body.roles, body.scope, body.organisationId);
    const taken = await repo.findUserByEmailIndex(
      this.db,
      this.ctx.crypto.blindIndexes('email', normaliseEmail(body.email)),
    );
    if (taken) throw new AppError(409, 'email_taken');
    const row = buildUserRow(this.ctx.crypto, {
      email: body.email,
      name: body.name,
      identityNumber: body.identityNumber,
      organisationId: body.organisationId,
      scope: body.scope,
      status: 'invited',
      language: body.language,
    });
    const id = row.id;
    const link = await this.db.transaction().execute(async (trx) => {
      await repo.insertUser(trx, row);
      await repo.setRoles(trx, id, body.roles);
      await this.ctx.audit.record(
        {
          actor,
          action: 'user.invited',
          recordType: 'user',
          recordId: id,
          details: { roles: body.roles, scope: body.scope, organisationId: body.organisationId },
          requestId,
        },
        trx,
      );
      return this.createLink(trx, id, 'invite', actor.userId, baseUrl);
    });
    const emailed = await this.mail(
      normaliseEmail(body.email),
      t(body.language ?? 'es', 'mail.inviteSubject'),
      t(body.language ?? 'es', 'mail.inviteBody', {
        url: link.url,
        expiresAt: formatDateTime(body.language ?? 'es', link.expiresAt),
      }),
    );
    return { user: await this.present(actor, row), link: { ...link, emailed } };
  }

  /** Sends a link by e-mail when SMTP is configured; a mail failure never loses the link (it is shown anyway). */
  private mail(to: string, subject: string, text: string): Promise<boolean> {
    return sendMail(this.ctx.config, to, subject, text).catch(() => false);
  }

  private async createLink(q: repo.Q, userId: string, purpose: 'invite' | 'reset', createdBy: string, baseUrl: string) {
    const token = randomBytes(32).toString('base64url');
    const ttl =
      purpose === 'invite'
        ? this.ctx.config.MINKA_INVITE_TTL_HOURS * 3_600_000
        : this.ctx.config.MINKA_RESET_TTL_MINUTES * 60_000;
    const expiresAt = new Date(Date.now() + ttl).toISOString();
    await authRepo.insertToken(q, {
      token_hash: sha256(token),
      user_id: userId,
      purpose,
      created_by: createdBy,
      created_at: nowIso(),
      expires_at: expiresAt,
      used_at: null,
    });
    // The token travels in the fragment, which browsers never send to a server or put in a Referer.
    return { url: `${baseUrl}/${purpose === 'invite' ? 'invite' : 'reset'}#${token}`, expiresAt };
  }

  async update(actor: Actor, id: string, patch: Patch, requestId: string) {
    const row = await this.managed(actor, id);
    const before = {
      roles: (await repo.rolesOf(this.db, [id])).get(id) ?? [],
      scope: { country: row.scope_country, code: row.scope_code },
    };
    await this.checkAssignment(actor, patch.roles ?? [], patch.scope ?? before.scope);
    const set: Partial<UserTable> = { updated_at: nowIso() };
    if (patch.name) set.name_enc = this.ctx.crypto.encrypt(patch.name, this.f(id, 'name'));
    if (patch.identityNumber !== undefined) {
      set.identity_enc = this.ctx.crypto.encryptOptional(patch.identityNumber, this.f(id, 'identity'));
      set.identity_index = patch.identityNumber
        ? this.ctx.crypto.blindIndex('identity', normaliseIdentity(patch.identityNumber))
        : null;
    }
    if (patch.scope) Object.assign(set, { scope_country: patch.scope.country, scope_code: patch.scope.code });
    await this.db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, id, set);
      if (patch.roles) await repo.setRoles(trx, id, patch.roles);
      const changed = Object.keys(patch).join(',');
      // Personal fields are named but their values never enter the audit trail.
      await this.ctx.audit.record(
        {
          actor,
          action: patch.roles ? 'user.permissions_changed' : 'user.updated',
          recordType: 'user',
          recordId: id,
          fields: changed,
          details: { before, after: { roles: patch.roles ?? before.roles, scope: patch.scope ?? before.scope } },
          requestId,
        },
        trx,
      );
    });
    return this.present(actor, (await repo.findUser(this.db, id))!);
  }

  async deactivate(actor: Actor, id: string, requestId: string) {
    await this.managed(actor, id);
    if (id === actor.userId) throw new AppError(400, 'cannot_deactivate_self');
    await writeAudited(
      this.ctx,
      { actor, action: 'user.deactivated', recordType: 'user', recordId: id, requestId },
      async (trx) => {
        await repo.updateUser(trx, id, { status: 'deactivated', updated_at: nowIso() });
        await authRepo.revokeUserSessions(trx, id, nowIso());
      },
    );
    return this.present(actor, (await repo.findUser(this.db, id))!);
  }

  async resetSecondFactor(actor: Actor, id: string, requestId: string) {
    await this.managed(actor, id);
    await writeAudited(
      this.ctx,
      { actor, action: 'user.second_factor_reset', recordType: 'user', recordId: id, requestId },
      async (trx) => {
        await repo.updateUser(trx, id, { totp_secret_enc: null, totp_enabled_at: null, updated_at: nowIso() });
        await authRepo.replaceRecoveryCodes(trx, id, []);
        await authRepo.revokeUserSessions(trx, id, nowIso());
      },
    );
    return this.present(actor, (await repo.findUser(this.db, id))!);
  }

  async passwordResetLink(actor: Actor, id: string, baseUrl: string, requestId: string) {
    const row = await this.managed(actor, id);
    const link = await this.db.transaction().execute(async (trx) => {
      await this.ctx.audit.record(
        { actor, action: 'user.password_reset_link', recordType: 'user', recordId: id, requestId },
        trx,
      );
      return this.createLink(trx, id, 'reset', actor.userId, baseUrl);
    });
    const email = this.ctx.crypto.decrypt(row.email_enc, this.f(id, 'email'));
    const emailed = await this.mail(
      email,
      t(row.language ?? 'es', 'mail.resetSubject'),
      t(row.language ?? 'es', 'mail.resetBody', {
        url: link.url,
        expiresAt: formatDateTime(row.language ?? 'es', link.expiresAt),
      }),
    );
    return { ...link, emailed };
  }

  /** Live sessions of a user: one's own always; others' with sessions:manage inside the jurisdiction. */
  async sessionsOf(actor: Actor, id: string) {
    if (id !== actor.userId) {
      await this.visible(actor, id);
      if (!can(actor, 'sessions:manage')) throw notFound();
    }
    return (await this.sessions.active(id)).map((s) => presentSession(s, actor.sessionId));
  }

  async revokeSession(actor: Actor, sessionId: string, requestId: string) {
    const s = await this.sessions.find(sessionId);
    if (!s) throw notFound();
    if (s.user_id !== actor.userId) {
      await this.visible(actor, s.user_id);
      if (!can(actor, 'sessions:manage')) throw notFound();
    }
    await this.sessions.revoke(sessionId);
    await this.ctx.audit.record({
      actor,
      action: 'session.revoked',
      recordType: 'session',
      recordId: sessionId,
      details: { userId: s.user_id },
      requestId,
    });
  }
}
