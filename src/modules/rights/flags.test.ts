import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { openTestCase } from '../../../tests/support/requests';
import { todayIso } from '../../platform/clock';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { assertNotRestricted, restrictedPersonIds } from './flags';

for (const target of dbTargets()) {
  describe(`restriction and objection flags on ${target.name}`, () => {
    let t: TestApp;
    let supervisor: Signed;
    let caseworker: Signed;
    let outsider: Signed;
    let receiverOrg = '';
    let flaggedCase = '';
    let otherCase = '';
    let requestId = '';
    const call = (s: Signed, method: string, url: string, payload?: object) =>
      t.app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload ? { payload } : {}) });
    const refer = (caseId: string) =>
      call(caseworker, 'POST', `/api/cases/${caseId}/referrals`, { toOrgId: receiverOrg, services: ['Health'] });
    const csv = async () => {
      const res = await call(supervisor, 'GET', '/api/insights/htcds.csv');
      assert.equal(res.statusCode, 200, res.body);
      return res.body;
    };

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603', 'ONG Colta marcas (prueba)');
      receiverOrg = await makeOrg(t.db.ctx, '06', 'Centro de salud de prueba');
      const other = await makeOrg(t.db.ctx, '0101', 'ONG Cuenca marcas (prueba)');
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0603', orgId: org });
      caseworker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
      outsider = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0101', orgId: other });
      flaggedCase = await openTestCase(t, caseworker, {
        code: '060350',
        first: 'Marcada',
        second: 'Oposición Prueba',
        age: 30,
      });
      otherCase = await openTestCase(t, caseworker, {
        code: '060350',
        first: 'Libre',
        second: 'Sin Marca Prueba',
        age: 30,
      });
      for (const id of [flaggedCase, otherCase])
        await call(caseworker, 'POST', `/api/cases/${id}/consents`, {
          scope: 'SharingWithOrganisation',
          organisationId: receiverOrg,
          givenBy: 'Self',
        });
      const logged = await call(supervisor, 'POST', '/api/rights/requests', {
        caseId: flaggedCase,
        right: 'objection',
        requester: 'La propia persona (prueba)',
        channel: 'email',
        language: 'es',
        receivedOn: todayIso(),
      });
      assert.equal(logged.statusCode, 201, logged.body);
      requestId = logged.json().id;
    });
    after(() => t.close());

    it('sets an objection flag once, audited without text; the person is then left out of referrals and exports', async () => {
      assert.match(await csv(), /Marcada/, 'a personal export carries the person before the flag');
      const url = `/api/rights/requests/${requestId}/flags`;
      assert.equal((await call(caseworker, 'POST', url, { flag: 'objection' })).statusCode, 403);
      assert.equal((await call(outsider, 'POST', url, { flag: 'objection' })).statusCode, 404);
      assert.equal((await call(supervisor, 'POST', url, { flag: 'forget' })).statusCode, 400);
      const set = await call(supervisor, 'POST', url, { flag: 'objection' });
      assert.equal(set.statusCode, 201, set.body);
      const f = set.json().flags[0];
      assert.equal(f.flag, 'objection');
      assert.equal(f.active, true);
      assert.equal(f.requestCode, set.json().code);
      assert.equal(f.setBy, 'Persona Prueba supervisor');
      assert.equal((await call(supervisor, 'POST', url, { flag: 'objection' })).json().code, 'flag_already_set');

      const refused = await refer(flaggedCase);
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().code, 'person_restricted');
      assert.equal(
        await t.db.handle.db.selectFrom('referrals').select('id').where('case_id', '=', flaggedCase).executeTakeFirst(),
        undefined,
        'nothing was referred',
      );
      assert.equal((await refer(otherCase)).statusCode, 200, 'a person without a flag is referred');
      await assert.rejects(assertNotRestricted(t.db.ctx, flaggedCase, 'export'), /person_restricted/);
      await assertNotRestricted(t.db.ctx, otherCase, 'export');

      const file = await csv();
      assert.doesNotMatch(file, /Marcada/, 'the flagged person’s row is left out of the personal export');
      assert.match(file, /Libre/);
      const exported = await t.db.handle.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'htcds.export')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(JSON.parse(exported.details).leftOut, 1, 'the export says how many were left out');

      const privacy = (await call(caseworker, 'GET', `/api/cases/${flaggedCase}/privacy`)).json();
      assert.equal(privacy.flags.length, 1);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('action', '=', 'rights.flag_set')
        .execute();
      assert.equal(audit.length, 1);
      assert.doesNotMatch(JSON.stringify(audit), /Marcada|propia/);
    });

    it('lifts a flag with a reason (supervisor in reach only); referrals and exports carry the person again', async () => {
      const [flag] = (await call(supervisor, 'GET', `/api/rights/requests/${requestId}`)).json().flags;
      const url = `/api/rights/flags/${flag.id}`;
      assert.equal((await call(supervisor, 'DELETE', url, {})).statusCode, 400, 'lifting says why');
      assert.equal((await call(outsider, 'DELETE', url, { reason: 'Fuera de alcance' })).statusCode, 404);
      assert.equal((await call(caseworker, 'DELETE', url, { reason: 'Sin permiso' })).statusCode, 403);
      const lifted = await call(supervisor, 'DELETE', url, { reason: 'La persona retiró su oposición (prueba)' });
      assert.equal(lifted.statusCode, 200, lifted.body);
      assert.equal(lifted.json().active, false);
      assert.equal(lifted.json().liftReason, 'La persona retiró su oposición (prueba)');
      assert.equal((await call(supervisor, 'DELETE', url, { reason: 'Otra vez' })).json().code, 'flag_already_lifted');
      assert.equal((await restrictedPersonIds(t.db.ctx)).size, 0);
      assert.equal((await refer(flaggedCase)).statusCode, 200);
      assert.match(await csv(), /Marcada/);
      const row = await t.db.handle.db.selectFrom('person_flags').selectAll().executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(row), /retiró/);
    });

    it('a restriction flag blocks too, and a lifted one can be set again', async () => {
      const url = `/api/rights/requests/${requestId}/flags`;
      assert.equal((await call(supervisor, 'POST', url, { flag: 'restriction' })).statusCode, 201);
      assert.equal((await refer(flaggedCase)).json().code, 'person_restricted');
      const again = await call(supervisor, 'POST', url, { flag: 'objection' });
      assert.equal(again.statusCode, 201, 'the lifted objection may be set again');
      assert.deepEqual(
        again
          .json()
          .flags.filter((f: { active: boolean }) => f.active)
          .map((f: { flag: string }) => f.flag)
          .sort(),
        ['objection', 'restriction'],
      );
    });
  });
}
