import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

for (const target of dbTargets()) {
  describe(`service directory on ${target.name}`, () => {
    let t: TestApp;
    let admin: Signed;
    let worker: Signed;
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0101');
      admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: 'EC', orgId: org });
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0101', orgId: org });
      const add = (b: object) =>
        t.app.inject({ method: 'POST', url: '/api/directory', headers: admin.headers, payload: b });
      assert.equal(
        (
          await add({
            name: 'Casa de Acogida Prueba',
            organisationId: org,
            country: 'EC',
            division: '010104',
            services: ['local_Shelter', 'local_Psychosocial'],
            minAge: 12,
            maxAge: 17,
            sexes: ['Feminine'],
            hours: '24 h',
          })
        ).statusCode,
        200,
      );
      await add({ name: 'Centro de Salud Prueba', country: 'EC', division: '060650', services: ['Health'] });
      await add({
        name: 'Fundación en Ipiales (prueba)',
        country: 'CO',
        services: ['local_ReturnReintegration', 'Legal'],
      });
    });
    after(() => t.close());
    const search = async (q: string) =>
      (await t.app.inject({ url: `/api/directory?${q}`, headers: worker.headers }))
        .json()
        .map((p: { name: string }) => p.name);

    it('finds providers by service, place (with everything below it) and age, at home and abroad', async () => {
      assert.deepEqual(await search('service=local_Shelter&division=0101&age=14'), ['Casa de Acogida Prueba']);
      assert.deepEqual(await search('service=local_Shelter&age=19'), [], 'outside the age range');
      assert.deepEqual(await search('division=06'), ['Centro de Salud Prueba']);
      assert.deepEqual(await search('country=CO'), ['Fundación en Ipiales (prueba)']);
      const one = (await t.app.inject({ url: '/api/directory?service=Health', headers: worker.headers })).json()[0];
      assert.equal(one.divisionLabel, 'Guamote');
      assert.equal(one.abilities.update, false);
    });

    it('refuses unknown service types and impossible age ranges, and only managers change the directory', async () => {
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/directory',
        headers: admin.headers,
        payload: { name: 'X prueba', country: 'EC', services: ['Karaoke'] },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().fields[0].problem, /allowed: Education/);
      assert.doesNotMatch(bad.json().message, /allowed|body\./);
      const range = await t.app.inject({
        method: 'POST',
        url: '/api/directory',
        headers: admin.headers,
        payload: { name: 'Y prueba', country: 'EC', services: ['Health'], minAge: 18, maxAge: 12 },
      });
      assert.equal(range.json().code, 'age_range_invalid');
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/directory',
            headers: worker.headers,
            payload: { name: 'Z prueba', country: 'EC', services: ['Health'] },
          })
        ).statusCode,
        403,
      );
    });

    it('keeps foreign authorities and consulates with their ISO 3166-2 division, and refuses places that do not exist', async () => {
      const add = (b: object) =>
        t.app.inject({ method: 'POST', url: '/api/directory', headers: admin.headers, payload: b });
      const icbf = await add({
        name: 'ICBF Regional Nariño (prueba)',
        kind: 'authority',
        country: 'CO',
        division: 'CO-NAR',
        services: ['local_FamilyReunification'],
      });
      assert.equal(icbf.statusCode, 200, icbf.body);
      assert.equal(icbf.json().kind, 'authority');
      assert.equal(icbf.json().divisionLabel, 'Nariño');
      assert.equal(icbf.json().countryLabel, 'Colombia');
      const before = await search('country=CO');
      for (const [payload, field] of [
        [{ country: 'CO', division: 'EC-H' }, 'body.division'],
        [{ country: 'XX', division: null }, 'body.country'],
      ] as const) {
        const bad = await add({ name: 'Consulado (prueba)', kind: 'consulate', services: ['Legal'], ...payload });
        assert.equal(bad.statusCode, 400);
        assert.equal(bad.json().code, 'unknown_place');
        assert.equal(bad.json().fields[0].path, field);
      }
      assert.deepEqual(await search('country=CO'), before, 'nothing stored');
      assert.deepEqual(await search('kind=authority'), ['ICBF Regional Nariño (prueba)']);
      assert.deepEqual(await search('country=CO&division=CO-NAR'), ['ICBF Regional Nariño (prueba)']);
      assert.ok((await search('kind=service')).includes('Centro de Salud Prueba'), 'existing entries are services');
    });
  });
}
