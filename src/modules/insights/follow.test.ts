import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { loadFacts } from './facts';
import { storeFor } from './store';

// Insights' facts follow corrections of the living record: a new date of birth moves the person to the minors'
// age band, a new exploitation event names the country, and the analytical store rebuilds on the change.

for (const target of dbTargets()) {
  describe(`insights follow the case record on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed;
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
    });
    after(() => t.close());

    it('re-derives the fact of a corrected case and rebuilds the store', async () => {
      const call = (method: string, url: string, payload?: object) =>
        t.app.inject({ method: method as 'GET', url, headers: worker.headers, ...(payload ? { payload } : {}) });
      const opened = await call('POST', '/api/cases', {
        division: { country: 'EC', code: '060350' },
        person: { prs_FirstName: 'Nina', prs_SecondName: 'Prueba Hechos', prs_Birthdate: '1980-01-01' },
      });
      assert.equal(opened.statusCode, 200, opened.body);
      const c = (await call('GET', `/api/cases/${opened.json().id}`)).json();
      const fact = async () => (await loadFacts(t.db.handle.db)).find((f) => f.key === c.person.id)!;
      const store = storeFor(t.db.ctx);
      const cubeBefore = await store.cube();
      assert.equal((await fact()).minor, false);
      assert.equal((await fact()).exploitedIn, null);
      const born = `${new Date().getUTCFullYear() - 12}-06-01`;
      const fixed = await call('PATCH', `/api/cases/${c.id}/person`, {
        version: c.person.version,
        fields: { prs_Birthdate: born },
        reason: 'Documento de identidad revisado',
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      await call('POST', `/api/cases/${c.id}/events`, { hte_Type: 'Exploitation', hte_Country: 'CO' });
      const now = await fact();
      assert.equal(now.minor, true);
      assert.equal(now.ageBand, '9--17');
      assert.equal(now.exploitedIn, 'CO');
      assert.notEqual(await store.cube(), cubeBefore, 'the store rebuilt after the change');
    });
  });
}
