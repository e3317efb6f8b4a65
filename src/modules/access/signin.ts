import { randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { UserTable } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { KnownDevices, parseDeviceCookie } from './known-devices';
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
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.ctx.db.db;
  }

  private fieldCtx = (userId: string, column: string) => ({ table: 'users', row: userId, column });

  private async secondFactorRequired(userId: string): Promise<boolean> {
    if (!this.ctx.config.MINKA_REQUIRE_2FA) return false;
    const roles = (await repo.rolesOf(this.db, [userId])).get(userId) ?? [];
    return needsSecondFactor(await repo.permissionsOf(this.db, roles));
  }

  /**
   * Checks password and, when enrolled, a TOTP or recovery code, all in one step under throttling; returns a new
   * session, and the known-device cookie to set after a complete sign-in. Every refusal — unknown account, wrong
   * password, missing or wrong second factor — is the same 401 "invalid_credentials" after the same argon2 work.
   */
  async signIn(body: SignInBody, sourceAddress: string, requestId: string, deviceCookieValue?: string) {
    // Any index key still kept: during an index-key rotation a user's row may carry the old one. The active key's
    // (first) names the account's throttle pool.
    const indexes = this.ctx.crypto.blindIndexes('email', normaliseEmail(body.email));
    const account = indexes[0]!;
    const user = await repo.findUserByEmailIndex(this.db, indexes);
    const cookieTokens = parseDeviceCookie(deviceCookieValue);
    const devices = new KnownDevices(this.db, this.now);
    const known = user ? await devices.match(user.id, cookieTokens) : null;
    // A known device has its own pool and ignores the source's: strangers' guessing does not slow its owner.
    const pool = known ? `dev:${known}` : `acct:${account}`;
    const source = known ? null : `src:${this.ctx.crypto.blindIndex('source', sourceAddress)}`;
    const throttle = new Throttle(this.db);
    const wait = await throttle.enter(pool, source);
    if (wait > 0) throw new AppError(429, 'too_many_attempts', { seconds: Math.ceil(wait / 1000) });

    const passwordOk = await verifyPassword(user?.status === 'active' ? user.password_hash : null, body.password);
    const enrolled = Boolean(user?.totp_enabled_at);
    const factorOk = passwordOk && user && (!enrolled || (await this.checkSecondFactor(user, body)));
    if (!user || !factorOk) {
      await throttle.failed(account, source);
      await this.ctx.audit.record({
        actor: user ? { userId: user.id, orgId: user.organisation_id } : null,
        action: 'auth.sign_in_failed',
        recordType: 'user',
        recordId: user?.id,
        details: {
          reason: !user ? 'unknown_account' : !passwordOk ? 'password' : 'second_factor',
          knownDevice: !!known,
        },
        requestId,
      });
      throw new AppError(401, 'invalid_credentials');
    }
    const pending = !enrolled && (await this.secondFactorRequired(user.id));
    const { token, session } = await this.sessions.create(user.id, enrolled || !pending);
    await throttle.succeeded(pool);
    // Only a complete sign-in makes a browser known: a session that still owes its second factor does not.
    const deviceCookie = pending ? null : await devices.remember(user.id, known, cookieTokens);
    await repo.updateUser(this.db, user.id, { last_sign_in_at: nowIso() });
    await this.ctx.audit.record({
      actor: { userId: user.id, orgId: user.organisation_id },
      action: 'auth.sign_in',
      recordType: 'session',
      recordId: session.id,
      details: {
        secondFactor: enrolled ? 'used' : pending ? 'enrolment_required' : 'not_required',
        knownDevice: !!known,
        remember: !!body.remember,
      },
      requestId,
    });
    return { token, session, deviceCookie };
  }

  private async checkSecondFactor(user: UserTable, body: SignInBody): Promise<boolean> {
    if (body.totp) {
      const secret = this.ctx.crypto.decryptOptional(user.totp_secret_enc, this.fieldCtx(user.id, 'totp_secret'));
      return Boolean(secret) && this.acceptTotp(user.id, secret!, body.totp);
    }
    if (!body.recoveryCode) return false;
    const code = body.recoveryCode.toLowerCase().replace('-', '');
    return authRepo.consumeRecoveryCode(this.db, user.id, this.ctx.crypto.blindIndex('recovery', code), nowIso());
  }

  /** True for a valid code of a time step later than the last one accepted for the user; records that step. */
  private async acceptTotp(userId: string, secret: string, code: string): Promise<boolean> {
    const timestamp = this.now();
    const delta = totpFor(secret, userId).validate({ token: code, window: 1, timestamp });
    if (delta === null) return false;
    return authRepo.claimTotpStep(this.db, userId, Math.floor(timestamp / 30_000) + delta);
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
    if (!(await this.acceptTotp(userId, secret, code))) throw new AppError(400, 'invalid_second_factor');
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
    await authRepo.deleteKnownDevices(this.db, userId);
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
        await authRepo.deleteKnownDevices(trx, user.id);
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
