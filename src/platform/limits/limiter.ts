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

export interface LimiterOptions {
  /**
   * Reserve uses in batches (on a shared store only): a node takes a share of what a source has left and spends it
   * without asking the store again. The store's count includes the reserved uses, so all nodes together never allow
   * more than the limit; a source may be refused a few uses early (at most an eighth of what it had left when each
   * node last reserved). For the request limit, where one round trip per request would cost the most.
   */
  reserve?: boolean;
}

/** A node's reserved uses of one source in one window. */
interface Lease {
  left: number;
  /** The estimate when reserved, and the uses spent since: the count shown to the client. */
  base: number;
  used: number;
  /** How many uses to reserve next time. */
  next: number;
  until: number;
}

const mapSweepFrom = 10_000;
const maxReserve = 64;

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
  private readonly leases = new Map<string, Lease>();
  // Reservations on their way from the store: a request arriving meanwhile waits for it instead of asking too.
  private readonly reserving = new Map<string, Promise<unknown>>();

  constructor(
    private readonly purpose: string,
    private readonly store: CounterStore,
    private readonly fallback: MemoryCounters,
    private readonly keyOf: (value: string) => string,
    private readonly storeFailed: (err: unknown, purpose: string) => void,
    private readonly options: LimiterOptions = {},
  ) {}

  /** Counts one use by `source` (an address, held in memory only) and says whether it stays within `max` per `windowMs`. */
  async take(source: string, max: number, windowMs: number): Promise<Decision> {
    const now = limitsClock.now();
    const start = now - (now % windowMs);
    const resetAt = start + windowMs;
    const key = this.keyOf(`${this.purpose}|${windowMs}|${start}|${source}`);
    const until = this.blocked.get(key);
    if (until !== undefined && until > now) return { allowed: false, count: max + 1, resetAt, retryAt: until };
    const reserving = this.options.reserve === true && this.store.shared;
    // One reservation at a time per source on this node: a request that finds one on its way waits for it and
    // spends from it, or, when it is spent, the first to find none reserves again while the others wait.
    for (let pending = this.reserving.get(key); reserving; pending = this.reserving.get(key)) {
      const lease = this.leases.get(key);
      if (lease && lease.left > 0) {
        lease.left--;
        lease.used++;
        return { allowed: true, count: Math.min(max, Math.ceil(lease.base + lease.used)), resetAt, retryAt: now };
      }
      if (!pending) break;
      await pending.catch(() => {});
      const over = this.blocked.get(key);
      if (over !== undefined && over > now) return { allowed: false, count: max + 1, resetAt, retryAt: over };
    }
    const lease = reserving ? this.leases.get(key) : undefined;
    const amount = lease?.next ?? 1;
    const previousKey = this.keyOf(`${this.purpose}|${windowMs}|${start - windowMs}|${source}`);
    const expiresAt = resetAt + windowMs;
    const asked = this.store.hit(key, previousKey, expiresAt, now, amount);
    if (reserving) {
      this.reserving.set(key, asked);
      asked.finally(() => this.reserving.get(key) === asked && this.reserving.delete(key)).catch(() => {});
    }
    let hit: Hit;
    try {
      hit = await asked;
    } catch (err) {
      this.storeFailed(err, this.purpose);
      hit = this.fallback.hitNow(key, previousKey, expiresAt, now, amount);
    }
    // What the window held before these uses, and how many of them fit under the limit now.
    const before = hit.count - amount + (hit.previous * (resetAt - now)) / windowMs;
    const room = Math.floor(max - before);
    if (room >= 1) {
      const granted = Math.min(amount, room);
      if (reserving) {
        const next = Math.max(1, Math.min(maxReserve, Math.floor((room - granted) / 8)));
        this.remember(this.leases, key, { left: granted - 1, base: before, used: 1, next, until: resetAt }, now);
      }
      return { allowed: true, count: Math.ceil(before + 1), resetAt, retryAt: now };
    }
    const retryAt = Math.max(now, retryTime(hit, max, windowMs, resetAt));
    if (this.store.shared) this.remember(this.blocked, key, retryAt, now);
    return { allowed: false, count: Math.max(max + 1, Math.ceil(before + 1)), resetAt, retryAt };
  }

  /** Sets a per-source entry, keeping the map bounded: expired entries go first, then the oldest. */
  private remember<V extends number | { until: number }>(map: Map<string, V>, key: string, value: V, now: number) {
    if (map.size >= mapSweepFrom) {
      for (const [k, v] of map) if ((typeof v === 'number' ? v : v.until) <= now) map.delete(k);
      // Still full: many sources at once; forget the oldest (they are asked of the store again).
      for (const k of map.keys()) {
        if (map.size < mapSweepFrom / 2) break;
        map.delete(k);
      }
    }
    map.set(key, value);
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
