import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { testRedis } from '../../../tests/support/redis';
import { submitReport } from '../../../tests/support/reports';
import { buildApp, openContext } from '../../app/index';
import { sourceWindowMs } from '../../modules/reports/limiter';
import type { Context } from '../context';
import type { App } from '../http/app';
import { type Language, t } from '../i18n/index';
import { limitsClock } from './index';
import { redisPrefix } from './redis';

// Issue 18: with several nodes behind a load balancer, a limit must hold across them, whichever node a request
// reaches. Each case runs two apps on one database with a Context each, as two processes would.

const redis = testRedis();
const realNow = limitsClock.now;
// The middle of a report window (and so of a request window): the counts below never straddle a boundary.
const frozen = Math.floor(Date.now() / sourceWindowMs) * sourceWindowMs + sourceWindowMs / 2;

interface Nodes {
  apps: [App, App];
  db: TestDb;
  second: Context;
  close(): Promise<void>;
}

async function twoNodes(target: ReturnType<typeof dbTargets>[number], overrides: Record<string, unknown>) {
  const db = await target.open();
  const second = await openContext(db.config);
  const build = (ctx: Context) =>
    buildApp({
      ...ctx,
      config: { ...db.config, MINKA_TRUST_PROXY: 1, ...overrides },
      webDir: null,
      logLevel: 'silent',
    });
  const apps: [App, App] = [await build(db.ctx), await build(second)];
  return {
    apps,
    db,
    second,
    close: async () => {
      await Promise.all(apps.map((a) => a.close()));
      await second.db.close();
      await db.cleanup();
    },
  } satisfies Nodes;
}

/** Every request key the store holds, as text: what someone reading the store would see. */
async function storedText(nodes: Nodes, redisUrl?: string): Promise<string> {
  if (!redisUrl) return JSON.stringify(await nodes.db.handle.db.selectFrom('rate_counters').selectAll().execute());
  const client = new Redis(redisUrl);
  try {
    const keys = await client.keys(`${redisPrefix}*`);
    const values = keys.length ? await client.mget(keys) : [];
    return JSON.stringify([keys, values]);
  } finally {
    client.disconnect();
  }
}

/** The count the store holds for a source's reports in the current window. */
async function storedReports(nodes: Nodes, source: string, redisUrl?: string): Promise<number | null> {
  const now = limitsClock.now();
  const start = now - (now % sourceWindowMs);
  const key = nodes.db.ctx.crypto.blindIndex('limits', `reports|${sourceWindowMs}|${start}|${source}`);
  if (!redisUrl) {
    const row = await nodes.db.handle.db
      .selectFrom('rate_counters')
      .select('count')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? Number(row.count) : null;
  }
  const client = new Redis(redisUrl);
  try {
    const v = await client.get(redisPrefix + key);
    return v === null ? null : Number(v);
  } finally {
    client.disconnect();
  }
}

const stores: { name: string; redisUrl?: string; skip: string | false; targets: ReturnType<typeof dbTargets> }[] = [
  {
    name: 'PostgreSQL',
    skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set: two nodes need PostgreSQL',
    targets: dbTargets().filter((x) => x.name === 'postgres'),
  },
  // Redis shares the limits whatever the database: on PostgreSQL when the tests have it, else two nodes on one SQLite file.
  { name: 'Redis', redisUrl: redis.url, skip: redis.skip, targets: dbTargets().slice(-1) },
];

