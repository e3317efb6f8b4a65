import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { buildApp } from '../../app/index';
import { nowIso } from '../db/index';
import { migrations } from '../db/migrations/index';
import { t as translate } from '../i18n/index';
import type { App } from './app';
import { AppError } from './errors';

// A probe route that writes, registered only in this test, to prove the platform rejects bad input before any write.
async function appWithProbe(db: TestDb, overrides: Record<string, unknown> = {}): Promise<App> {
  const app = await buildApp({ ...db.ctx, config: { ...db.config, ...overrides }, webDir: null, logLevel: 'silent' });
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/api/test-probe',
      { schema: { hide: true, body: z.strictObject({ key: z.string().max(50), count: z.number().int() }) } },
      async (req) => {
        await db.handle.db
          .insertInto('meta')
          .values({ key: req.body.key, value: String(req.body.count), updated_at: nowIso() })
          .execute();
        return { ok: true };
      },
    );
  app.get('/api/test-crash', { schema: { hide: true } }, async () => {
    throw new Error('SELECT secret FROM people -- internal detail');
  });
  app.get('/api/test-app-error', { schema: { hide: true } }, async () => {
    throw new AppError(409, 'not_ready', { reason: 'x' });
  });
  await app.ready();
  return app;
}

for (const target of dbTargets()) {
  describe(`HTTP platform on ${target.name}`, () => {
    let db: TestDb;
    let app: App;
    const metaCount = async () => (await db.handle.db.selectFrom('meta').select('key').execute()).length;
    const post = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      app.inject({ method: 'POST', url: '/api/test-probe', payload, headers });

    before(async () => {
      db = await target.open();
      app = await appWithProbe(db, { MINKA_BODY_LIMIT: 2048 });
    });
    after(async () => {
      await app.close();
      await db.cleanup();
    });

    it('answers liveness and readiness', async () => {
      const h = await app.inject('/api/health');
      assert.equal(h.statusCode, 200);
      assert.equal(h.json().status, 'ok');
      const r = await app.inject('/api/ready');
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.json(), {
        status: 'ready',
        database: target.name,
        migrations: { applied: Object.keys(migrations).length, pending: 0 },
      });
    });

    it('accepts a valid write (the probe works)', async () => {
      const before = await metaCount();
      const res = await post(JSON.stringify({ key: 'probe-ok', count: 1 }));
      assert.equal(res.statusCode, 200);
      assert.equal(await metaCount(), before + 1);
    });

    const badBodies: [string, string, Record<string, string> | undefined, number, string][] = [
      ['malformed JSON', '{"key": "a", ', undefined, 400, 'invalid_json'],
      ['a wrong type', JSON.stringify({ key: 'a', count: 'three' }), undefined, 400, 'validation_failed'],
      ['an unknown field', JSON.stringify({ key: 'a', count: 1, admin: true }), undefined, 400, 'validation_failed'],
      ['a missing field', JSON.stringify({ key: 'a' }), undefined, 400, 'validation_failed'],
      [
        'a body over the limit',
        JSON.stringify({ key: 'a', count: 1, pad: 'x'.repeat(5000) }),
        undefined,
        413,
        'payload_too_large',
      ],
      [
        'an unsupported content type',
        'key=a',
        { 'content-type': 'application/x-www-form-urlencoded' },
        415,
        'unsupported_media_type',
      ],
      ['an empty JSON body', '', undefined, 400, 'invalid_json'],
    ];
    for (const [what, payload, headers, status, code] of badBodies) {
      it(`rejects ${what} with ${status} ${code} and writes nothing`, async () => {
        const before = await metaCount();
        const res = await post(payload, headers ?? { 'content-type': 'application/json' });
        assert.equal(res.statusCode, status);
        const body = res.json();
        assert.equal(body.code, code);
        assert.ok(body.message.length > 10, 'a message a person can read');
        assert.equal(await metaCount(), before);
      });
    }

    it('names the offending fields without echoing their values', async () => {
      const res = await post(JSON.stringify({ key: 'a', count: 1, secretName: 'Fulana Prueba' }));
      const body = res.json();
      assert.deepEqual(body.fields, [
        { path: 'body', problem: 'unrecognized_keys (secretName)', message: 'contiene datos que no se esperaban' },
      ]);
      assert.equal(body.message, 'Algunos datos no son válidos. Revise los campos marcados.');
      assert.doesNotMatch(res.body, /Fulana/);
    });

    it('answers unknown routes with a JSON 404 in the requested language', async () => {
      const es = await app.inject('/api/no-such-thing');
      assert.equal(es.statusCode, 404);
      assert.deepEqual(es.json(), { code: 'not_found', message: 'No se encontró lo que busca.' });
      const en = await app.inject({ url: '/api/no-such-thing', headers: { 'accept-language': 'en-GB,en;q=0.8' } });
      assert.equal(en.json().message, 'We could not find what you are looking for.');
      const qu = await app.inject({ url: '/api/no-such-thing', headers: { 'accept-language': 'qu-EC' } });
      assert.equal(qu.json().message, translate('qu-EC', 'errors.not_found'));
      assert.notEqual(qu.json().message, es.json().message, 'answered in Kichwa');
      assert.equal((await app.inject('/no-web-bundle-here')).statusCode, 404);
    });

    it('hides the details of a 5xx and maps AppError to its status and code', async () => {
      const res = await app.inject('/api/test-crash');
      assert.equal(res.statusCode, 500);
      assert.deepEqual(res.json(), {
        code: 'internal_error',
        message: 'Ocurrió un error interno. Intente de nuevo más tarde.',
      });
      assert.doesNotMatch(res.body, /SELECT|secret|stack|at /);
      const appErr = await app.inject('/api/test-app-error');
      assert.equal(appErr.statusCode, 409);
      assert.equal(appErr.json().code, 'not_ready');
    });

    it('gives every response a request id, echoing a well-formed one', async () => {
      const mine = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'abc12345-test' } });
      assert.equal(mine.headers['x-request-id'], 'abc12345-test');
      const junk = await app.inject({ url: '/api/health', headers: { 'x-request-id': '<script>' } });
      assert.match(String(junk.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    });

    it('sends security headers with a strict CSP and no caching of API answers', async () => {
      const res = await app.inject('/api/health');
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['cache-control'], 'no-store');
    });

    it('publishes valid OpenAPI 3.1 that documents every /api route', async () => {
      const res = await app.inject('/api/openapi.json');
      const spec = res.json();
      assert.equal(spec.openapi, '3.1.0');
      const result = await new Validator().validate(spec);
      assert.equal(result.valid, true, JSON.stringify(result.errors));
      const apiRoutes = app.routeList.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
      assert.ok(apiRoutes.length >= 9);
      for (const r of apiRoutes) {
        const openapiPath = r.url.replace(/:(\w+)/g, '{$1}');
        const inSpec = Boolean(spec.paths[openapiPath]?.[r.method.toLowerCase()]);
        if (r.documented && r.url !== '/api/openapi.json') assert.ok(inSpec, `${r.method} ${r.url} is documented`);
        else assert.ok(!inSpec, `${r.method} ${r.url} is hidden`);
      }
      assert.ok(spec.paths['/api/geo/divisions/{country}/{code}/children'].get);
      assert.ok(spec.components.schemas.Division, 'named schemas are components');
    });

    it('serves the documentation UI', async () => {
      const res = await app.inject('/api/docs/');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /swagger/i);
    });
  });
}

describe('global rate limit', () => {
  it('answers 429 rate_limited past the limit and keeps probes exempt', async () => {
    const [target] = dbTargets();
    const db = await target!.open();
    const app = await buildApp({
      ...db.ctx,
      config: { ...db.config, MINKA_RATE_LIMIT_MAX: 3 },
      webDir: null,
      logLevel: 'silent',
    });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await app.inject('/api/geo/countries')).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 429]);
      const limited = await app.inject({ url: '/api/geo/countries', headers: { 'accept-language': 'en' } });
      assert.equal(limited.json().code, 'rate_limited');
      assert.equal(limited.json().message, 'Too many requests. Wait a moment and try again.');
      assert.equal((await app.inject('/api/health')).statusCode, 200);
    } finally {
      await app.close();
      await db.cleanup();
    }
  });
});
