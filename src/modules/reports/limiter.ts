import { createHmac, randomBytes } from 'node:crypto';

/**
 * Short-lived in-memory counters that slow a flood from one source without identifying anyone: the key
 * is an HMAC of the address under a random per-process salt, never stored or logged, and forgotten when
 * its window ends.
 */
export class SourceLimiter {
  private readonly salt = randomBytes(32);
  private readonly counts = new Map<string, { n: number; until: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one use; false when this source has used up its window. */
  take(address: string, now = Date.now()): boolean {
    if (this.counts.size > 50_000) this.sweep(now);
    const key = createHmac('sha256', this.salt).update(address).digest('base64url').slice(0, 22);
    const entry = this.counts.get(key);
    if (!entry || entry.until <= now) {
      this.counts.set(key, { n: 1, until: now + this.windowMs });
      return true;
    }
    entry.n++;
    return entry.n <= this.max;
  }

  private sweep(now: number) {
    for (const [k, v] of this.counts) if (v.until <= now) this.counts.delete(k);
  }
}
