import type { MemoryCounters } from './memory';
import { type CounterStore, type Hit, limitsClock } from './store';

/** What a limiter answers for one use. */
export interface Decision {
  allowed: boolean;
  /** Uses counted in the sliding window, this one included (rounded up); above the limit when refused. */
  count: number;
  /** When the current window ends (epoch ms). */
  resetAt: number;
  /** When refused: the earliest moment another use is allowed, if the source waits (epoch ms). */
  retryAt: number;
}

const blockedSweepFrom = 10_000;

/**
 * A sliding-window limit per source: fixed windows that start at the same moments on every node, and the estimate
 * this window's count + the previous window's count × the share of it still inside the last `windowMs`. So a source
 * cannot double its allowance across a window boundary, and nothing depends on which node counted.
 *
 * Keys never identify anyone: a keyed hash (under a key every node derives and none stores) of the limiter's name,
 * the window's start and the source, so the stored key changes every window and cannot be linked across windows;
 * a counter is kept to the end of the next window, which still weighs it, and no longer.
 *
 * When the shared store fails, the use is counted in this process instead (each node then limits on its own, as
 * before several nodes) and the failure is reported: a limit never refuses, nor drops, a use because Redis or the
 * database is down.
 */
export class WindowLimiter {
  // On a shared store, a source known to be over its limit is refused here until it may try again: a flood costs
  // this node nothing and the store nothing.
  private readonly blocked = new Map<string, number>();

  constructor(
    private readonly purpose: string,
    private readonly store: CounterStore,
    private readonly fallback: MemoryCounters,
    private readonly keyOf: (value: string) => string,
    private readonly storeFailed: (err: unknown, purpose: string) => void,
  ) {}

  /** Counts one use by `source` (an address, held in memory only) and says whether it stays within `max` per `windowMs`. */
  async take(source: string, max: number, windowMs: number): Promise<Decision> {
    const now = limitsClock.now();
    const start = now - (now % windowMs);
    const resetAt = start + windowMs;
    const key = this.keyOf(`${this.purpose}|${windowMs}|${start}|${source}`);
    const until = this.blocked.get(key);
    if (until !== undefined && until > now) return { allowed: false, count: max + 1, resetAt, retryAt: until };
    const previousKey = this.keyOf(`${this.purpose}|${windowMs}|${start - windowMs}|${source}`);
    const expiresAt = resetAt + windowMs;
    let hit: Hit;
    try {
      hit = await this.store.hit(key, previousKey, expiresAt, now);
    } catch (err) {
      this.storeFailed(err, this.purpose);
      hit = this.fallback.hitNow(key, previousKey, expiresAt, now);
    }
    const estimate = hit.count + (hit.previous * (resetAt - now)) / windowMs;
    if (estimate <= max) return { allowed: true, count: Math.ceil(estimate), resetAt, retryAt: now };
    const retryAt = Math.max(now, retryTime(hit, max, windowMs, resetAt));
    if (this.store.shared) this.block(key, retryAt, now);
    return { allowed: false, count: Math.max(max + 1, Math.ceil(estimate)), resetAt, retryAt };
  }

  private block(key: string, until: number, now: number) {
    if (this.blocked.size >= blockedSweepFrom) {
      for (const [k, v] of this.blocked) if (v <= now) this.blocked.delete(k);
      // Still full: many sources at once over their limit; forget the oldest (they are asked of the store again).
      for (const k of this.blocked.keys()) {
        if (this.blocked.size < blockedSweepFrom / 2) break;
        this.blocked.delete(k);
      }
    }
    this.blocked.set(key, until);
  }
}

/**
 * The first moment at which one more use would be within `max`, if no other use comes first: later in this window
 * while the previous window's weight fades, or in the next window, whose previous window is this one.
 */
export function retryTime(hit: Hit, max: number, windowMs: number, resetAt: number): number {
  const room = max - hit.count - 1;
  if (room >= 0) return hit.previous > 0 ? resetAt - (windowMs * room) / hit.previous : resetAt;
  return resetAt + Math.max(0, windowMs - (windowMs * (max - 1)) / hit.count);
}
