import { throttleCodec } from './codecs';
import type { Q } from './repo';
import * as repo from './repo-auth';

export const accountFreeAttempts = 5;
export const sourceFreeAccounts = 10;
const windowMs = 15 * 60_000;
const maxDelayMs = 15 * 60_000;

/** Growing delay after the free attempts: 1 s, 2 s, 4 s … up to 15 minutes. */
export function delayMs(over: number): number {
  return over <= 0 ? 0 : Math.min(maxDelayMs, 1000 * 2 ** (over - 1));
}

/**
 * Sign-in throttling that slows attackers without locking out others. Per account, every attempt counts
 * before the password is checked, so a burst is throttled at once; a success clears it. Per source, only
 * failures across many distinct accounts count, so people behind one shared address are not blocked by
 * someone guessing one account's password.
 */
export class Throttle {
  constructor(private readonly db: Q) {}

  /** Counts an attempt on an account; returns milliseconds to wait (0 = go ahead). */
  async attempt(accountKey: string, sourceKey: string, now = Date.now()): Promise<number> {
    const src = await repo.findThrottle(this.db, sourceKey);
    if (src?.blocked_until && Date.parse(src.blocked_until) > now) return Date.parse(src.blocked_until) - now;
    const key = `acct:${accountKey}`;
    const nowIso = new Date(now).toISOString();
    await repo.countAttempt(this.db, key, nowIso, new Date(now - windowMs).toISOString());
    const row = await repo.findThrottle(this.db, key);
    if (!row) return 0;
    const blockedFor = row.blocked_until ? Date.parse(row.blocked_until) - now : 0;
    if (blockedFor > 0) return blockedFor;
    return Number(row.failures) > accountFreeAttempts
      ? this.block(key, Number(row.failures) - accountFreeAttempts, now)
      : 0;
  }

  private async block(key: string, over: number, now: number): Promise<number> {
    const ms = delayMs(over);
    await repo.blockThrottle(this.db, key, new Date(now + ms).toISOString());
    return ms;
  }

  /** Records a failed attempt against the source, remembering which accounts it tried. */
  async failed(accountKey: string, sourceKey: string, now = Date.now()): Promise<void> {
    const row = await repo.findThrottle(this.db, sourceKey);
    const fresh = !row || Date.parse(row.first_failure_at) < now - windowMs;
    const accounts = new Set<string>(fresh ? [] : throttleCodec.decode(row).accounts);
    accounts.add(accountKey.slice(0, 16));
    const over = accounts.size - sourceFreeAccounts;
    await repo.saveThrottle(
      this.db,
      {
        key: sourceKey,
        failures: fresh ? 1 : Number(row.failures) + 1,
        accounts: JSON.stringify([...accounts].slice(-200)),
        first_failure_at: fresh ? new Date(now).toISOString() : row.first_failure_at,
        blocked_until: over > 0 ? new Date(now + delayMs(over)).toISOString() : null,
      },
      Boolean(row),
    );
  }

  /** A successful sign-in clears the account's counter. */
  succeeded(accountKey: string): Promise<unknown> {
    return repo.clearThrottle(this.db, `acct:${accountKey}`);
  }
}
