import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { FieldCrypto } from '../crypto/fields';
import type { DbHandle } from '../db/index';
import { DatabaseCounters } from './database';
import { type LimiterOptions, WindowLimiter } from './limiter';
import { MemoryCounters } from './memory';
import { rateLimitStore } from './rate-limit';
import { RedisCounters } from './redis';
import type { CounterStore } from './store';

export type { Decision, LimiterOptions } from './limiter';
export { WindowLimiter } from './limiter';
export type { CounterStore, Hit } from './store';
export { limitsClock } from './store';

/** The limits of one node: its counter store and the limiters that count in it. */
export interface Limits {
  readonly store: CounterStore;
  /** The limiter named `purpose` (one per purpose, made with the options of its first call; counts apart). */
  limiter(purpose: string, options?: LimiterOptions): WindowLimiter;
  /** The request limit's store for @fastify/rate-limit. */
  rateLimitStore(defaults: { max: number; windowMs: number }): ReturnType<typeof rateLimitStore>;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Limits counted in the store every node shares (see platform/limits). */
    limits: Limits;
  }
}

const quietMs = 60_000;

/** Which store the settings choose: Redis when MINKA_REDIS_URL is set, else PostgreSQL, else this process (SQLite). */
export function storeKind(config: Pick<Config, 'MINKA_REDIS_URL' | 'database'>): CounterStore['kind'] {
  if (config.MINKA_REDIS_URL) return 'redis';
  return config.database === 'postgres' ? 'database' : 'memory';
}

/**
 * Opens this node's limits in the store the settings choose. Keys are keyed hashes under a key derived from the
 * installation's index key (every node opens it with the master key; it is never stored in the clear). A store
 * failure is logged at most once a minute, with no key or address, while limits count on this node.
 */
export async function openLimits(
  deps: { config: Pick<Config, 'MINKA_REDIS_URL' | 'database'>; db: DbHandle; crypto: FieldCrypto },
  log: FastifyBaseLogger,
): Promise<Limits> {
  let lastReport = Number.NEGATIVE_INFINITY;
  const failed = (err: unknown, purpose?: string) => {
    const now = Date.now();
    if (now - lastReport < quietMs) return;
    lastReport = now;
    const e = err as { name?: string; code?: string };
    log.error(
      { limits: kind, limiter: purpose, err: { name: e?.name, code: e?.code } },
      'limits store unavailable: limits count on this node only until it answers',
    );
  };
  const kind = storeKind(deps.config);
  const store: CounterStore =
    kind === 'redis'
      ? await RedisCounters.open(deps.config.MINKA_REDIS_URL!, (err) => failed(err))
      : kind === 'database'
        ? new DatabaseCounters(deps.db.db, (err) => failed(err, 'sweep'))
        : new MemoryCounters();
  log.info(
    { limits: kind },
    kind === 'memory' ? 'limits count in this process' : 'limits count in a store every node shares',
  );
  const fallback = new MemoryCounters();
  const keyOf = (value: string) => deps.crypto.blindIndex('limits', value);
  const limiters = new Map<string, WindowLimiter>();
  const limiter = (purpose: string, options?: LimiterOptions) => {
    let l = limiters.get(purpose);
    if (!l) {
      l = new WindowLimiter(purpose, store, fallback, keyOf, failed, options);
      limiters.set(purpose, l);
    }
    return l;
  };
  return {
    store,
    limiter,
    rateLimitStore: (defaults) => rateLimitStore(limiter, defaults),
    close: async () => {
      await store.close();
      await fallback.close();
    },
  };
}
