import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { type DbHandle, openDb } from '../../platform/db/index';
import { seedGeoDemo } from './demo';
import { defaultRecheckMs } from './freshness';
import { GeoService } from './service';

const colta = '/api/geo/divisions/EC/0603/children';
const names = (body: { code: string; name: string }[]) => Object.fromEntries(body.map((d) => [d.code, d.name]));
const rename = (code: string, name: string) => ({
  country: 'EC',
  countryName: 'ECUADOR',
  divisions: [{ code, name, parentCode: '0603', level: 3 }],
});

// The public division reads answer from each process's copy: these check the copy never hides an import and the
// answers keep every check (input validation, 404, security headers) they had when read from the database each time.
for (const target of dbTargets()) {
  describe(`division reads kept per process on ${target.name}`, () => {
    let t: TestApp;
    let other: DbHandle;
    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url });
      return { status: res.statusCode, headers: res.headers, body: res.json() };
    };

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      // A second connection to the same database: what `minka geo import` or another node uses.
      other = openDb({ DATABASE_URL: t.db.config.DATABASE_URL, sqlitePath: t.db.config.sqlitePath });
    });
    after(async () => {
      mock.timers.reset();
      await other.close();
      await t.close();
    });

    it('answers the new names and divisions right after an import in this process', async () => {
      assert.equal(names((await get(colta)).body)['060351'], 'CAÑI');
      assert.equal((await get('/api/geo/divisions/EC/060351')).body.label, 'Cañi');
      const before = (await get('/api/geo/countries')).body[0].counts.level3;

      const geo = new GeoService(t.db.handle.db);
      await geo.import(rename('060351', 'CAÑI RENOMBRADA'));
      await geo.import(rename('060399', 'PARROQUIA NUEVA'));

      const after = names((await get(colta)).body);
      assert.equal(after['060351'], 'CAÑI RENOMBRADA');
      assert.equal(after['060399'], 'PARROQUIA NUEVA');
      assert.equal((await get('/api/geo/divisions/EC/060351')).body.label, 'Cañi Renombrada');
      assert.equal((await get('/api/geo/divisions/EC/0603')).body.childCount, Object.keys(after).length);
      assert.equal((await get('/api/geo/countries')).body[0].counts.level3, before + 1);
    });

    it('answers what another process imported once the copy is rechecked', async () => {
      mock.timers.enable({ apis: ['Date'], now: Date.now() });
      try {
        assert.equal(names((await get(colta)).body)['060352'], 'COLUMBE');
        await new GeoService(other.db).import(rename('060352', 'COLUMBE (OTRO PROCESO)'));
        mock.timers.tick(defaultRecheckMs + 1);
        assert.equal(names((await get(colta)).body)['060352'], 'COLUMBE (OTRO PROCESO)');
      } finally {
        mock.timers.reset();
      }
    });

    it('keeps nothing for a division that does not exist, and answers it once imported', async () => {
      const url = '/api/geo/divisions/EC/060398/children';
      assert.equal((await get(url)).status, 404);
      assert.equal((await get('/api/geo/divisions/EC/060398')).status, 404);
      await new GeoService(t.db.handle.db).import(rename('060398', 'OTRA PARROQUIA'));
      assert.deepEqual(await get(url).then((r) => [r.status, r.body]), [200, []]);
      assert.equal((await get('/api/geo/divisions/EC/060398')).body.name, 'OTRA PARROQUIA');
    });

    it('still refuses malformed codes and unknown fields', async () => {
      await get(colta);
      for (const url of ['/api/geo/divisions/ec/0603/children', `${colta}?extra=1`, '/api/geo/divisions/EC/0 3']) {
        const r = await get(url);
        assert.equal(r.status, 400, url);
        assert.equal(r.body.code, 'validation_failed', url);
      }
    });

    it('sends the security headers and JSON type on a kept answer', async () => {
      await get(colta);
      const { headers, status } = await get(colta);
      assert.equal(status, 200);
      assert.equal(headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(headers['cache-control'], 'no-store');
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.match(String(headers['content-security-policy']), /default-src 'self'/);
      assert.equal(headers['referrer-policy'], 'no-referrer');
      assert.ok(headers['permissions-policy']);
      assert.ok(headers['x-request-id']);
    });
  });
}
