import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { captureLog } from '../../../tests/support/log';
import { testRedis } from '../../../tests/support/redis';
import { submitReport } from '../../../tests/support/reports';
import { buildApp, openContext } from '../../app/index';
import { DatabaseCounters } from './database';
import { limitsClock, openLimits, storeKind } from './index';
import { retryTime, WindowLimiter } from './limiter';
import { MemoryCounters } from './memory';
import { RedisCounters, redisPrefix } from './redis';
import type { CounterStore } from './store';

const redis = testRedis();
const minute = 60_000;
// A moment in the middle of a 10-minute window (so of a minute too): what a test counts never straddles a boundary.
const frozen = Math.floor(Date.now() / (10 * minute)) * 10 * minute + 5 * minute + 30_000;
const realNow = limitsClock.now;
const key = () => randomBytes(16).toString('base64url');
const plainKeys = (value: string) => value;
const noFailure = () => assert.fail('the store did not fail');

describe('sliding-window limiter', () => {
  let now = frozen;
  beforeEach(() => {
    limitsClock.now = () => now;
  });
  afterEach(() => {
    limitsClock.now = realNow;
  });

  it('allows max uses per window, then refuses, and says when the source may try again', async () => {
    now = frozen;
    const l = new WindowLimiter('t', new MemoryCounters(), new MemoryCounters(), plainKeys, noFailure);
    const d = [];
    for (let i = 0; i < 4; i++) d.push(await l.take('198.51.100.1', 3, minute));
    assert.deepEqual(
      d.map((x) => x.allowed),
      [true, true, true, false],
    );
    assert.deepEqual(
      d.map((x) => x.count),
      [1, 2, 3, 4],
    );
    assert.equal(d[3]!.resetAt, frozen - (frozen % minute) + minute);
    assert.ok(d[3]!.retryAt > d[3]!.resetAt, 'the previous window still weighs at the start of the next');
    assert.equal((await l.take('198.51.100.2', 3, minute)).allowed, true, 'another source counts apart');
  });

  it('does not let a source double its allowance across a window boundary', async () => {
    const l = new WindowLimiter('t', new MemoryCounters(), new MemoryCounters(), plainKeys, noFailure);
    const start = frozen - (frozen % minute);
    now = start + minute - 1000;
    for (let i = 0; i < 10; i++) assert.equal((await l.take('s', 10, minute)).allowed, true);
    now = start + minute + 1000;
    assert.equal((await l.take('s', 10, minute)).allowed, false, 'the last window still counts just after it ends');
    now = start + 2 * minute - 1000;
    const late = await l.take('s', 10, minute);
    assert.equal(late.allowed, true, 'its weight fades as the window slides on');
  });

  it('computes the retry time from the fading weight or the next window', () => {
    // 5 this window, 10 in the previous, max 10: room for 4 more once the previous weighs under 4 (60 % of it gone).
    assert.equal(retryTime({ count: 5, previous: 10 }, 10, 1000, 2000), 2000 - 400);
    // 20 this window, max 10: in the next window, once 20 × weight ≤ 9.
    assert.equal(retryTime({ count: 20, previous: 0 }, 10, 1000, 2000), 2000 + 1000 - 450);
  });

  it('keys change every window and say nothing of the source without the key', async () => {
    const seen: string[] = [];
    const store = new MemoryCounters();
    const l = new WindowLimiter(
      't',
      store,
      new MemoryCounters(),
      (v) => {
        seen.push(v);
        return `h${seen.length}`;
      },
      noFailure,
    );
    now = frozen;
    await l.take('198.51.100.3', 5, minute);
    now = frozen + minute;
    await l.take('198.51.100.3', 5, minute);
    const start = frozen - (frozen % minute);
    assert.deepEqual(seen, [
      `t|${minute}|${start}|198.51.100.3`,
      `t|${minute}|${start - minute}|198.51.100.3`,
      `t|${minute}|${start + minute}|198.51.100.3`,
      `t|${minute}|${start}|198.51.100.3`,
    ]);
  });

  it('falls back to this node when the store fails, so nothing is refused or lost, and reports it', async () => {
    now = frozen;
    const failing: CounterStore = {
      kind: 'redis',
      shared: true,
      hit: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
      close: async () => {},
    };
    const failures: string[] = [];
    const l = new WindowLimiter('reports', failing, new MemoryCounters(), plainKeys, (_e, p) => failures.push(p));
    const d = [];
    for (let i = 0; i < 3; i++) d.push((await l.take('198.51.100.4', 2, minute)).allowed);
    assert.deepEqual(d, [true, true, false], 'counted on this node meanwhile');
    assert.deepEqual(failures, ['reports', 'reports', 'reports']);
  });

  it('reserving uses in batches never allows more than the limit across nodes, and asks the store far less', async () => {
    now = frozen;
    const counters = new MemoryCounters();
    let calls = 0;
    const shared: CounterStore = {
      kind: 'redis',
      shared: true,
      hit: (...args) => {
        calls++;
        return counters.hit(...args);
      },
      close: async () => {},
    };
    const node = () =>
      new WindowLimiter('requests', shared, new MemoryCounters(), plainKeys, noFailure, { reserve: true });
    for (const max of [1, 2, 5, 17, 600]) {
      const nodes = [node(), node(), node()];
      calls = 0;
      let allowed = 0;
      const requests = max * 2 + 30;
      for (let i = 0; i < requests; i++) {
        // Mostly round robin, now and then the same node twice, as a load balancer does.
        const d = await nodes[(i + (i % 7 === 0 ? 1 : 0)) % 3]!.take(`s${max}`, max, minute);
        if (d.allowed) allowed++;
      }
      assert.ok(allowed <= max, `max ${max}: ${allowed} allowed`);
      assert.ok(allowed >= max - Math.max(2, max / 20), `max ${max}: only ${allowed} allowed`);
      if (max === 600) assert.ok(calls < requests / 4, `${calls} store calls for ${requests} requests`);
    }
    // At once, as a page's dozens of requests arrive: requests that find a reservation on its way wait for it.
    const nodes = [node(), node()];
    calls = 0;
    const all = await Promise.all(Array.from({ length: 400 }, (_, i) => nodes[i % 2]!.take('together', 300, minute)));
    assert.equal(all.filter((d) => d.allowed).length <= 300, true);
    assert.ok(all.filter((d) => d.allowed).length >= 285);
    assert.ok(calls < 100, `${calls} store calls for 400 requests at once`);
  });

  it('chooses Redis when MINKA_REDIS_URL is set, else PostgreSQL, else this process', () => {
    assert.equal(storeKind({ MINKA_REDIS_URL: 'redis://x', database: 'sqlite' }), 'redis');
    assert.equal(storeKind({ MINKA_REDIS_URL: 'redis://x', database: 'postgres' }), 'redis');
    assert.equal(storeKind({ MINKA_REDIS_URL: undefined, database: 'postgres' }), 'database');
    assert.equal(storeKind({ MINKA_REDIS_URL: undefined, database: 'sqlite' }), 'memory');
  });
});

