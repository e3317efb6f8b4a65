import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { openTestCase } from '../../../tests/support/requests';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

for (const target of dbTargets()) {
  describe(`referrals on ${target.name}`, () => {
    let t: TestApp;
    let ngo: Signed & { userId: string };
    let ngoOrg = '';
    let supervisor: Signed;
    let shelter: Signed;
    let prosecutor: Signed;
    let shelterOrg = '';
    let fiscaliaOrg = '';
    let providerId = '';
    let caseId = '';
    const post = (s: Signed, url: string, payload: object = {}) =>
      t.app.inject({ method: 'POST', url, payload, headers: s.headers });
    const get = (s: Signed, url: string) => t.app.inject({ url, headers: s.headers });

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      ngoOrg = await makeOrg(t.db.ctx, '0101', 'ONG Cuenca (prueba)');
      shelterOrg = await makeOrg(t.db.ctx, '0101', 'Casa de acogida (prueba)');
      fiscaliaOrg = await makeOrg(t.db.ctx, '06', 'Fiscalía (prueba)');
      ngo = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0101', orgId: ngoOrg });
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0101', orgId: ngoOrg });
      // The shelter's worker is scoped elsewhere, so seeing the case can only come from the referral.
      shelter = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0606', orgId: shelterOrg });
      prosecutor = await signInNewUser(t.app, t.db.ctx, { role: 'prosecutor', scope: '06', orgId: fiscaliaOrg });
      const admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: 'EC', orgId: ngoOrg });
      providerId = (
        await post(admin, '/api/directory', {
          name: 'Casa de acogida (prueba)',
          organisationId: shelterOrg,
          country: 'EC',
          division: '0101',
          services: ['local_Shelter', 'local_Psychosocial'],
        })
      ).json().id;
      caseId = await openTestCase(t, ngo, { code: '010104', first: 'Persona', second: 'Derivada Prueba', age: 22 });
    });
    after(() => t.close());

    it('refuses a referral without consent; only a supervisor may override, with a reason', async () => {
      const res = await post(ngo, `/api/cases/${caseId}/referrals`, { providerId, services: ['local_Shelter'] });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'consent_required');
      assert.equal(
        (
          await post(ngo, `/api/cases/${caseId}/referrals`, {
            providerId,
            services: ['local_Shelter'],
            override: { reason: 'Riesgo inmediato para la persona' },
          })
        ).statusCode,
        403,
      );
      assert.equal(
        (
          await post(supervisor, `/api/cases/${caseId}/referrals`, {
            providerId,
            services: ['local_Shelter'],
            override: { reason: 'corto' },
          })
        ).statusCode,
        400,
      );
      assert.equal((await get(shelter, `/api/cases/${caseId}`)).statusCode, 404, 'nothing was disclosed');
    });

    it('with consent, the shelter sees the case, accepts, records services and completes the referral', async () => {
      await post(ngo, `/api/cases/${caseId}/consents`, {
        scope: 'SharingWithOrganisation',
        organisationId: shelterOrg,
        givenBy: 'Self',
      });
      const sent = await post(ngo, `/api/cases/${caseId}/referrals`, {
        providerId,
        services: ['local_Shelter', 'local_Psychosocial'],
        reason: 'MigrationOrChangeOfLocation',
        details: 'Llega el lunes con su tía',
      });
      assert.equal(sent.statusCode, 200, sent.body);
      assert.equal(sent.json().htcds.cas_IncomingReferralDate, null, 'not accepted yet');
      const inbox = (await get(shelter, '/api/referrals/inbox')).json();
      assert.equal(inbox.length, 1);
      assert.equal(inbox[0].abilities.respond, true);
      assert.equal((await get(shelter, `/api/cases/${caseId}`)).statusCode, 200);
      assert.equal(
        (await post(shelter, `/api/referrals/${inbox[0].id}/respond`, { accept: true })).json().status,
        'accepted',
      );
      assert.equal(
        (await post(shelter, `/api/referrals/${inbox[0].id}/deliver`, { service: 'local_Shelter' })).json().status,
        'accepted',
      );
      const done = await post(shelter, `/api/referrals/${inbox[0].id}/deliver`, {
        service: 'local_Psychosocial',
        notes: 'Primera sesión',
      });
      assert.equal(done.json().status, 'completed');
      assert.deepEqual(
        done.json().delivered.map((d: { service: string }) => d.service),
        ['local_Shelter', 'local_Psychosocial'],
      );
      assert.equal(
        (await post(ngo, `/api/referrals/${inbox[0].id}/respond`, { accept: true })).statusCode,
        404,
        'only the receiver answers',
      );
      const detail = (await get(ngo, `/api/cases/${caseId}`)).json();
      assert.equal(detail.cas_ReferredOrganisation, shelterOrg);
      assert.match(detail.cas_OutgoingReferralDate, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(detail.cas_ReasonForOutgoingReferral, 'MigrationOrChangeOfLocation');
      assert.equal(detail.cas_OutgoingReferralDetails, 'Llega el lunes con su tía');
      assert.equal(detail.cas_ReferringOrganisation, null, 'the sender received nothing');
      // The receiver's side: HTCDS incoming-referral fields, dated when the shelter accepted.
      const seen = (await get(shelter, `/api/cases/${caseId}`)).json();
      assert.equal(seen.cas_ReferringOrganisation, ngoOrg);
      assert.equal(seen.cas_ReferringPrimaryCaseWorker, ngo.userId);
      assert.equal(seen.cas_IncomingReferralDate, new Date().toISOString().slice(0, 10));
      assert.equal(seen.cas_ReasonForIncomingReferral, 'MigrationOrChangeOfLocation');
      assert.equal(seen.cas_IncomingReferralDetails, 'Llega el lunes con su tía');
      assert.equal(done.json().htcds.cas_IncomingReferralDate, seen.cas_IncomingReferralDate);
    });

    it('refers to a named caseworker of the shelter: only that person sees and answers it', async () => {
      const named = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0606', orgId: shelterOrg });
      const receivers = (await get(ngo, `/api/directory/${providerId}/receivers`)).json();
      assert.ok(receivers.some((r: { id: string }) => r.id === named.userId));
      assert.equal((await get(shelter, `/api/directory/${providerId}/receivers`)).statusCode, 200);
      assert.equal((await get(prosecutor, `/api/directory/${providerId}/receivers`)).statusCode, 404);
      const outsider = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0606', orgId: fiscaliaOrg });
      const wrong = await post(ngo, `/api/cases/${caseId}/referrals`, {
        providerId,
        toUserId: outsider.userId,
        services: ['local_Psychosocial'],
      });
      assert.equal(wrong.json().code, 'unknown_assignee', 'the named person must belong to the provider');
      // A fresh case with no other referral, so only the named referral can open it.
      const fresh = await openTestCase(t, ngo, {
        code: '010104',
        first: 'Nombrada',
        second: 'Derivación Prueba',
        age: 25,
      });
      await post(ngo, `/api/cases/${fresh}/consents`, {
        scope: 'SharingWithOrganisation',
        organisationId: shelterOrg,
        givenBy: 'Self',
      });
      const sent = await post(ngo, `/api/cases/${fresh}/referrals`, {
        providerId,
        toUserId: named.userId,
        services: ['local_Psychosocial'],
      });
      assert.equal(sent.statusCode, 200, sent.body);
      assert.equal(sent.json().htcds.cas_ReferredPrimaryCaseWorker, named.userId);
      const ids = async (s: Signed) =>
        (await get(s, '/api/referrals/inbox')).json().map((r: { id: string }) => r.id) as string[];
      assert.ok((await ids(named)).includes(sent.json().id));
      assert.ok(!(await ids(shelter)).includes(sent.json().id), 'a colleague does not see it');
      assert.equal((await post(shelter, `/api/referrals/${sent.json().id}/respond`, { accept: true })).statusCode, 404);
      assert.equal(
        (await post(named, `/api/referrals/${sent.json().id}/respond`, { accept: true })).json().status,
        'accepted',
      );
      assert.equal((await get(ngo, `/api/cases/${fresh}`)).json().cas_ReferredPrimaryCaseWorker, named.userId);
      assert.equal((await get(named, `/api/cases/${fresh}`)).statusCode, 200);
      for (const url of [
        `/api/cases/${fresh}`,
        `/api/cases/${fresh}/referrals`,
        `/api/referrals/${sent.json().id}/sheet`,
      ])
        assert.equal((await get(shelter, url)).statusCode, 404, `a colleague of the named person: ${url}`);
      // The case list follows the same rule as the case itself.
      const listed = async (s: Signed) =>
        ((await get(s, '/api/cases')).json().items as { id: string }[]).map((c) => c.id);
      assert.ok((await listed(named)).includes(fresh), 'the named caseworker finds the case in the list');
      assert.ok(!(await listed(shelter)).includes(fresh), 'a colleague does not find it in the list');
    });

    it('lets a receiver read the referred case but not change it, and refuses referrals to oneself', async () => {
      const shelterBoss = await signInNewUser(t.app, t.db.ctx, {
        role: 'supervisor',
        scope: '0606',
        orgId: shelterOrg,
      });
      const seen = await get(shelter, `/api/cases/${caseId}`);
      assert.equal(seen.statusCode, 200);
      assert.equal(seen.json().abilities.update, false, 'the UI shows the case read-only');
      const closure = { cas_Status: 'Closed', cas_ReasonForCaseClosure: 'Cierre ajeno (prueba)' };
      assert.equal((await post(shelter, `/api/cases/${caseId}/closure`, closure)).statusCode, 403);
      assert.equal((await post(shelter, `/api/cases/${caseId}/comments`, { cco_CaseComment: 'x' })).statusCode, 403);
      await post(ngo, `/api/cases/${caseId}/closure`, closure);
      assert.equal(
        (await post(shelterBoss, `/api/cases/${caseId}/closure/decision`, { approve: true })).statusCode,
        403,
        "the receiver's supervisor does not close the sender's case",
      );
      assert.deepEqual((await get(shelterBoss, '/api/supervision/closures')).json(), []);
      await post(supervisor, `/api/cases/${caseId}/closure/decision`, {
        approve: false,
        comment: 'Todavía no (prueba)',
      });
      const self = await post(ngo, `/api/cases/${caseId}/referrals`, { toOrgId: ngoOrg, services: ['Legal'] });
      assert.equal(self.json().code, 'referral_to_self');
    });

    it('lets a supervisor override with a reason (audited), and the sender revoke so the receiver loses access', async () => {
      const other = await openTestCase(t, ngo, { code: '0101', first: 'Otra', second: 'Persona Prueba', age: 30 });
      const res = await post(supervisor, `/api/cases/${other}/referrals`, {
        toOrgId: shelterOrg,
        services: ['local_Shelter'],
        override: { reason: 'Riesgo inmediato para la persona (prueba)' },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().consentOverride, true);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', other)
        .execute();
      assert.ok(audit.some((a) => a.action === 'referral.sent_with_consent_override'));
      assert.equal((await get(shelter, `/api/cases/${other}`)).statusCode, 200);
      assert.equal((await post(ngo, `/api/referrals/${res.json().id}/revoke`)).json().status, 'revoked');
      assert.equal((await get(shelter, `/api/cases/${other}`)).statusCode, 404);
    });

    it('runs a support plan through review (versions kept), records legal steps, closes and reopens', async () => {
      const plan1 = await post(ngo, `/api/cases/${caseId}/plans`, {
        spl_Objectives: 'Alojamiento seguro y apoyo psicológico',
        spl_Type: ['local_Shelter', 'local_Psychosocial'],
        spl_PlannedEndDate: '2027-06-30',
      });
      assert.equal(plan1.statusCode, 200, plan1.body);
      const v1 = plan1.json()[0];
      // The submitted plan waits on the supervisor's work list and counts on the menu; not on the caseworker's.
      const waiting = (await get(supervisor, '/api/supervision/plans')).json();
      assert.deepEqual(
        waiting
          .filter((p: { id: string }) => p.id === v1.id)
          .map((p: { caseId: string; version: number }) => [p.caseId, p.version]),
        [[caseId, 1]],
      );
      const counted = (await get(supervisor, '/api/me/work/count')).json().work;
      assert.ok(counted >= waiting.length);
      assert.deepEqual((await get(ngo, '/api/supervision/plans')).json(), []);
      assert.equal(
        (await post(ngo, `/api/plans/${v1.id}/review`, { approve: true })).statusCode,
        403,
        'supervisors review',
      );
      const returned = await post(supervisor, `/api/plans/${v1.id}/review`, {
        approve: false,
        comment: 'Añadir educación',
      });
      assert.equal(returned.json()[0].status, 'returned');
      const plans = (
        await post(ngo, `/api/cases/${caseId}/plans`, {
          spl_Objectives: 'Alojamiento, apoyo psicológico y escuela',
          spl_Type: ['local_Shelter', 'Education'],
        })
      ).json();
      assert.deepEqual(
        plans.map((p: { version: number; status: string }) => [p.version, p.status]),
        [
          [2, 'submitted'],
          [1, 'superseded'],
        ],
      );
      assert.equal(
        (await post(supervisor, `/api/plans/${plans[0].id}/review`, { approve: true })).json()[0].status,
        'approved',
      );
      assert.ok(
        !(await get(supervisor, '/api/supervision/plans')).json().some((p: { caseId: string }) => p.caseId === caseId),
        'a reviewed plan leaves the list',
      );
      assert.equal((await get(supervisor, '/api/me/work/count')).json().work, counted - 1);
      assert.equal(
        (await post(ngo, `/api/plans/${plans[0].id}/complete`, { spl_ActualEndDate: '2027-05-31' })).json()[0].status,
        'completed',
      );
      const legal = await post(ngo, `/api/cases/${caseId}/legal`, {
        stage: 'Complaint',
        date: '2027-01-15',
        authority: 'Fiscalía de Azuay',
        fileNumber: '0101-2027-00042',
        victimParticipates: true,
      });
      assert.equal(legal.json()[0].fileNumber, '0101-2027-00042');
      const raw = JSON.stringify(await t.db.handle.db.selectFrom('legal_proceedings').selectAll().execute());
      assert.doesNotMatch(raw, /0101-2027-00042/);
      assert.equal(
        (
          await post(supervisor, `/api/cases/${caseId}/close`, {
            cas_Status: 'Closed',
            cas_ReasonForCaseClosure: 'Plan cumplido (prueba)',
          })
        ).statusCode,
        200,
      );
      assert.equal(
        (await post(supervisor, `/api/cases/${caseId}/reopen`, { reason: 'Nueva amenaza (prueba)' })).statusCode,
        200,
      );
      assert.equal((await get(ngo, `/api/cases/${caseId}`)).json().status, 'Active');
    });

    it('transfers a case to a caseworker of another organisation, who accepts it', async () => {
      const moved = await openTestCase(t, ngo, { code: '0101', first: 'Caso', second: 'Transferido Prueba', age: 28 });
      const shelterUser = (await get(shelter, '/api/auth/session')).json().user.id;
      assert.equal((await post(ngo, `/api/cases/${moved}/transfers`, {})).json().code, 'transfer_target');
      const proposed = await post(ngo, `/api/cases/${moved}/transfers`, { toUserId: shelterUser });
      assert.equal(proposed.statusCode, 200, proposed.body);
      assert.equal((await get(shelter, `/api/cases/${moved}`)).statusCode, 404, 'not before accepting');
      const pending = (await get(shelter, '/api/me/transfers')).json();
      assert.deepEqual(
        pending.map((p: { caseId: string }) => p.caseId),
        [moved],
      );
      assert.equal(
        (await post(shelter, `/api/transfers/${pending[0].id}/respond`, { accept: false })).json().code,
        'reason_required',
      );
      assert.equal(
        (await post(ngo, `/api/transfers/${pending[0].id}/respond`, { accept: true })).statusCode,
        404,
        'only the receiver answers',
      );
      assert.equal(
        (await post(shelter, `/api/transfers/${pending[0].id}/respond`, { accept: true })).json().status,
        'accepted',
      );
      const listed = (await get(shelter, `/api/cases/${moved}/transfers`)).json();
      assert.deepEqual(
        listed.map((x: { status: string; toOrgName: string }) => [x.status, x.toOrgName]),
        [['accepted', 'Casa de acogida (prueba)']],
      );
      assert.equal((await get(shelter, `/api/cases/${moved}`)).statusCode, 200);
      assert.equal(
        (await post(shelter, `/api/transfers/${pending[0].id}/respond`, { accept: true })).json().code,
        'transfer_not_pending',
      );
    });

    it('shows a prosecutor exactly the cases referred to the prosecutor’s office', async () => {
      assert.equal((await get(prosecutor, `/api/cases/${caseId}`)).statusCode, 404);
      assert.deepEqual((await get(prosecutor, '/api/cases')).json().items, []);
      const referred = await openTestCase(t, ngo, { code: '0101', first: 'Caso', second: 'Fiscalía Prueba', age: 25 });
      await post(ngo, `/api/cases/${referred}/consents`, {
        scope: 'SharingWithOrganisation',
        organisationId: fiscaliaOrg,
        givenBy: 'Self',
      });
      assert.equal(
        (await post(ngo, `/api/cases/${referred}/referrals`, { toOrgId: fiscaliaOrg, services: ['Legal'] })).statusCode,
        200,
      );
      const list = (await get(prosecutor, '/api/cases')).json().items.map((c: { id: string }) => c.id);
      assert.deepEqual(list, [referred]);
      assert.equal((await get(prosecutor, `/api/cases/${referred}`)).statusCode, 200);
      assert.equal((await get(prosecutor, `/api/cases/${caseId}`)).statusCode, 404);
      const step = await post(prosecutor, `/api/cases/${referred}/legal`, {
        stage: 'Investigation',
        date: '2027-02-01',
        authority: 'Fiscalía (prueba)',
      });
      assert.equal(step.statusCode, 200, 'the prosecutor records the legal process of a referred case');
      assert.equal(
        (await post(prosecutor, `/api/cases/${caseId}/legal`, { stage: 'Investigation', date: '2027-02-01' }))
          .statusCode,
        404,
      );
    });
  });
}
