import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser, systemActor } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { openTestCase } from '../../../tests/support/requests';
import { todayIso } from '../../platform/clock';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { Requests } from './requests';

const daysAgo = (n: number) =>
  new Date(Date.parse(`${todayIso()}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const requester = 'Madre de la persona (prueba)';
const note = 'Pide copia de lo registrado (texto de prueba)';

for (const target of dbTargets()) {
  describe(`rights requests on ${target.name}`, () => {
    let t: TestApp;
    let supervisor: Signed;
    let caseworker: Signed;
    let outsider: Signed;
    let org = '';
    let caseId = '';
    const call = (s: Signed, method: string, url: string, payload?: object, lang?: string) =>
      t.app.inject({
        method: method as 'GET',
        url,
        headers: { ...s.headers, ...(lang ? { 'accept-language': lang } : {}) },
        ...(payload ? { payload } : {}),
      });
    const log = (s: Signed, body: Record<string, unknown> = {}) =>
      call(s, 'POST', '/api/rights/requests', {
        caseId,
        right: 'access',
        requester,
        channel: 'letter',
        language: 'qu-EC',
        receivedOn: daysAgo(2),
        note,
        ...body,
      });

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      org = await makeOrg(t.db.ctx, '0603', 'ONG Colta derechos (prueba)');
      const other = await makeOrg(t.db.ctx, '0101', 'ONG Cuenca derechos (prueba)');
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0603', orgId: org });
      caseworker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
      outsider = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0101', orgId: other });
      caseId = await openTestCase(t, caseworker, {
        code: '060350',
        first: 'Persona',
        second: 'Derechos Prueba',
        age: 30,
      });
    });
    after(() => t.close());

    it('logs a request due 15 days after it was received, with a code, and lists it with the days left', async () => {
      const res = await log(supervisor);
      assert.equal(res.statusCode, 201, res.body);
      const r = res.json();
      assert.match(r.code, new RegExp(`^SOL-${todayIso().slice(0, 4)}-\\d{4}$`));
      assert.equal(r.receivedOn, daysAgo(2));
      assert.equal(r.dueOn, daysAgo(2 - 15));
      assert.equal(r.daysLeft, 13);
      assert.equal(r.overdue, false);
      assert.equal(r.status, 'open');
      assert.equal(r.requester, requester);
      assert.equal(r.note, note);
      assert.equal(r.personName, 'Persona Derechos Prueba');
      assert.equal(r.language, 'qu-EC');
      assert.equal(r.blockers, null, 'blockers are for erasures');
      assert.deepEqual(r.abilities, { answer: true, erase: false, flag: true, export: true });
      const list = await call(supervisor, 'GET', '/api/rights/requests');
      assert.equal(list.statusCode, 200, list.body);
      const item = list.json().items.find((i: { id: string }) => i.id === r.id);
      assert.equal(item.caseId, caseId);
      assert.equal(item.daysLeft, 13);
      assert.equal((await call(supervisor, 'GET', '/api/rights/requests?status=answered')).json().items.length, 0);
      assert.ok((await call(supervisor, 'GET', '/api/rights/requests?right=access')).json().items.length >= 1);
      // Who asked and what was asked are sealed.
      const row = await t.db.handle.db
        .selectFrom('data_requests')
        .selectAll()
        .where('id', '=', r.id)
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(row), /Madre|copia/);
    });

    it('takes the deadline from MINKA_RIGHTS_DEADLINE_DAYS and counts an open request past it as overdue', async () => {
      const ctx = { ...t.db.ctx, config: { ...t.db.ctx.config, MINKA_RIGHTS_DEADLINE_DAYS: 10 } };
      const actor = { ...systemActor, orgId: org };
      const r = await new Requests(ctx).create(
        actor,
        {
          caseId,
          right: 'objection',
          requester,
          channel: 'phone',
          language: 'es',
          receivedOn: daysAgo(12),
        },
        'test',
      );
      assert.equal(r.dueOn, daysAgo(2));
      assert.equal(r.daysLeft, -2);
      assert.equal(r.overdue, true);
      const items = (await call(supervisor, 'GET', '/api/rights/requests?status=open')).json().items;
      assert.equal(items[0].id, r.id, 'the overdue request comes first');
    });

    it('keeps requests to the supervisor of the case: others answer 404, roles without rights:manage 403', async () => {
      const r = (await log(supervisor)).json();
      assert.equal((await log(outsider)).statusCode, 404);
      assert.equal((await call(outsider, 'GET', `/api/rights/requests/${r.id}`)).statusCode, 404);
      assert.ok(
        !(await call(outsider, 'GET', '/api/rights/requests')).json().items.some((i: { id: string }) => i.id === r.id),
      );
      assert.equal((await log(caseworker)).statusCode, 403);
      assert.equal((await call(caseworker, 'GET', '/api/rights/requests')).statusCode, 403);
      assert.equal((await call(caseworker, 'GET', `/api/rights/requests/${r.id}`)).statusCode, 403);
      assert.equal(
        (await call(outsider, 'POST', `/api/rights/requests/${r.id}/answer`, { outcome: 'withdrawn', note: 'x' }))
          .statusCode,
        404,
      );
    });

    it('refuses a date ahead of today or older than a year, an unknown right and unknown fields, changing nothing', async () => {
      const before = await t.db.handle.db.selectFrom('data_requests').select('id').execute();
      const ahead = await log(supervisor, { receivedOn: daysAgo(-1) });
      assert.equal(ahead.statusCode, 400);
      assert.equal(ahead.json().code, 'date_in_future');
      assert.equal(ahead.json().fields[0].path, 'body.receivedOn');
      const old = await log(supervisor, { receivedOn: daysAgo(400) });
      assert.equal(old.statusCode, 400);
      assert.equal(old.json().code, 'request_too_old');
      assert.equal((await log(supervisor, { right: 'oblivion' })).json().code, 'validation_failed');
      assert.equal((await log(supervisor, { channel: 'pigeon' })).statusCode, 400);
      assert.equal((await log(supervisor, { extra: 1 })).statusCode, 400);
      assert.equal((await log(supervisor, { requester: '' })).statusCode, 400);
      assert.equal((await log(supervisor, { caseId: '00000000-0000-4000-8000-000000000000' })).statusCode, 404);
      assert.equal((await t.db.handle.db.selectFrom('data_requests').select('id').execute()).length, before.length);
    });

    it('closes a request once: refused needs its reason, answered and withdrawn take none; audited without text', async () => {
      const r = (await log(supervisor)).json();
      const url = `/api/rights/requests/${r.id}/answer`;
      const noReason = await call(supervisor, 'POST', url, { outcome: 'refused', note: 'Sin motivo' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().code, 'refusal_reason_required');
      const stray = await call(supervisor, 'POST', url, {
        outcome: 'withdrawn',
        note: 'Retirada por la persona',
        refusalReason: 'other',
      });
      assert.equal(stray.json().code, 'refusal_reason_not_allowed');
      const ok = await call(supervisor, 'POST', url, {
        outcome: 'refused',
        note: 'No se pudo verificar quién pedía (prueba)',
        refusalReason: 'identity_not_verified',
      });
      assert.equal(ok.statusCode, 200, ok.body);
      const d = ok.json();
      assert.equal(d.status, 'refused');
      assert.equal(d.refusalReason, 'identity_not_verified');
      assert.equal(d.outcome, 'No se pudo verificar quién pedía (prueba)');
      assert.equal(d.answeredOn, todayIso());
      assert.equal(d.daysLeft, null);
      assert.equal(d.abilities.answer, false);
      assert.equal(d.answeredBy, 'Persona Prueba supervisor');
      const again = await call(supervisor, 'POST', url, { outcome: 'answered', note: 'Otra vez' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'request_closed');
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('record_id', '=', r.id)
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['rights.request_answered', 'rights.request_logged']);
      const text = JSON.stringify(audit);
      for (const secret of [requester, note, 'verificar', 'Persona Derechos'])
        assert.ok(!text.includes(secret), secret);
      assert.match(text, /identity_not_verified/);
    });

    it('audits reading a request (who read it, never what)', async () => {
      const r = (await log(supervisor)).json();
      assert.equal((await call(supervisor, 'GET', `/api/rights/requests/${r.id}`)).statusCode, 200);
      const read = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('record_id', '=', r.id)
        .where('action', '=', 'rights.request_read')
        .execute();
      assert.equal(read.length, 1);
      assert.doesNotMatch(String(read[0]!.details), /Persona|Madre/);
    });

    it('points a rectification to the living record of its case', async () => {
      const r = (await log(supervisor, { right: 'rectification' })).json();
      assert.equal(r.rectifyCaseId, caseId);
      assert.equal(r.abilities.export, false);
    });
  });
}