for (const store of stores) {
  for (const target of store.targets.length ? store.targets : dbTargets().slice(-1)) {
    describe(`limits shared by two nodes in ${store.name} (${target.name})`, { skip: store.skip }, () => {
      const overrides = store.redisUrl ? { MINKA_REDIS_URL: store.redisUrl } : {};
      beforeEach(() => {
        limitsClock.now = () => frozen;
      });
      afterEach(() => {
        limitsClock.now = realNow;
      });

      describe('anonymous reports', () => {
        let nodes: Nodes;
        before(async () => {
          nodes = await twoNodes(target, { ...overrides, MINKA_RATE_LIMIT_MAX: 100_000 });
        });
        after(() => nodes.close());

        it('refuses the 11th report from one source in the window whichever node takes it, in the reporter’s language', async () => {
          const max = nodes.db.config.MINKA_REPORTS_PER_SOURCE;
          assert.equal(max, 10);
          const source = { 'x-forwarded-for': '198.51.100.7' };
          const langs: Language[] = ['es', 'en', 'qu-EC'];
          const answers = [];
          for (let i = 0; i < max + 3; i++) {
            const lang = langs[i % 3]!;
            const { res, receipt } = await submitReport(
              nodes.apps[i % 2]!,
              { lang, what: `Prueba ${i}: informe de una fuente` },
              source,
            );
            answers.push({ status: res.statusCode, receipt, lang, body: res.body, node: i % 2 });
          }
          assert.deepEqual(
            answers.map((a) => a.status),
            [...Array(max).fill(200), 429, 429, 429],
          );
          assert.ok(answers.slice(0, max).every((a) => /^\d{16}$/.test(a.receipt ?? '')));
          const refused = answers.slice(max);
          assert.deepEqual(
            refused.map((a) => a.node),
            [0, 1, 0],
            'refused by both nodes',
          );
          for (const a of refused) {
            assert.equal(a.receipt, null);
            assert.ok(a.body.includes(t(a.lang, 'report.tooMany')), `refusal in ${a.lang}`);
            assert.match(a.body, new RegExp(`<html lang="${a.lang}">`));
          }
          const reports = await nodes.db.handle.db.selectFrom('reports').select('id').execute();
          assert.equal(reports.length, max, 'a refused report stores nothing');
          // Each node counted into the one shared counter: 11 hits, then the 12th (the other node's first refusal);
          // the 13th came back to a node that already knew the source was over its limit and asked nothing.
          assert.equal(await storedReports(nodes, '198.51.100.7', store.redisUrl), max + 2);

          const other = await submitReport(
            nodes.apps[1],
            { what: 'Otra fuente' },
            { 'x-forwarded-for': '198.51.100.99' },
          );
          assert.equal(other.res.statusCode, 200, 'another source still reports');
        });

        it('never holds an address in the store', async () => {
          const text = await storedText(nodes, store.redisUrl);
          assert.ok(text.length > 10, 'the store holds counters');
          for (const address of ['198.51.100.7', '198.51.100.99', '127.0.0.1'])
            assert.equal(text.includes(address), false, `${address} in the store`);
          assert.equal(text.includes(Buffer.from('198.51.100.7').toString('base64')), false);
        });
      });

      describe('the request limit', () => {
        let nodes: Nodes;
        before(async () => {
          nodes = await twoNodes(target, { ...overrides, MINKA_RATE_LIMIT_MAX: 4 });
        });
        after(() => nodes.close());

        it('holds across both nodes: 4 requests in the window, then 429 rate_limited from either', async () => {
          const source = { 'x-forwarded-for': '203.0.113.9', 'accept-language': 'en' };
          const res = [];
          for (let i = 0; i < 7; i++)
            res.push(await nodes.apps[i % 2]!.inject({ url: '/api/geo/countries', headers: source }));
          assert.deepEqual(
            res.map((r) => r.statusCode),
            [200, 200, 200, 200, 429, 429, 429],
          );
          for (const r of res.slice(4)) {
            assert.equal(r.json().code, 'rate_limited');
            assert.equal(r.json().message, t('en', 'errors.rate_limited'));
            assert.ok(Number(r.headers['retry-after']) > 0);
          }
          const other = await nodes.apps[1].inject({
            url: '/api/geo/countries',
            headers: { 'x-forwarded-for': '203.0.113.10' },
          });
          assert.equal(other.statusCode, 200, 'another source is not limited');
          assert.equal((await nodes.apps[0].inject('/api/health')).statusCode, 200, 'probes stay exempt');
          const text = await storedText(nodes, store.redisUrl);
          assert.equal(text.includes('203.0.113.'), false, 'no address in the store');
        });
      });
    });
  }
}
