import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { openTestCase } from '../../../tests/support/requests';
import { todayIso } from '../../platform/clock';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { caseHeld, erasureBlockers } from './holds';

const reason = 'La Fiscalía pidió conservar el expediente (prueba)';
const basis = 'Fiscalía oficio 123 (prueba)';

for (const target of dbTargets()) {
  describe(`legal holds and erasure on ${target.name}`, () => {
    let t: TestApp;
    let supervisor: Signed;
    let caseworker: Signed;
    let outsider: Signed;
    let caseId = '';
    let caseCode = '';
    let personId = '';
    const call = (s: Signed, method: string, url: string, payload?: object, lang?: string) =>
      t.app.inject({
        method: method as 'GET',
        url,
        headers: { ...s.headers, ...(lang ? { 'accept-language': lang } : {}) },
        ...(payload ? { payload } : {}),
      });
    const erasure = async () => {
      const res = await call(supervisor, 'POST', '/api/rights/requests', {
        caseId,
        right: 'erasure',
        requester: 'La propia persona (prueba)',
        channel: 'in_person',
        language: 'es',
        receivedOn: todayIso(),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const erase = (id: string, confirmCode = caseCode, lang?: string) =>
      call(supervisor, 'POST', `/api/rights/requests/${id}/erase`, { confirmCode }, lang);

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603', 'ONG Colta retención (prueba)');
      const other = await makeOrg(t.db.ctx, '0101', 'ONG Cuenca retención (prueba)');
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0603', orgId: org });
      caseworker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
      outsider = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0101', orgId: other });
      caseId = await openTestCase(t, caseworker, {
        code: '060350',
        first: 'Canario',
        second: 'Borrable Prueba',
        age: 30,
      });
      const c = await t.db.handle.db
        .selectFrom('cases')
        .select(['code', 'person_id'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      caseCode = c.code;
      personId = c.person_id;
    });
    after(() => t.close());

    it('places and lifts a legal hold on a case, sealed and audited without text, for supervisors in reach', async () => {
      const placed = await call(supervisor, 'POST', `/api/cases/${caseId}/holds`, { reason, basis });
      assert.equal(placed.statusCode, 201, placed.body);
      const h = placed.json().holds[0];
      assert.equal(h.reason, reason);
      assert.equal(h.basis, basis);
      assert.equal(h.active, true);
      assert.equal(h.placedBy, 'Persona Prueba supervisor');
      assert.equal(await caseHeld(t.db.ctx, caseId), true);
      assert.deepEqual(await erasureBlockers(t.db.ctx, personId), [{ reason: 'legal_hold', caseCode }]);
      const row = await t.db.handle.db.selectFrom('legal_holds').selectAll().executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(row), /Fiscalía/);
      assert.equal((await call(caseworker, 'POST', `/api/cases/${caseId}/holds`, { reason, basis })).statusCode, 403);
      assert.equal((await call(outsider, 'GET', `/api/cases/${caseId}/holds`)).statusCode, 404);
      assert.equal((await call(supervisor, 'POST', `/api/cases/${caseId}/holds`, { reason })).statusCode, 400);
      const privacy = await call(caseworker, 'GET', `/api/cases/${caseId}/privacy`);
      assert.equal(privacy.statusCode, 200, privacy.body);
      assert.equal(privacy.json().holds.length, 1);
      assert.equal(privacy.json().abilities.manage, false);
      assert.equal(privacy.json().anonymisedAt, null);
      assert.equal((await call(outsider, 'GET', `/api/cases/${caseId}/privacy`)).statusCode, 404);

      const erasureId = await erasure();
      const detail = (await call(supervisor, 'GET', `/api/rights/requests/${erasureId}`)).json();
      assert.deepEqual(detail.blockers, [{ reason: 'legal_hold', caseCode }]);
      assert.equal(detail.abilities.erase, false);
      const refused = await erase(erasureId);
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().code, 'erasure_blocked');
      assert.deepEqual(refused.json().reasons, [{ reason: 'legal_hold', caseCode }]);
      assert.match(refused.json().message, new RegExp(`${caseCode}.*retención legal`));
      assert.match((await erase(erasureId, caseCode, 'en')).json().message, /legal hold/);
      assert.ok((await erase(erasureId, caseCode, 'qu-EC')).json().message.includes(caseCode));

      const lift = `/api/cases/${caseId}/holds/${h.id}/lift`;
      assert.equal((await call(supervisor, 'POST', lift, {})).statusCode, 400, 'lifting says why');
      const lifted = await call(supervisor, 'POST', lift, { reason: 'La Fiscalía archivó (prueba)' });
      assert.equal(lifted.statusCode, 200, lifted.body);
      assert.equal(lifted.json().holds[0].active, false);
      assert.equal(lifted.json().holds[0].liftReason, 'La Fiscalía archivó (prueba)');
      assert.equal((await call(supervisor, 'POST', lift, { reason: 'Otra vez' })).json().code, 'hold_already_lifted');
      assert.equal(await caseHeld(t.db.ctx, caseId), false);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('record_id', '=', caseId)
        .where('action', 'like', 'case.hold_%')
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['case.hold_lifted', 'case.hold_placed']);
      assert.doesNotMatch(JSON.stringify(audit), /Fiscalía|archivó/);
    });

    it('refuses erasure while a complaint has no outcome (open proceeding), then erases once it ends', async () => {
      const filed = await call(caseworker, 'POST', `/api/cases/${caseId}/complaints`, {
        filedOn: todayIso(),
        prosecutorOffice: 'Fiscalía de prueba',
      });
      assert.equal(filed.statusCode, 200, filed.body);
      const complaint = filed.json().complaints[0].id;
      assert.equal(await caseHeld(t.db.ctx, caseId), true);
      const id = await erasure();
      const blocked = await erase(id);
      assert.equal(blocked.statusCode, 409);
      assert.deepEqual(blocked.json().reasons, [{ reason: 'open_proceeding', caseCode }]);
      assert.match(blocked.json().message, /proceso penal abierto/);
      assert.equal((await call(caseworker, 'GET', `/api/cases/${caseId}/privacy`)).json().openProceeding, true);

      const wrong = await erase(id, 'OTRO-CODIGO');
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().code, 'confirm_code_mismatch');
      assert.equal(wrong.json().fields[0].path, 'body.confirmCode');
      const answered = await call(supervisor, 'POST', `/api/rights/requests/${id}/answer`, {
        outcome: 'answered',
        note: 'Se eliminó (no es cierto)',
      });
      assert.equal(answered.json().code, 'erasure_not_done', 'an erasure is answered by erasing');

      const ended = await call(caseworker, 'POST', `/api/cases/${caseId}/complaints/${complaint}/outcome`, {
        outcome: 'dismissal',
        outcomeOn: todayIso(),
      });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.deepEqual(await erasureBlockers(t.db.ctx, personId), []);
      assert.equal(
        (await call(caseworker, 'POST', `/api/rights/requests/${id}/erase`, { confirmCode: caseCode })).statusCode,
        403,
      );
      const done = await erase(id, caseCode.toLowerCase());
      assert.equal(done.statusCode, 200, done.body);
      const d = done.json();
      assert.equal(d.status, 'answered');
      assert.equal(d.answeredOn, todayIso());
      assert.ok(d.anonymisedAt, 'the person is anonymised');
      assert.equal(d.personName, null);
      assert.equal(d.abilities.export, false);
      const person = await t.db.handle.db
        .selectFrom('persons')
        .select(['given_names_enc', 'surnames_enc'])
        .where('id', '=', personId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(person, { given_names_enc: null, surnames_enc: null });
      // The request row stays: it is the proof that the request was honoured.
      const row = await t.db.handle.db
        .selectFrom('data_requests')
        .select(['code', 'status', 'right'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual({ status: row.status, right: row.right }, { status: 'answered', right: 'erasure' });
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where((eb) => eb.or([eb('record_id', '=', id), eb('record_id', '=', personId)]))
        .execute();
      const actions = audit.map((a) => a.action);
      assert.ok(actions.includes('rights.erased'));
      assert.ok(actions.includes('person.anonymised'));
      assert.doesNotMatch(JSON.stringify(audit), /Canario|Borrable/);
      const again = await erase(id);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'request_closed');
    });

    it('refuses erasing with a request of another right', async () => {
      const res = await call(supervisor, 'POST', '/api/rights/requests', {
        caseId,
        right: 'access',
        requester: 'La propia persona (prueba)',
        channel: 'in_person',
        language: 'es',
        receivedOn: todayIso(),
      });
      const refused = await erase(res.json().id);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'request_not_erasure');
    });
  });
}
