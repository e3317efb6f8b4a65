import { throttleCodec } from './codecs';
import type { Q } from './repo';
import * as repo from './repo-auth';

export const accountFreeAttempts = 5;
export const sourceFreeAccounts = 10;
/** A counter starts again after this long without attempts (measured from the end of its last delay). */
export const quietMs = 15 * 60_000;
export const maxDelayMs = 15 * 60_000;
// Two requests may read the same counter at once; the one whose compare-and-set loses reads again.
const casTries = 8;

/** The sign-in throttle's clock; a test may stop it to show what happens while no delay can run out. */
export const throttleClock = { now: (): number => Date.now() };

/** Growing delay after the free attempts: 1 s, 2 s, 4 s … never more than 15 minutes. */
export function delayMs(over: number): number {
  return over <= 0 ? 0 : Math.min(maxDelayMs, 1000 * 2 ** (over - 1));
}

/**
 * Sign-in throttling that slows guessing without locking anyone out for good (OWASP ASVS 2.2). Each pool (an
 * account's anonymous attempts, or one known device's) allows a few free attempts, then one attempt per growing
 * delay, capped at 15 minutes. An attempt made while a delay runs is refused before anything is counted, so
 * hammering neither counts nor extends it; a quiet spell of 15 minutes after the last delay starts the pool again.
 * Sources are throttled only for failures across many distinct accounts, so people behind one address are not
 * blocked by someone guessing one password.
 */
export class Throttle {
  constructor(
    private readonly db: Q,
    private readonly now: () => number = () => throttleClock.now(),
  ) {}

  /** Milliseconds to wait before an attempt on `poolKey` (0 = go ahead, and the attempt is then counted). */
  async enter(poolKey: string, sourceKey: string | null): Promise<number> {
    const now = this.now();
    if (sourceKey) {
      const src = await repo.findThrottle(this.db, sourceKey);
      const until = src?.blocked_until ? Date.parse(src.blocked_until) : 0;
      if (until > now) return until - now;
    }
    for (let i = 0; i < casTries; i++) {
      const row = await repo.findThrottle(this.db, poolKey);
      const until = row?.blocked_until ? Date.parse(row.blocked_until) : 0;
      if (until > now) return until - now;
      const fresh = !row || Math.max(until, Date.parse(row.first_failure_at)) < now - quietMs;
      const count = fresh ? 1 : Number(row.failures) + 1;
      const next = {
        key: poolKey,
        failures: count,
        accounts: '[]',
        first_failure_at: fresh ? new Date(now).toISOString() : row.first_failure_at,
        // The attempt beyond the free ones goes ahead and starts the delay before the next one.
        blocked_until:
          count > accountFreeAttempts ? new Date(now + delayMs(count - accountFreeAttempts)).toISOString() : null,
      };
      if (await repo.swapThrottle(this.db, next, row ?? null)) return 0;
    }
    return 1000;
  }

  /** Records a failed attempt against the source, remembering (by a short tag) which accounts it tried. */
  async failed(accountKey: string, sourceKey: string | null): Promise<void> {
    if (!sourceKey) return;
    const now = this.now();
    const row = await repo.findThrottle(this.db, sourceKey);
    const fresh = !row || Date.parse(row.first_failure_at) < now - quietMs;
    const accounts = new Set<string>(fresh ? [] : throttleCodec.decode(row).accounts);
    accounts.add(accountKey.slice(0, 16));
    const over = accounts.size - sourceFreeAccounts;
    await repo.saveThrottle(this.db, {
      key: sourceKey,
      failures: fresh ? 1 : Number(row.failures) + 1,
      accounts: JSON.stringify([...accounts].slice(-200)),
      first_failure_at: fresh ? new Date(now).toISOString() : row.first_failure_at,
      blocked_until: over > 0 ? new Date(now + delayMs(over)).toISOString() : null,
    });
  }

  /** A successful sign-in clears its pool's counter. */
  succeeded(poolKey: string): Promise<unknown> {
    return repo.clearThrottle(this.db, poolKey);
  }
}
