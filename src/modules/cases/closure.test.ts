import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { openTestCase } from '../../../tests/support/requests';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

for (const target of dbTargets()) {
  describe(`closure with supervisor approval on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed;
    let supervisor: Signed;
    let outsider: Signed;
    const open = async (age: number) =>
      (await openTestCase(t, worker, { code: '0101', first: 'Cierre', second: 'Prueba', age: age })) as string;
    const ask = (caseId: string, who: Signed = worker) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/closure`,
        headers: who.headers,
        payload: { cas_Status: 'Closed', cas_ReasonForCaseClosure: 'Plan de apoyo cumplido' },
      });
    const decide = (caseId: string, payload: object, who: Signed = supervisor) =>
      t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/closure/decision`, headers: who.headers, payload });
    const status = async (caseId: string) =>
      (await t.app.inject({ url: `/api/cases/${caseId}`, headers: supervisor.headers })).json().status;

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0101');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0101', orgId: org });
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0101', orgId: org });
      outsider = await signInNewUser(t.app, t.db.ctx, {
        role: 'supervisor',
        scope: '0606',
        orgId: await makeOrg(t.db.ctx, '0606'),
      });
    });
    after(() => t.close());

    it('closes only when a supervisor approves the caseworker’s request', async () => {
      const id = await open(30);
      const r = await ask(id);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().cas_ReasonForCaseClosure, 'Plan de apoyo cumplido');
      assert.equal((await ask(id)).json().code, 'closure_pending', 'one pending request at a time');
      assert.equal(await status(id), 'Active', 'a request alone does not close');
      assert.equal((await decide(id, { approve: true }, worker)).statusCode, 403, 'a caseworker cannot approve');
      assert.equal((await decide(id, { approve: true }, outsider)).statusCode, 404, 'outside the jurisdiction');
      const board = (await t.app.inject({ url: '/api/supervision/closures', headers: supervisor.headers })).json();
      assert.deepEqual(
        board.map((b: { caseId: string }) => b.caseId),
        [id],
      );
      assert.deepEqual(
        (await t.app.inject({ url: '/api/supervision/closures', headers: outsider.headers })).json(),
        [],
      );
      const d = await decide(id, { approve: true });
      assert.equal(d.statusCode, 200, d.body);
      assert.equal(await status(id), 'Closed');
      const kinds = (await t.app.inject({ url: '/api/me/notifications', headers: worker.headers }))
        .json()
        .map((n: { kind: string }) => n.kind);
      assert.ok(kinds.includes('closure_approved'));
      const history = (await t.app.inject({ url: `/api/cases/${id}/history`, headers: supervisor.headers })).json();
      const actions = history.actions.map((h: { action: string }) => h.action);
      for (const a of ['case.closure_requested', 'case.closed', 'case.closure_approved'])
        assert.ok(actions.includes(a), a);
      assert.equal((await ask(id)).json().code, 'case_closed');
      // Reopening keeps the closure in the history and allows a new request.
      const re = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/reopen`,
        headers: supervisor.headers,
        payload: { reason: 'Nueva información' },
      });
      assert.equal(re.statusCode, 200, re.body);
      assert.equal((await ask(id)).statusCode, 200);
    });

    it('returns a request with a comment and leaves the case open', async () => {
      const id = await open(40);
      await ask(id);
      assert.equal((await decide(id, { approve: false })).json().code, 'reason_required');
      const d = await decide(id, { approve: false, comment: 'Falta el seguimiento de salud' });
      assert.equal(d.json().status, 'returned');
      assert.equal(await status(id), 'Active');
      const state = (await t.app.inject({ url: `/api/cases/${id}/closure`, headers: worker.headers })).json();
      assert.equal(state.pending, null);
      assert.equal(state.returned.comment, 'Falta el seguimiento de salud', 'the caseworker sees why');
      assert.equal((await decide(id, { approve: true })).statusCode, 404, 'nothing pending any more');
    });

    it('refuses a child’s closure request while safeguards are missing', async () => {
      const id = await open(13);
      const r = await ask(id);
      assert.equal(r.statusCode, 409);
      assert.equal(r.json().code, 'safeguards_missing');
      assert.equal(
        (await t.app.inject({ url: `/api/cases/${id}/closure`, headers: worker.headers })).json().pending,
        null,
      );
    });

    it('drops a pending request when the case is closed directly or reopened, and never decides twice', async () => {
      const id = await open(35);
      await ask(id);
      const closed = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/close`,
        headers: supervisor.headers,
        payload: { cas_Status: 'ClosedReferred', cas_ReasonForCaseClosure: 'Derivada a otra provincia' },
      });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal((await decide(id, { approve: true })).json().code, 'case_closed', 'no decision on a closed case');
      await t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/reopen`,
        headers: supervisor.headers,
        payload: { reason: 'Volvió al cantón' },
      });
      assert.equal(
        (await t.app.inject({ url: `/api/cases/${id}/closure`, headers: worker.headers })).json().pending,
        null,
        'the old request does not survive the reopening',
      );
      assert.equal((await ask(id)).statusCode, 200, 'a new request is possible');
      // Two supervisors decide at the same moment: one wins, the other is told it was already decided.
      const results = await Promise.all([decide(id, { approve: true }), decide(id, { approve: true })]);
      const codes = results.map((r) => r.statusCode).sort();
      assert.equal(codes[0], 200);
      assert.ok([404, 409].includes(codes[1]!), `second decision: ${codes[1]}`);
      const approved = await t.db.handle.db
        .selectFrom('case_closure_requests')
        .select('status')
        .where('case_id', '=', id)
        .where('status', '=', 'approved')
        .execute();
      assert.equal(approved.length, 1);
    });

    it('keeps one pending request per case even when two arrive at once', async () => {
      const id = await open(36);
      const results = await Promise.all([ask(id), ask(id), ask(id)]);
      assert.equal(results.filter((r) => r.statusCode === 200).length, 1);
      for (const r of results.filter((x) => x.statusCode !== 200)) assert.equal(r.json().code, 'closure_pending');
    });
  });
}
