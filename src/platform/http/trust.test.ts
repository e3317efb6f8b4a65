import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, makeUser, type Signed, signIn, totpNow } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { formToken } from '../../../tests/support/reports';
import { seedGeoDemo } from '../../modules/geo/demo';
import { GeoService } from '../../modules/geo/index';

const proxy = '10.0.0.5';
const client = '203.0.113.9';

/** One report posted the way a reverse proxy forwards it: the forged entries first, then the address it saw. */
async function reportThroughProxy(t: TestApp, forged: string, remoteAddress = proxy) {
  const headers = { 'x-forwarded-for': `${forged}, ${client}` };
  const token = await formToken(t.app, headers);
  const res = await t.app.inject({
    method: 'POST',
    url: '/report',
    remoteAddress,
    payload: `lang=es&token=${encodeURIComponent(token)}&what=${encodeURIComponent(`Prueba de proxy ${forged}`)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
  return res.statusCode;
}

const forgedAddress = (i: number) => `198.51.100.${i + 1}`;

for (const target of dbTargets()) {
  for (const setting of [1, [proxy]]) {
    describe(`MINKA_TRUST_PROXY=${setting} on ${target.name}`, () => {
      let t: TestApp;
      before(async () => {
        t = await openTestApp(target, { MINKA_TRUST_PROXY: setting, MINKA_RATE_LIMIT_MAX: 100_000 });
      });
      after(() => t.close());

      it('counts reports by the address the proxy saw, whatever the client writes in front of it', async () => {
        const codes: number[] = [];
        for (let i = 0; i < 30; i++) codes.push(await reportThroughProxy(t, forgedAddress(i)));
        const limit = t.db.config.MINKA_REPORTS_PER_SOURCE;
        assert.equal(codes.filter((c) => c === 200).length, limit);
        assert.equal(codes.filter((c) => c === 429).length, 30 - limit);
      });
    });
  }

  describe(`a direct client beside a trusted proxy on ${target.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target, { MINKA_TRUST_PROXY: [proxy], MINKA_RATE_LIMIT_MAX: 100_000 });
    });
    after(() => t.close());

    it('is counted by its own address: its X-Forwarded-For is not believed', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 15; i++) codes.push(await reportThroughProxy(t, forgedAddress(i), '192.0.2.44'));
      assert.equal(codes.filter((c) => c === 200).length, t.db.config.MINKA_REPORTS_PER_SOURCE);
    });
  });

  describe(`the global rate limit behind a proxy on ${target.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target, { MINKA_TRUST_PROXY: 1, MINKA_RATE_LIMIT_MAX: 5 });
    });
    after(() => t.close());

    it('limits the client the proxy saw, not each forged address', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await t.app.inject({
          url: '/api/auth/demo',
          remoteAddress: proxy,
          headers: { 'x-forwarded-for': `${forgedAddress(i)}, ${client}` },
        });
        codes.push(res.statusCode);
      }
      assert.deepEqual(codes, [404, 404, 404, 404, 404, 429, 429, 429]);
      const other = await t.app.inject({
        url: '/api/auth/demo',
        remoteAddress: proxy,
        headers: { 'x-forwarded-for': '192.0.2.77' },
      });
      assert.equal(other.statusCode, 404, 'another client behind the same proxy has its own budget');
    });
  });

  describe(`browser protections on ${target.name}`, () => {
    let t: TestApp;
    let person: Signed;
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, 'EC');
      const u = await makeUser(t.db.ctx, { role: 'researcher', scope: 'EC', orgId: org });
      person = await signIn(t.app, u.email);
    });
    after(() => t.close());

    it('sends a Permissions-Policy that turns off camera and microphone everywhere, and position on the report pages', async () => {
      const has = (policy: string, feature: string) =>
        new RegExp(`(^|, )${feature.replace(/[()]/g, '\\$&')}(,|$)`).test(policy);
      for (const url of ['/api/health', '/report', '/report/follow', '/api/nothing-here', '/signin']) {
        const res = await t.app.inject({ url });
        const policy = String(res.headers['permissions-policy']);
        for (const feature of ['camera=()', 'microphone=()']) assert.ok(has(policy, feature), `${url}: ${feature}`);
        // A questionnaire's location question may ask this origin for the position; a reporter's page never asks.
        const position = url.startsWith('/report') ? 'geolocation=()' : 'geolocation=(self)';
        assert.ok(has(policy, position), `${url}: ${position} in ${policy}`);
      }
    });

    const write = (headers: Record<string, string>, who: Signed | null = person) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/language',
        payload: { language: 'en' },
        headers: { host: 'minka.local:3000', ...(who?.headers ?? {}), ...headers },
      });

    it("refuses a signed-in write that says it comes from another site's page", async () => {
      for (const headers of <Record<string, string>[]>[
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: 'http://minka.local:3001' },
        { referer: 'https://evil.example/page' },
      ]) {
        const res = await write(headers);
        assert.equal(res.statusCode, 403, JSON.stringify(headers));
        assert.equal(res.json().code, 'origin_mismatch');
        assert.ok(res.json().message.length > 10);
      }
    });

    it("accepts a write from the app's own origin, or one that names no origin", async () => {
      for (const headers of <Record<string, string>[]>[
        { origin: 'http://minka.local:3000' },
        { referer: 'http://minka.local:3000/account' },
        {},
      ])
        assert.equal((await write(headers)).statusCode, 200, JSON.stringify(headers));
    });

    it('leaves requests without cookies to their own checks (webhooks, sign-in)', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'nobody@prueba.test', password: 'wrong password here' },
        headers: { origin: 'https://evil.example' },
      });
      assert.notEqual(res.json().code, 'origin_mismatch');
      // The public report pages are forms outside /api; with no-referrer they send `Origin: null`.
      const token = await formToken(t.app);
      const report = await t.app.inject({
        method: 'POST',
        url: '/report',
        payload: `lang=es&token=${encodeURIComponent(token)}&what=Desde+el+formulario`,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'null',
          cookie: person.cookie,
        },
      });
      assert.equal(report.statusCode, 200);
    });
  });

  describe(`the origin check with MINKA_PUBLIC_URL on ${target.name}`, () => {
    let t: TestApp;
    let person: Signed;
    before(async () => {
      t = await openTestApp(target, { MINKA_PUBLIC_URL: 'https://minka.example.org' });
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, 'EC');
      const u = await makeUser(t.db.ctx, { role: 'caseworker', scope: 'EC', orgId: org, totp: true });
      person = await signIn(t.app, u.email, { totp: totpNow() });
    });
    after(() => t.close());

    it('takes the public address as the only own origin', async () => {
      const write = (origin: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/language',
          payload: { language: 'es' },
          headers: { ...person.headers, host: 'internal-name:3000', origin },
        });
      assert.equal((await write('https://minka.example.org')).statusCode, 200);
      assert.equal((await write('http://internal-name:3000')).json().code, 'origin_mismatch');
      assert.equal((await write('http://minka.example.org')).json().code, 'origin_mismatch');
    });
  });
}
