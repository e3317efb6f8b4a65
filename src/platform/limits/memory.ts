import type { CounterStore, Hit } from './store';

const sweepFrom = 10_000;
const cap = 200_000;

/**
 * Counters in this process only: the store for a single node on SQLite (and the fallback while a shared store is
 * unreachable). Expired counters are swept as the map doubles; past half of `cap` the oldest go first, so a flood
 * from many sources costs bounded memory (and an evicted source starts again from zero, as with an LRU).
 */
export class MemoryCounters implements CounterStore {
  readonly kind = 'memory' as const;
  readonly shared = false;
  private readonly counts = new Map<string, { n: number; until: number }>();
  private nextSweep = sweepFrom;

  async hit(key: string, previousKey: string, expiresAt: number, now: number, amount = 1): Promise<Hit> {
    return this.hitNow(key, previousKey, expiresAt, now, amount);
  }

  /** hit() without a promise, for callers on the request path that count in memory. */
  hitNow(key: string, previousKey: string, expiresAt: number, now: number, amount = 1): Hit {
    if (this.counts.size >= this.nextSweep) this.sweep(now);
    let entry = this.counts.get(key);
    if (!entry || entry.until <= now) {
      entry = { n: 0, until: expiresAt };
      this.counts.set(key, entry);
    }
    entry.n += amount;
    const prev = this.counts.get(previousKey);
    return { count: entry.n, previous: prev && prev.until > now ? prev.n : 0 };
  }

  /** Counters held now (tests). */
  get size(): number {
    return this.counts.size;
  }

  private sweep(now: number) {
    for (const [k, v] of this.counts) if (v.until <= now) this.counts.delete(k);
    // Oldest first (a Map keeps insertion order), down to half the cap: the map never holds more than `cap`.
    for (const k of this.counts.keys()) {
      if (this.counts.size <= cap / 2) break;
      this.counts.delete(k);
    }
    this.nextSweep = Math.max(sweepFrom, this.counts.size * 2);
  }

  async close(): Promise<void> {
    this.counts.clear();
  }
}
