import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, makeUser, signIn, signInNewUser, systemActor, totpNow } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { IntakeService } from '../cases/intake';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

// The audit API names what the administrator reads: the person who acted and their organisation, a case by its
// code, a user by name; system entries (seen by a national administrator) carry no person. Names go only to those who may read the users.
for (const target of dbTargets()) {
  describe(`audit entries by name on ${target.name}`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<typeof signInNewUser>>;
    let worker: { id: string };
    let caseId = '';
    let caseCode = '';
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603', 'Fundación Prueba Colta');
      admin = await signInNewUser(t.app, t.db.ctx, {
        role: 'administrator',
        scope: 'EC',
        orgId: org,
        name: 'Rosa Prueba Administradora',
      });
      worker = await makeUser(t.db.ctx, {
        role: 'caseworker',
        scope: '0603',
        orgId: org,
        name: 'Juan Prueba Trabajador',
      });
      const opened = await new IntakeService(t.db.ctx).intake(
        { ...systemActor, orgId: org },
        {
          draft: false,
          division: { country: 'EC', code: '0603' },
          person: {
            prs_FirstName: 'Ana',
            prs_SecondName: 'Prueba Auditoría',
            local_Languages: [],
            prs_Citizenship: [],
          },
          local_AgeAtIntake: 30,
          vic_TypeOfExploitation: [],
          vic_MethodOfRecruitment: [],
          events: [],
        },
        'naming',
      );
      caseId = opened.id;
      caseCode = opened.code;
      await t.db.ctx.audit.record({
        actor: { userId: worker.id, orgId: org },
        action: 'case.read',
        recordType: 'case',
        recordId: caseId,
      });
      await t.db.ctx.audit.record({ actor: null, action: 'audit.checkpoint' });
    });
    after(() => t.close());

    const get = async (url: string, headers = admin.headers) => {
      const res = await t.app.inject({ method: 'GET', url, headers });
      assert.equal(res.statusCode, 200, `${url} ${res.body}`);
      return res.json();
    };

    it('names the person who acted, their organisation and the case by its code', async () => {
      const entries = await get(`/api/audit?actorUserId=${worker.id}`);
      const read = entries.find((e: { action: string }) => e.action === 'case.read');
      assert.ok(read, 'the read is listed');
      assert.equal(read.actorName, 'Juan Prueba Trabajador');
      assert.equal(read.actorOrganisation, 'Fundación Prueba Colta');
      assert.equal(read.recordName, caseCode);
      assert.match(caseCode, /^[A-Z]{3}-\d{4}-\d{4}$/);
      const byRecord = await get(`/api/audit?recordType=case&recordId=${caseId}`);
      assert.ok(byRecord.some((e: { actorName: string | null }) => e.actorName === 'Juan Prueba Trabajador'));
    });

    it('names a legal catalogue entry by its label in the reader language, or by its whole <list>:<key>', async () => {
      const changed = await t.app.inject({
        method: 'PATCH',
        url: '/api/catalogues/visit_schedule/reintegration',
        headers: admin.headers,
        payload: { source: 'OIM, reintegración (prueba de auditoría)' },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      await t.db.ctx.audit.record({
        actor: null,
        action: 'catalogue.entry_changed',
        recordType: 'catalogue',
        recordId: 'offence:coip_gone',
      });
      const entries = await get('/api/audit?recordType=catalogue');
      const schedule = entries.find((e: { recordId: string }) => e.recordId === 'visit_schedule:reintegration');
      assert.equal(schedule?.recordName, 'Visitas de seguimiento de la reintegración');
      const gone = entries.find((e: { recordId: string }) => e.recordId === 'offence:coip_gone');
      assert.equal(gone?.recordName, 'offence:coip_gone', 'never cut short');
      const en = await t.app.inject({
        method: 'GET',
        url: '/api/audit?recordType=catalogue',
        headers: { ...admin.headers, 'accept-language': 'en' },
      });
      const inEnglish = en.json().find((e: { recordId: string }) => e.recordId === 'visit_schedule:reintegration');
      assert.notEqual(inEnglish?.recordName, schedule?.recordName);
      assert.ok(inEnglish?.recordName);
    });

    it('a system entry has no person', async () => {
      const entries = await get('/api/audit');
      const checkpoint = entries.find((e: { action: string }) => e.action === 'audit.checkpoint');
      assert.ok(checkpoint);
      assert.equal(checkpoint.actorUserId, null);
      assert.equal(checkpoint.actorName, null);
    });

    it('lists the people who acted, by name and organisation, to filter by', async () => {
      const people = await get('/api/audit/people');
      assert.ok(
        people.some(
          (p: { id: string; name: string; organisation: string }) =>
            p.id === worker.id && p.name === 'Juan Prueba Trabajador' && p.organisation === 'Fundación Prueba Colta',
        ),
        JSON.stringify(people),
      );
      assert.ok(people.some((p: { name: string }) => p.name === 'Rosa Prueba Administradora'));
    });

    it('a supervisor scoped to a canton sees neither the entries nor the name of someone outside it', async () => {
      const cuenca = await makeOrg(t.db.ctx, '0101', 'Fundación Prueba Cuenca');
      const outsider = await makeUser(t.db.ctx, {
        role: 'caseworker',
        scope: '0101',
        orgId: cuenca,
        name: 'Pedro Prueba Cuencano',
      });
      await t.db.ctx.audit.record({ actor: { userId: outsider.id, orgId: cuenca }, action: 'case.read' });
      const national = await get('/api/audit/people');
      assert.ok(
        national.some((p: { id: string }) => p.id === outsider.id),
        'the national administrator sees them',
      );
      const supervisor = await signInNewUser(t.app, t.db.ctx, {
        role: 'supervisor',
        scope: '0603',
        orgId: admin.orgId,
      });
      const people = await get('/api/audit/people', supervisor.headers);
      assert.ok(
        people.some((p: { id: string }) => p.id === worker.id),
        JSON.stringify(people),
      );
      assert.ok(!people.some((p: { id: string }) => p.id === outsider.id), JSON.stringify(people));
      const entries = await get(`/api/audit?actorUserId=${outsider.id}`, supervisor.headers);
      assert.deepEqual(entries, []);
    });

    it('someone who may read the trail but not the users sees no names', async () => {
      const now = new Date().toISOString();
      await t.db.handle.db
        .insertInto('roles')
        .values({
          key: 'trail_reader',
          label: 'Lector de la auditoría',
          permissions: '["audit:read","organisations:read"]',
          system: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const reader = await makeUser(t.db.ctx, { role: 'trail_reader', scope: '0603', orgId: admin.orgId, totp: true });
      const headers = (await signIn(t.app, reader.email, { totp: totpNow() })).headers;
      const entries = await get(`/api/audit?actorUserId=${worker.id}`, headers);
      assert.ok(entries.length > 0);
      assert.ok(entries.every((e: { actorName: string | null }) => e.actorName === null));
      assert.deepEqual(await get('/api/audit/people', headers), []);
    });
  });
}
