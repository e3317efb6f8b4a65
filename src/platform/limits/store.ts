/** One counter's state after a hit: this window's count (the hit included) and the previous window's. */
export interface Hit {
  count: number;
  previous: number;
}

/**
 * Counters that every node sharing the store sees alike. Keys are opaque (a limiter passes keyed hashes, never an
 * address); a counter is forgotten by `expiresAt` (epoch ms), at the latest a little after.
 */
export interface CounterStore {
  /** Where the counts live, for logs and tests. */
  readonly kind: 'memory' | 'database' | 'redis';
  /** True when other nodes see the same counts (Redis, PostgreSQL). */
  readonly shared: boolean;
  /**
   * Adds `amount` (default 1) to `key` in one atomic step (no hit is lost or counted twice, whichever node makes
   * it) and reads `previousKey`'s count (0 when unknown). A new counter is created to expire at `expiresAt`.
   */
  hit(key: string, previousKey: string, expiresAt: number, now: number, amount?: number): Promise<Hit>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}

/** The limits' clock; a test may stop it in the middle of a window so nothing depends on when the test runs. */
export const limitsClock = { now: (): number => Date.now() };