/** Hits one counter `n` times at once through two stores (two nodes) and returns the counts they answered. */
async function concurrentHits(a: CounterStore, b: CounterStore, n: number, k: string, prev: string) {
  const expires = Date.now() + 10 * minute;
  const hits = await Promise.all(
    Array.from({ length: n }, (_, i) => (i % 2 ? a : b).hit(k, prev, expires, Date.now())),
  );
  return hits;
}

function assertExact(hits: { count: number }[], n: number) {
  assert.deepEqual(
    hits.map((h) => h.count).sort((x, y) => x - y),
    Array.from({ length: n }, (_, i) => i + 1),
    'every hit counted once: no two nodes saw the same count',
  );
}

for (const target of dbTargets()) {
  describe(`database counters on ${target.name}`, () => {
    let db: TestDb;
    let other: Awaited<ReturnType<typeof openContext>>;
    before(async () => {
      db = await target.open();
      other = await openContext(db.config);
    });
    after(async () => {
      await other.db.close();
      await db.cleanup();
    });

    it('counts concurrent hits from two nodes exactly and reads the previous window', async () => {
      const a = new DatabaseCounters(db.handle.db, noFailure);
      const b = new DatabaseCounters(other.db.db, noFailure);
      const prev = key();
      await a.hit(prev, key(), Date.now() + minute, Date.now());
      await b.hit(prev, key(), Date.now() + minute, Date.now());
      const k = key();
      const hits = await concurrentHits(a, b, 60, k, prev);
      assertExact(hits, 60);
      assert.ok(hits.every((h) => h.previous === 2));
      await Promise.all([a.close(), b.close()]);
    });

    it('deletes expired counters, and reads an expired previous one as none', async () => {
      const a = new DatabaseCounters(db.handle.db, noFailure);
      const now = Date.now();
      const old = key();
      await a.hit(old, key(), now - 1, now - 10);
      assert.equal((await a.hit(key(), old, now + minute, now)).previous, 0);
      assert.ok((await a.sweep(now)) >= 1);
      const rows = await db.handle.db.selectFrom('rate_counters').select('key').where('key', '=', old).execute();
      assert.deepEqual(rows, []);
      await a.close();
    });
  });
}

