import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { LimiterOptions, WindowLimiter } from './limiter';
import { limitsClock } from './store';

type Limiters = (purpose: string, options: LimiterOptions) => WindowLimiter;

/**
 * A store for @fastify/rate-limit (its `store` option: a class it builds with its options) that counts through a
 * WindowLimiter, so the request limit holds across every node sharing the limits store. The plugin's key (the
 * address) only reaches the limiter, which stores a keyed hash of it. A route with its own limit counts apart.
 * Uses are reserved in batches (see LimiterOptions.reserve): never more than the limit across nodes.
 */
export function rateLimitStore(
  limiter: Limiters,
  defaults: { max: number; windowMs: number },
): FastifyRateLimitStoreCtor {
  class SharedStore implements FastifyRateLimitStore {
    private readonly limiter: WindowLimiter;

    constructor(_options: unknown, purpose = 'requests') {
      // A request costs a round trip to the store only now and then: uses are reserved in batches.
      this.limiter = limiter(purpose, { reserve: true });
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      // The plugin passes the route's window and limit (already resolved) after the callback.
      timeWindow: number = defaults.windowMs,
      max: number = defaults.max,
    ): void {
      this.limiter.take(key, max, timeWindow).then(
        (d) => {
          const now = limitsClock.now();
          callback(null, { current: d.count, ttl: Math.max(0, (d.allowed ? d.resetAt : d.retryAt) - now) });
        },
        (err: Error) => callback(err),
      );
    }

    // The plugin passes its merged options for the route, with the route under `routeInfo` (its types say otherwise).
    child(routeOptions: object): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo ?? {};
      return new SharedStore(routeOptions, `requests ${String(route.method)} ${String(route.url)}`);
    }
  }
  return SharedStore as unknown as FastifyRateLimitStoreCtor;
}
