import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import type { SessionTable } from '../../platform/db/types';
import type { Actor } from './policy';
import * as repo from './repo';
import * as authRepo from './repo-auth';

export const sessionCookie = 'minka_session';
const touchEveryMs = 60_000;

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A resolved session with the actor it stands for; `pendingSecondFactor` limits it to 2FA enrolment. */
export interface CurrentSession {
  session: SessionTable;
  actor: Actor;
  pendingSecondFactor: boolean;
}

/** Server-side sessions: random tokens in a cookie, only their SHA-256 stored; idle and absolute expiry; revocable. */
export class SessionService {
  constructor(private readonly ctx: Context) {}

  private get db() {
    return this.ctx.db.db;
  }

  /** Creates a session and returns the token to set in the cookie (the only time it exists in clear). */
  async create(userId: string, mfa: boolean): Promise<{ token: string; session: SessionTable }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session: SessionTable = {
      id: randomUUID(),
      token_hash: sha256(token),
      user_id: userId,
      mfa: mfa ? 1 : 0,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.ctx.config.MINKA_SESSION_MAX_HOURS * 3_600_000).toISOString(),
      revoked_at: null,
    };
    await authRepo.insertSession(this.db, session);
    return { token, session };
  }

  /** The CSRF token for a session: a keyed MAC of its id, so nothing more needs storing. */
  csrfToken(session: SessionTable): string {
    return this.ctx.crypto.blindIndex('csrf', session.id);
  }

  /** Every CSRF token a session may send: during an index-key rotation, the one it got before is still good. */
  csrfTokens(session: SessionTable): string[] {
    return this.ctx.crypto.blindIndexes('csrf', session.id);
  }

  /** True when a session is neither revoked nor past its absolute or idle expiry. */
  isLive(s: SessionTable, now = Date.now()): boolean {
    if (s.revoked_at) return false;
    if (Date.parse(s.expires_at) <= now) return false;
    return Date.parse(s.last_seen_at) + this.ctx.config.MINKA_SESSION_IDLE_MINUTES * 60_000 > now;
  }

  /** Resolves a cookie token to its live session and active user, or null. */
  async resolve(token: string | undefined): Promise<CurrentSession | null> {
    if (!token || token.length > 100) return null;
    const session = await authRepo.findSessionByHash(this.db, sha256(token));
    if (!session || !this.isLive(session)) return null;
    const actor = await this.actorFor(session.user_id, session.id);
    if (!actor) return null;
    if (Date.now() - Date.parse(session.last_seen_at) > touchEveryMs)
      await authRepo.touchSession(this.db, session.id, nowIso());
    return { session, actor, pendingSecondFactor: session.mfa === 0 || Number(session.mfa) === 0 };
  }

  /** Builds the policy view of an active user: roles, permissions from the roles table, jurisdiction. */
  async actorFor(userId: string, sessionId: string): Promise<Actor | null> {
    const user = await repo.findUser(this.db, userId);
    if (user?.status !== 'active') return null;
    const roles = (await repo.rolesOf(this.db, [userId])).get(userId) ?? [];
    const perms = await repo.permissionsOf(this.db, roles);
    return {
      userId,
      orgId: user.organisation_id,
      roles,
      permissions: new Set(perms),
      scope: { country: user.scope_country, code: user.scope_code },
      sessionId,
    };
  }

  revoke = (id: string) => authRepo.revokeSession(this.db, id, nowIso());
  /** Ends every session of a user and forgets the browsers they signed in from. */
  revokeAll = async (userId: string) => {
    await authRepo.deleteKnownDevices(this.db, userId);
    return authRepo.revokeUserSessions(this.db, userId, nowIso());
  };
  markSecondFactor = (id: string) => authRepo.setSessionMfa(this.db, id);
  active = (userId: string) => authRepo.activeSessions(this.db, userId, nowIso());
  find = (id: string) => authRepo.findSession(this.db, id);
}
