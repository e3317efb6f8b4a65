import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, makeUser, type Signed, signIn, totpNow } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { seedGeoDemo } from '../../modules/geo/demo';
import { GeoService } from '../../modules/geo/service';

// Malformed input must get a 4xx and never a 5xx, on every route, whoever sends it.
const bodies: (string | undefined)[] = [
  undefined,
  '',
  'null',
  '[]',
  '"text"',
  '12',
  '{"a":',
  '{"__proto__":{"admin":true}}',
  JSON.stringify({
    email: 'x'.repeat(300),
    password: 1,
    division: { country: 'EC', code: '../../etc' },
    body: { nested: [1, 2] },
    limit: -1,
  }),
  JSON.stringify({
    what: '\u0000\u202e',
    status: 'Closed',
    into: 'not-a-uuid',
    permissions: ['*'],
    indicators: Array(500).fill('x'),
  }),
];
const ids = ['not-a-uuid', '00000000-0000-4000-8000-000000000000', '%00', 'a'.repeat(150)];

describe('robustness: malformed requests never cause a 5xx', () => {
  const [target] = dbTargets();
  let t: TestApp;
  let sessions: Signed[];
  before(async () => {
    t = await openTestApp(target!, {
      MINKA_RATE_LIMIT_MAX: 1_000_000,
      MINKA_WEBHOOK_SECRET: 'a-shared-secret-for-tests-only',
    });
    await seedGeoDemo(new GeoService(t.db.handle.db));
    const org = await makeOrg(t.db.ctx, '0603');
    const admin = await makeUser(t.db.ctx, { role: 'administrator', scope: 'EC', orgId: org, totp: true });
    const worker = await makeUser(t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org, totp: true });
    sessions = [
      await signIn(t.app, admin.email, { totp: totpNow() }),
      await signIn(t.app, worker.email, { totp: totpNow() }),
    ];
  });
  after(() => t.close());

  it('answers every route with garbage bodies, ids and query strings without a server error', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const routes = t.app.routeList.filter(
      (r) =>
        r.url.startsWith('/api') &&
        !r.url.startsWith('/api/docs') &&
        !r.url.endsWith('/sign-out') &&
        !r.url.endsWith('/sign-out-everywhere'),
    );
    for (const r of routes) {
      for (const id of ids) {
        const url = r.url.replace(/:[a-z]+/gi, encodeURIComponent(id));
        for (const headers of [{}, ...sessions.map((s) => s.headers)]) {
          for (const body of r.method === 'GET' ? [undefined] : bodies) {
            for (const query of ['', '?limit=abc&status=%FF&q=%27%20or%201=1--&after=%%%']) {
              const res = await t.app.inject({
                method: r.method as 'GET',
                url: url + query,
                headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
                ...(body !== undefined ? { payload: body } : {}),
              });
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              if (res.statusCode >= 500)
                failures.push(
                  `${r.method} ${url}${query} body=${String(body).slice(0, 40)} → ${res.statusCode} ${res.body.slice(0, 100)}`,
                );
            }
          }
        }
      }
    }
    assert.deepEqual(failures.slice(0, 20), []);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    assert.ok(total > 5000, `${total} requests sent`);
    assert.ok((statuses.get(400) ?? 0) > 1000 && (statuses.get(404) ?? 0) > 100, JSON.stringify([...statuses]));
    assert.equal((await t.app.inject('/api/health')).statusCode, 200, 'still alive');
  });
});
