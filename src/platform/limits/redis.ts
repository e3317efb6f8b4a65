import { Redis } from 'ioredis';
import type { CounterStore, Hit } from './store';

// INCRBY and PEXPIRE in one script, so a counter never lives without its expiry (a crash between the two would keep
// it forever); the previous window's count is read in the same round trip. Both keys are one Redis's: no cluster.
const script = `
local n = redis.call('INCRBY', KEYS[1], ARGV[2])
if n == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, tonumber(redis.call('GET', KEYS[2]) or '0')}
`;

/** The key prefix in Redis; everything Minka counts there starts with it. */
export const redisPrefix = 'minka:limit:';

type LimitsRedis = Redis & {
  minkaHit(key: string, previousKey: string, ttlMs: number, amount: number): Promise<[number, number]>;
};

/**
 * Counters in Redis (MINKA_REDIS_URL): shared by every node. A command fails fast (no queue while disconnected,
 * a short timeout) so the caller can fall back at once instead of holding the request; ioredis reconnects by itself.
 */
export class RedisCounters implements CounterStore {
  readonly kind = 'redis' as const;
  readonly shared = true;
  private readonly redis: LimitsRedis;

  private constructor(url: string, onError: (err: Error) => void) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 5000),
    }) as LimitsRedis;
    this.redis.on('error', onError);
    this.redis.defineCommand('minkaHit', { numberOfKeys: 2, lua: script });
  }

  /**
   * Connects to Redis; when it cannot be reached the store is returned anyway (hits fail, so limits fall back to
   * this node) and keeps reconnecting in the background.
   */
  static async open(url: string, onError: (err: Error) => void): Promise<RedisCounters> {
    const store = new RedisCounters(url, onError);
    await store.redis.connect().catch(onError);
    return store;
  }

  async hit(key: string, previousKey: string, expiresAt: number, now: number, amount = 1): Promise<Hit> {
    const [count, previous] = await this.redis.minkaHit(
      redisPrefix + key,
      redisPrefix + previousKey,
      Math.max(1, expiresAt - now),
      amount,
    );
    return { count: Number(count), previous: Number(previous) };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
