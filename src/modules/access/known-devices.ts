import { randomBytes } from 'node:crypto';
import type { Q } from './repo';
import * as authRepo from './repo-auth';
import { sha256 } from './sessions';

export const deviceCookie = 'minka_device';
/** How long a browser stays known after its last sign-in (its cookie is renewed at every sign-in). */
export const deviceDays = 180;
// One browser may be shared by a few people (a team's office computer): the cookie holds one token per person.
const perCookie = 5;
const perUser = 20;
const tokenShape = /^[\w-]{43}$/;

/** The tokens a `minka_device` cookie holds, newest first; anything malformed is ignored. */
export function parseDeviceCookie(value: string | undefined): string[] {
  if (!value || value.length > perCookie * 44) return [];
  return value
    .split('.')
    .filter((t) => tokenShape.test(t))
    .slice(0, perCookie);
}

/**
 * Browsers that signed in before ("known devices", OWASP's device cookies): a random token in an HttpOnly cookie,
 * of which only the SHA-256 is stored with its owner — no address, no browser name, nothing personal. Sign-in
 * attempts that carry a valid one are throttled on their own, so strangers' guessing does not slow the owner.
 */
export class KnownDevices {
  constructor(
    private readonly db: Q,
    private readonly now: () => number = Date.now,
  ) {}

  private since = () => new Date(this.now() - deviceDays * 86_400_000).toISOString();

  /** The stored hash of the first token that is a live known device of this user, or null. */
  async match(userId: string, tokens: string[]): Promise<string | null> {
    if (!tokens.length) return null;
    const row = await authRepo.findKnownDevice(this.db, userId, tokens.map(sha256), this.since());
    return row?.token_hash ?? null;
  }

  /**
   * After a complete sign-in: issues a new token for this browser (the one it used, if any, stops working, so a
   * copied cookie is good until the owner's next sign-in) and returns the cookie value to set.
   */
  async remember(userId: string, used: string | null, cookieTokens: string[]): Promise<string> {
    if (used) await authRepo.deleteKnownDevice(this.db, used);
    const token = randomBytes(32).toString('base64url');
    await authRepo.insertKnownDevice(this.db, {
      token_hash: sha256(token),
      user_id: userId,
      created_at: new Date(this.now()).toISOString(),
    });
    await authRepo.pruneKnownDevices(this.db, userId, perUser, this.since());
    const others = cookieTokens.filter((t) => sha256(t) !== used);
    return [token, ...others].slice(0, perCookie).join('.');
  }
}
