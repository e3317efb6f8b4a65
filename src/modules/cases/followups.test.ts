import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { openTestCase } from '../../../tests/support/requests';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { FollowUps } from './followups';

for (const target of dbTargets()) {
  describe(`follow-ups on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed;
    let supervisor: Signed;
    let other: Signed;
    let caseId = '';
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0606');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0606', orgId: org });
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0606', orgId: org });
      other = await signInNewUser(t.app, t.db.ctx, {
        role: 'supervisor',
        scope: '0101',
        orgId: await makeOrg(t.db.ctx, '0101'),
      });
      caseId = await openTestCase(t, worker, { code: '0606', first: 'Seguimiento', second: 'Prueba', age: 30 });
    });
    after(() => t.close());

    it('puts a follow-up past its due date on the supervisor’s overdue board and in the caseworker’s notifications', async () => {
      const past = new Date(Date.now() - 3_600_000).toISOString();
      const future = new Date(Date.now() + 86_400_000).toISOString();
      const a = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/tasks`,
        headers: worker.headers,
        payload: { dueAt: past, note: 'Visita a la familia' },
      });
      assert.equal(a.statusCode, 200, a.body);
      await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/tasks`,
        headers: worker.headers,
        payload: { dueAt: future },
      });
      const work = (await t.app.inject({ url: '/api/me/work', headers: worker.headers })).json();
      assert.deepEqual(
        work.map((w: { overdue: boolean }) => w.overdue),
        [true, false],
      );
      const board = (await t.app.inject({ url: '/api/supervision/overdue', headers: supervisor.headers })).json();
      assert.deepEqual(
        board.map((b: { id: string }) => b.id),
        [a.json().id],
      );
      assert.deepEqual(
        (await t.app.inject({ url: '/api/supervision/overdue', headers: other.headers })).json(),
        [],
        'not outside the jurisdiction',
      );
      assert.deepEqual(
        (await t.app.inject({ url: '/api/me/notifications', headers: worker.headers })).json(),
        [],
        'reading creates no reminders',
      );
      // The server's hourly job; a second run must not remind again.
      assert.equal(await new FollowUps(t.db.ctx).remind(), 1);
      assert.equal(await new FollowUps(t.db.ctx).remind(), 0);
      const notes = (await t.app.inject({ url: '/api/me/notifications', headers: worker.headers })).json();
      assert.equal(notes.length, 1);
      assert.equal(notes[0].kind, 'task_overdue');
      assert.match(notes[0].caseCode, /^GUA-/);
      assert.equal(
        (await t.app.inject({ url: '/api/me/notifications', headers: worker.headers })).json().length,
        1,
        'reminded once',
      );
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/me/notifications/${notes[0].id}/read`,
            headers: worker.headers,
            payload: {},
          })
        ).statusCode,
        200,
      );
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/me/notifications/${notes[0].id}/read`,
            headers: supervisor.headers,
            payload: {},
          })
        ).statusCode,
        404,
      );
    });
  });
}
