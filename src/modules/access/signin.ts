import { randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { UserTable } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords';
import { needsSecondFactor } from './policy';
import * as repo from './repo';
import * as authRepo from './repo-auth';
import type { SignInBody } from './schema';
import { type CurrentSession, type SessionService, sha256 } from './sessions';
import { Throttle } from './throttle';
import { normaliseEmail } from './user-row';

const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

function totpFor(secretBase32: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: 'Minka',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** Password, second factor, enrolment and one-time links: everything that proves who someone is. */
export class SignInService {
  /** Remembers the language a person reads; their e-mails follow it. */
  async setLanguage(userId: string, language: string): Promise<void> {
    await repo.updateUser(this.ctx.db.db, userId, { language, updated_at: nowIso() });
  }

  constructor(
    private readonly ctx: Context,
    private readonly sessions: SessionService,
  ) {}

  private get db() {
    return this.ctx.db.db;
  }

  private emailIndex = (email: string) => this.ctx.crypto.blindIndex('email', normaliseEmail(email));
  private fieldCtx = (userId: string, column: string) => ({ table: 'users', row: userId, column });

  private async secondFactorRequired(userId: string): Promise<boolean> {
    if (!this.ctx.config.MINKA_REQUIRE_2FA) return false;
    const roles = (await repo.rolesOf(this.db, [userId])).get(userId) ?? [];
    return needsSecondFactor(await repo.permissionsOf(this.db, roles));
  }

  /** Checks password (and TOTP or a recovery code when enrolled) under throttling; returns a new session. */
  async signIn(body: SignInBody, sourceAddress: string, requestId: string) {
    const account = this.emailIndex(body.email);
    const source = `src:${this.ctx.crypto.blindIndex('source', sourceAddress)}`;
    const throttle = new Throttle(this.db);
    const wait = await throttle.attempt(account, source);
    if (wait > 0) throw new AppError(429, 'too_many_attempts', { seconds: Math.ceil(wait / 1000) });

    const user = await repo.findUserByEmailIndex(this.db, account);
    const ok = await verifyPassword(user?.status === 'active' ? user.password_hash : null, body.password);
    const fail = async (code: string, reason: string) => {
      await throttle.failed(account, source);
      await this.ctx.audit.record({
        actor: user ? { userId: user.id, orgId: user.organisation_id } : null,
        action: 'auth.sign_in_failed',
        recordType: 'user',
        recordId: user?.id,
        details: { reason },
        requestId,
      });
      return new AppError(401, code);
    };
    if (!user || !ok) throw await fail('invalid_credentials', user ? 'password' : 'unknown_account');

    let mfa = false;
    if (user.totp_enabled_at) {
      if (!body.totp && !body.recoveryCode) throw new AppError(401, 'second_factor_required');
      if (!(await this.checkSecondFactor(user, body))) throw await fail('invalid_second_factor', 'second_factor');
      mfa = true;
    }
    const pending = !mfa && (await this.secondFactorRequired(user.id));
    const { token, session } = await this.sessions.create(user.id, mfa || !pending);
    await throttle.succeeded(account);
    await repo.updateUser(this.db, user.id, { last_sign_in_at: nowIso() });
    await this.ctx.audit.record({
      actor: { userId: user.id, orgId: user.organisation_id },
      action: 'auth.sign_in',
      recordType: 'session',
      recordId: session.id,
      details: { secondFactor: mfa ? 'used' : pending ? 'enrolment_required' : 'not_required' },
      requestId,
    });
    return { token, session };
  }

  private async checkSecondFactor(user: UserTable, body: SignInBody): Promise<boolean> {
    if (body.totp) {
      const secret = this.ctx.crypto.decryptOptional(user.totp_secret_enc, this.fieldCtx(user.id, 'totp_secret'));
      return Boolean(secret) && totpFor(secret!, user.id).validate({ token: body.totp, window: 1 }) !== null;
    }
    const code = (body.recoveryCode ?? '').toLowerCase().replace('-', '');
    return authRepo.consumeRecoveryCode(this.db, user.id, this.ctx.crypto.blindIndex('recovery', code), nowIso());
  }

  /** Starts TOTP enrolment: a new secret (stored encrypted, not yet active), its otpauth URI and a QR code. */
  async totpSetup(userId: string, email: string) {
    const user = await repo.findUser(this.db, userId);
    if (!user) throw new AppError(404, 'not_found');
    if (user.totp_enabled_at) throw new AppError(409, 'second_factor_already_enabled');
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await repo.updateUser(this.db, userId, {
      totp_secret_enc: this.ctx.crypto.encrypt(secret, this.fieldCtx(userId, 'totp_secret')),
      updated_at: nowIso(),
    });
    const uri = totpFor(secret, email).toString();
    return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
  }

  /** Confirms enrolment with a current code; returns ten recovery codes, shown once. */
  async totpConfirm(userId: string, sessionId: string, code: string, requestId: string) {
    const user = await repo.findUser(this.db, userId);
    const secret = user && this.ctx.crypto.decryptOptional(user.totp_secret_enc, this.fieldCtx(userId, 'totp_secret'));
    if (!user || !secret || user.totp_enabled_at) throw new AppError(409, 'second_factor_not_pending');
    if (totpFor(secret, userId).validate({ token: code, window: 1 }) === null)
      throw new AppError(400, 'invalid_second_factor');
    const codes = Array.from({ length: 10 }, () => {
      const bytes = randomBytes(8);
      const s = Array.from(bytes, (b) => recoveryAlphabet[b % recoveryAlphabet.length]).join('');
      return `${s.slice(0, 4)}-${s.slice(4)}`;
    });
    await writeAudited(
      this.ctx,
      {
        actor: { userId, orgId: user.organisation_id },
        action: 'auth.second_factor_enabled',
        recordType: 'user',
        recordId: userId,
        requestId,
      },
      async (trx) => {
        await repo.updateUser(trx, userId, { totp_enabled_at: nowIso(), updated_at: nowIso() });
        await authRepo.replaceRecoveryCodes(
          trx,
          userId,
          codes.map((c) => this.ctx.crypto.blindIndex('recovery', c.replace('-', ''))),
        );
        await authRepo.setSessionMfa(trx, sessionId);
      },
    );
    return { recoveryCodes: codes };
  }

  /** Changes one's own password after checking the current one; other sessions are signed out. */
  async changePassword(userId: string, sessionId: string, current: string, next: string, requestId: string) {
    const user = await repo.findUser(this.db, userId);
    if (!user || !(await verifyPassword(user.password_hash, current))) throw new AppError(400, 'invalid_credentials');
    checkPasswordPolicy(next, this.ctx.crypto.decrypt(user.email_enc, this.fieldCtx(userId, 'email')));
    await repo.updateUser(this.db, userId, { password_hash: await hashPassword(next), updated_at: nowIso() });
    for (const s of await this.sessions.active(userId)) if (s.id !== sessionId) await this.sessions.revoke(s.id);
    await this.ctx.audit.record({
      actor: { userId, orgId: user.organisation_id },
      action: 'auth.password_changed',
      recordType: 'user',
      recordId: userId,
      requestId,
    });
  }

  /** Uses an invitation or reset link: sets the password, activates the account, signs out old sessions. */
  async redeemLink(token: string, password: string, requestId: string) {
    const hash = sha256(token);
    const row = await authRepo.findToken(this.db, hash);
    if (!row || row.used_at || Date.parse(row.expires_at) <= Date.now()) throw new AppError(400, 'link_invalid');
    const user = await repo.findUser(this.db, row.user_id);
    if (!user || user.status === 'deactivated') throw new AppError(400, 'link_invalid');
    checkPasswordPolicy(password, this.ctx.crypto.decrypt(user.email_enc, this.fieldCtx(user.id, 'email')));
    const passwordHash = await hashPassword(password);
    await writeAudited(
      this.ctx,
      {
        actor: { userId: user.id, orgId: user.organisation_id },
        action: row.purpose === 'invite' ? 'auth.invitation_accepted' : 'auth.password_reset',
        recordType: 'user',
        recordId: user.id,
        requestId,
      },
      async (trx) => {
        if (!(await authRepo.consumeToken(trx, hash, nowIso()))) throw new AppError(400, 'link_invalid');
        await repo.updateUser(trx, user.id, { password_hash: passwordHash, status: 'active', updated_at: nowIso() });
        await authRepo.revokeUserSessions(trx, user.id, nowIso());
      },
    );
  }
}

/** What GET /api/auth/session shows: the user, their permissions, CSRF token and expiry. */
export async function sessionView(ctx: Context, sessions: SessionService, current: CurrentSession) {
  const { actor, session } = current;
  const user = (await repo.findUser(ctx.db.db, actor.userId))!;
  const org = await repo.findOrganisation(ctx.db.db, actor.orgId);
  const f = (column: string) => ({ table: 'users', row: user.id, column });
  return {
    user: {
      id: user.id,
      name: ctx.crypto.decrypt(user.name_enc, f('name')),
      email: ctx.crypto.decrypt(user.email_enc, f('email')),
      organisation: { id: actor.orgId, name: org?.name ?? '' },
      roles: actor.roles,
      permissions: [...actor.permissions].sort(),
      scope: actor.scope,
      secondFactor: user.totp_enabled_at
        ? ('enabled' as const)
        : current.pendingSecondFactor
          ? ('enrolment_required' as const)
          : ('not_required' as const),
    },
    csrfToken: sessions.csrfToken(session),
    expiresAt: session.expires_at,
    idleMinutes: ctx.config.MINKA_SESSION_IDLE_MINUTES,
  };
}
