import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeOrg, makeUser, type Signed, signIn } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets, tempDir } from '../../../tests/support/db';
import { buildApp } from '../../app/index';
import { seedGeoDemo } from '../../modules/geo/demo';
import { GeoService } from '../../modules/geo/index';

// What Helmet sets on every answer with Minka's options; they are worked out once at start (see security-headers.ts).
const helmetHeaders = {
  'content-security-policy':
    "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'self'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

// The request path was made cheaper (headers computed once, session lookup skipped without a cookie, geography from
// a copy): these check that every answer keeps its headers and every signed-in route its session and CSRF checks.
for (const target of dbTargets()) {
  describe(`request path checks on ${target.name}`, () => {
    let t: TestApp;
    let person: Signed;
    before(async () => {
      t = await openTestApp(target, { MINKA_SECURE_COOKIES: false });
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, 'EC');
      const u = await makeUser(t.db.ctx, { role: 'researcher', scope: 'EC', orgId: org });
      person = await signIn(t.app, u.email);
    });
    after(() => t.close());

    it('sends the security headers on answers, refusals and errors alike', async () => {
      const answers = [
        await t.app.inject({ url: '/api/health' }),
        await t.app.inject({ url: '/api/geo/countries' }),
        await t.app.inject({ url: '/api/no-such-thing' }),
        await t.app.inject({ url: '/api/geo/divisions/ec' }),
        await t.app.inject({ url: '/api/auth/session' }),
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/language',
          payload: { language: 'en' },
          headers: { ...person.headers, origin: 'https://evil.example' },
        }),
      ];
      assert.deepEqual(
        answers.map((r) => r.statusCode),
        [200, 200, 404, 400, 401, 403],
      );
      for (const res of answers) {
        for (const [name, value] of Object.entries(helmetHeaders))
          assert.equal(res.headers[name], value, `${res.statusCode} ${name}`);
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS without secure cookies');
      }
    });

    it('still needs a live session for a signed-in route, and the CSRF token for its writes', async () => {
      assert.equal((await t.app.inject({ url: '/api/auth/session' })).statusCode, 401);
      assert.equal(
        (await t.app.inject({ url: '/api/auth/session', headers: { cookie: 'minka_session=nope' } })).statusCode,
        401,
      );
      assert.equal(
        (await t.app.inject({ url: '/api/auth/session', headers: { cookie: person.cookie } })).statusCode,
        200,
      );
      const write = (headers: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: '/api/auth/language', payload: { language: 'en' }, headers });
      const noToken = await write({ cookie: person.cookie });
      assert.equal(noToken.statusCode, 403);
      assert.equal(noToken.json().code, 'csrf_failed');
      assert.equal(
        (await write({ cookie: person.cookie, 'x-csrf-token': `${person.csrf}x` })).json().code,
        'csrf_failed',
      );
      assert.equal((await write(person.headers)).statusCode, 200);
    });
  });
}

describe('request path checks on the web app', () => {
  it('sends the document headers with the app shell and leaves them off hashed files', async () => {
    const web = tempDir('minka-web-');
    mkdirSync(path.join(web.dir, 'assets'));
    writeFileSync(path.join(web.dir, 'index.html'), '<!doctype html><title>Minka</title>');
    writeFileSync(path.join(web.dir, 'assets', 'app-abcd1234.js'), 'console.log(1)');
    const db = await dbTargets()[0]!.open();
    const app = await buildApp({ ...db.ctx, webDir: web.dir, logLevel: 'silent' });
    try {
      const shell = await app.inject({ url: '/signin' });
      assert.equal(shell.statusCode, 200);
      assert.equal(shell.headers['content-security-policy'], helmetHeaders['content-security-policy']);
      assert.equal(shell.headers['x-frame-options'], 'SAMEORIGIN');
      assert.equal(shell.headers['cache-control'], 'no-cache');
      const asset = await app.inject({ url: '/assets/app-abcd1234.js' });
      assert.equal(asset.statusCode, 200);
      assert.equal(asset.headers['content-security-policy'], undefined);
      assert.equal(asset.headers['x-frame-options'], undefined);
      assert.equal(asset.headers['x-content-type-options'], 'nosniff');
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    } finally {
      await app.close();
      await db.cleanup();
      web.remove();
    }
  });
});

describe('request path checks behind TLS', () => {
  it('adds Strict-Transport-Security when cookies are secure', async () => {
    const t = await openTestApp(dbTargets()[0]!, { MINKA_SECURE_COOKIES: true });
    try {
      const res = await t.app.inject({ url: '/api/health' });
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    } finally {
      await t.close();
    }
  });
});