describe('Redis counters', { skip: redis.skip }, () => {
  let a: RedisCounters;
  let b: RedisCounters;
  let client: Redis;
  before(async () => {
    a = await RedisCounters.open(redis.url!, (err) => assert.fail(err));
    b = await RedisCounters.open(redis.url!, (err) => assert.fail(err));
    client = new Redis(redis.url!);
  });
  after(async () => {
    await Promise.all([a.close(), b.close()]);
    client.disconnect();
  });

  it('counts concurrent hits from two nodes exactly, with an expiry set in the same step', async () => {
    const prev = key();
    await client.set(redisPrefix + prev, '3', 'PX', minute);
    const k = key();
    const hits = await concurrentHits(a, b, 60, k, prev);
    assertExact(hits, 60);
    assert.ok(hits.every((h) => h.previous === 3));
    const ttl = await client.pttl(redisPrefix + k);
    assert.ok(ttl > 9 * minute && ttl <= 10 * minute, `expires with its window (ttl ${ttl} ms)`);
    await client.del(redisPrefix + k, redisPrefix + prev);
  });
});

describe('limits when Redis cannot be reached', () => {
  afterEach(() => {
    limitsClock.now = realNow;
  });

  it('fail fast, count on this node, and log once without the address or key', async () => {
    limitsClock.now = () => frozen;
    const { log, lines } = captureLog('info');
    const db = await dbTargets()[0]!.open();
    try {
      const limits = await openLimits(
        {
          config: { MINKA_REDIS_URL: 'redis://127.0.0.1:1', database: 'sqlite' },
          db: db.handle,
          crypto: db.ctx.crypto,
        },
        log,
      );
      const l = limits.limiter('reports');
      const t0 = Date.now();
      const d = [];
      for (let i = 0; i < 3; i++) d.push((await l.take('198.51.100.5', 2, 10 * minute)).allowed);
      assert.ok(Date.now() - t0 < 5000, 'no request waits for Redis');
      assert.deepEqual(d, [true, true, false]);
      await limits.close();
      const errors = lines.filter((x) => x.includes('limits store unavailable'));
      assert.equal(errors.length, 1, 'logged once, not once per request');
      assert.doesNotMatch(lines.join(''), /198\.51\.100\.5/);
      assert.match(errors[0]!, /"limits":"redis"/);
    } finally {
      await db.cleanup();
    }
  });
});

describe('the report form while Redis is down', () => {
  it('still takes a report (counted on this node) and tells the operators, without the address', async () => {
    const db = await dbTargets()[0]!.open();
    const lines: string[] = [];
    const app = await buildApp({
      ...db.ctx,
      config: { ...db.config, MINKA_REDIS_URL: 'redis://127.0.0.1:1', MINKA_TRUST_PROXY: 1 },
      webDir: null,
      logLevel: 'info',
      logStream: { write: (l) => lines.push(l) },
    });
    try {
      const { res, receipt } = await submitReport(
        app,
        { what: 'Prueba sin Redis' },
        { 'x-forwarded-for': '198.51.100.8' },
      );
      assert.equal(res.statusCode, 200);
      assert.match(receipt ?? '', /^\d{16}$/);
      assert.ok(lines.some((l) => l.includes('limits store unavailable')));
      assert.doesNotMatch(lines.join(''), /198\.51\.100\.8/);
    } finally {
      await app.close();
      await db.cleanup();
    }
  });
});
