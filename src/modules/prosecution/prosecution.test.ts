import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { openTestCase } from '../../../tests/support/requests';
import { todayIso } from '../../platform/clock';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

const fileNumber = 'FIS-060301-2027-PRUEBA';
const reparation = 'Reparación integral de prueba para la víctima ficticia';
const daysAgo = (n: number) =>
  new Date(Date.parse(`${todayIso()}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

for (const target of dbTargets()) {
  describe(`prosecution on ${target.name}`, () => {
    let t: TestApp;
    let caseworker: Signed;
    let prosecutor: Signed;
    let otherProsecutor: Signed;
    let planner: Signed;
    let fiscaliaOrg = '';
    let caseId = '';
    let perpetratorId = '';
    let referralId = '';
    const call = (s: Signed, method: string, url: string, payload?: object) =>
      t.app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload ? { payload } : {}) });
    const view = async (s: Signed, id = caseId) => {
      const res = await call(s, 'GET', `/api/cases/${id}/prosecution`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const rows = async () => {
      const db = t.db.handle.db;
      return JSON.stringify(
        await Promise.all(
          (
            ['complaints', 'complaint_stages', 'complaint_suspects', 'complaint_charges', 'complaint_hearings'] as const
          ).map((table) => db.selectFrom(table).selectAll().execute()),
        ),
      );
    };

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const ngo = await makeOrg(t.db.ctx, '0603', 'ONG Colta (prueba)');
      fiscaliaOrg = await makeOrg(t.db.ctx, '06', 'Fiscalía de Chimborazo (prueba)');
      const otherFiscalia = await makeOrg(t.db.ctx, '06', 'Otra fiscalía (prueba)');
      caseworker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: ngo });
      planner = await signInNewUser(t.app, t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: ngo });
      prosecutor = await signInNewUser(t.app, t.db.ctx, { role: 'prosecutor', scope: '06', orgId: fiscaliaOrg });
      otherProsecutor = await signInNewUser(t.app, t.db.ctx, { role: 'prosecutor', scope: '06', orgId: otherFiscalia });
      caseId = await openTestCase(t, caseworker, {
        code: '060350',
        first: 'Persona',
        second: 'Fiscal Prueba',
        age: 15,
      });
      const per = await call(caseworker, 'POST', `/api/cases/${caseId}/perpetrators`, {
        per_FirstName: 'Tratante',
        per_SecondName: 'Ficticio Prueba',
        per_RoleInProcess: ['RecruiterOrIntermediary'],
      });
      assert.equal(per.statusCode, 200, per.body);
      perpetratorId = per.json().perpetrators[0].id;
      await call(caseworker, 'POST', `/api/cases/${caseId}/consents`, {
        scope: 'SharingWithOrganisation',
        organisationId: fiscaliaOrg,
        givenBy: 'Guardian',
      });
      const sent = await call(caseworker, 'POST', `/api/cases/${caseId}/referrals`, {
        toOrgId: fiscaliaOrg,
        services: ['Legal'],
      });
      assert.equal(sent.statusCode, 200, sent.body);
      referralId = sent.json().id;
    });
    after(() => t.close());

    it('lets the prosecutor who received the referral record a complaint, its stages, charges, hearing and outcome', async () => {
      const inbox = (await call(prosecutor, 'GET', '/api/referrals/inbox')).json();
      assert.ok(
        inbox.some((r: { id: string }) => r.id === referralId),
        'the referral is in the prosecutor’s inbox',
      );
      const empty = await view(prosecutor);
      assert.deepEqual(empty.complaints, []);
      assert.equal(empty.abilities.write, true);
      assert.deepEqual(empty.perpetrators, [{ id: perpetratorId, name: 'Tratante Ficticio Prueba' }]);

      const filed = await call(prosecutor, 'POST', `/api/cases/${caseId}/complaints`, {
        filedOn: daysAgo(30),
        institution: 'Junta Cantonal de Colta (prueba)',
        prosecutorOrgId: fiscaliaOrg,
        fileNumber,
      });
      assert.equal(filed.statusCode, 200, filed.body);
      const c = filed.json().complaints[0];
      assert.equal(c.stage.key, 'previous_investigation', 'the catalogue’s first stage');
      assert.equal(c.stage.source, 'COIP art. 580');
      assert.equal(c.chargedOn, null);
      assert.equal(c.fileNumber, fileNumber);
      assert.equal(c.prosecutorOffice, 'Fiscalía de Chimborazo (prueba)');
      const base = `/api/cases/${caseId}/complaints/${c.id}`;

      const stage = await call(prosecutor, 'POST', `${base}/stages`, { stage: 'instruction', reachedOn: daysAgo(20) });
      assert.equal(stage.statusCode, 200, stage.body);
      assert.equal(stage.json().complaints[0].chargedOn, daysAgo(20), 'prosecuted from the first prosecuted stage');

      const charged = await call(prosecutor, 'POST', `${base}/charges`, { perpetratorId, offences: ['coip_91'] });
      assert.equal(charged.statusCode, 200, charged.body);
      const suspect = charged.json().complaints[0].suspects[0];
      assert.equal(suspect.name, 'Tratante Ficticio Prueba');
      assert.deepEqual(
        suspect.charges.map((x: { key: string; label: string; source: string; trafficking: boolean }) => [
          x.key,
          x.label,
          x.source,
          x.trafficking,
        ]),
        [['coip_91', 'Trata de personas', 'COIP art. 91', true]],
      );

      const hearing = await call(prosecutor, 'POST', `${base}/hearings`, {
        heldOn: daysAgo(19),
        kind: 'charges_formulation',
        result: 'Se formulan cargos (prueba)',
      });
      assert.equal(hearing.statusCode, 200, hearing.body);
      await call(prosecutor, 'POST', `${base}/stages`, { stage: 'trial', reachedOn: daysAgo(5) });

      const outcome = await call(prosecutor, 'POST', `${base}/outcome`, {
        outcome: 'conviction',
        outcomeOn: daysAgo(1),
        sentenceMonths: 192,
        fineAmount: 18_000,
        reparation,
        reparationAmount: 5_000,
        suspects: [{ suspectId: suspect.id, outcome: 'conviction', sentenceMonths: 192 }],
      });
      assert.equal(outcome.statusCode, 200, outcome.body);
      const done = (await view(caseworker)).complaints[0];
      assert.equal(done.outcome, 'conviction');
      assert.equal(done.sentenceMonths, 192);
      assert.equal(done.reparation, reparation);
      assert.equal(done.suspects[0].outcome, 'conviction');
      assert.deepEqual(
        done.stages.map((s: { key: string; reachedOn: string; recordedBy: string | null }) => [s.key, s.reachedOn]),
        [
          ['previous_investigation', daysAgo(30)],
          ['instruction', daysAgo(20)],
          ['trial', daysAgo(5)],
        ],
      );
      assert.ok(
        done.stages.every((s: { recordedBy: string | null }) => s.recordedBy),
        'who recorded each stage',
      );
      assert.equal(done.hearings[0].result, 'Se formulan cargos (prueba)');
      // The case's history shows the work, by its audit actions.
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('record_id', '=', caseId)
        .where('action', 'like', 'case.complaint_%')
        .execute();
      assert.deepEqual([...new Set(audit.map((a) => a.action))].sort(), [
        'case.complaint_charges',
        'case.complaint_filed',
        'case.complaint_hearing',
        'case.complaint_outcome',
        'case.complaint_stage',
      ]);
      const details = JSON.stringify(audit);
      for (const secret of [fileNumber, reparation, 'Se formulan cargos', 'Tratante', 'Ficticio'])
        assert.ok(!details.includes(secret), `the audit carries no ${secret}`);
    });

    it('never stores the file number, reparation or hearing notes in plain text', async () => {
      const raw = await rows();
      for (const secret of [fileNumber, reparation, 'Se formulan cargos']) assert.ok(!raw.includes(secret), secret);
      const log = JSON.stringify(await t.db.handle.db.selectFrom('audit_log').selectAll().execute());
      assert.ok(!log.includes(fileNumber));
    });

    it('answers 404 to a prosecutor without a referral and to other roles out of reach, and 403 never leaks', async () => {
      const c = (await view(caseworker)).complaints[0];
      const base = `/api/cases/${caseId}/complaints/${c.id}`;
      const before = await rows();
      for (const who of [otherProsecutor, planner]) {
        for (const [method, url, body] of [
          ['GET', `/api/cases/${caseId}/prosecution`, undefined],
          ['POST', `/api/cases/${caseId}/complaints`, { filedOn: daysAgo(3) }],
          ['PATCH', base, { institution: 'Otra institución' }],
          ['POST', `${base}/stages`, { stage: 'appeal', reachedOn: daysAgo(1) }],
          ['POST', `${base}/charges`, { perpetratorId, offences: ['coip_91'] }],
          ['POST', `${base}/hearings`, { heldOn: daysAgo(1), kind: 'appeal' }],
          ['POST', `${base}/outcome`, { outcome: 'dismissal', outcomeOn: daysAgo(1) }],
        ] as const) {
          const res = await call(who, method, url, body);
          assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
        }
      }
      assert.equal(await rows(), before, 'nothing changed');
    });

    it('keeps the outcome rules: acquittal or conviction only once prosecuted, sentence only with a conviction', async () => {
      const filed = await call(caseworker, 'POST', `/api/cases/${caseId}/complaints`, {
        filedOn: daysAgo(10),
        institution: 'Policía (prueba)',
      });
      const c = filed.json().complaints.at(-1);
      const base = `/api/cases/${caseId}/complaints/${c.id}`;
      const early = await call(prosecutor, 'POST', `${base}/outcome`, { outcome: 'conviction', outcomeOn: daysAgo(1) });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().code, 'outcome_needs_charges');
      assert.equal(early.json().fields[0].path, 'body.outcome');
      const acquitted = await call(prosecutor, 'POST', `${base}/outcome`, {
        outcome: 'acquittal',
        outcomeOn: daysAgo(1),
      });
      assert.equal(acquitted.statusCode, 409);
      const sentence = await call(prosecutor, 'POST', `${base}/outcome`, {
        outcome: 'dismissal',
        outcomeOn: daysAgo(1),
        sentenceMonths: 12,
      });
      assert.equal(sentence.statusCode, 400);
      assert.equal(sentence.json().code, 'sentence_needs_conviction');
      const dismissed = await call(prosecutor, 'POST', `${base}/outcome`, {
        outcome: 'dismissal',
        outcomeOn: daysAgo(1),
      });
      assert.equal(dismissed.statusCode, 200, 'a dismissal at any stage');
      assert.equal(dismissed.json().complaints.at(-1).outcome, 'dismissal');
    });

    it('refuses bad input with 400 or 409 at the field, changing nothing', async () => {
      const c = (await view(prosecutor)).complaints[0];
      const base = `/api/cases/${caseId}/complaints/${c.id}`;
      const before = await rows();
      const cases: [string, string, object, number, string, string][] = [
        [
          'POST',
          `${base}/charges`,
          { perpetratorId, offences: ['coip_999'] },
          400,
          'unknown_catalogue_entry',
          'body.offences.0',
        ],
        [
          'POST',
          `${base}/charges`,
          { perpetratorId: '00000000-0000-4000-8000-000000000000', offences: ['coip_91'] },
          400,
          'unknown_perpetrator',
          'body.perpetratorId',
        ],
        [
          'POST',
          `${base}/stages`,
          { stage: 'instruction', reachedOn: daysAgo(1) },
          409,
          'stage_not_forward',
          'body.stage',
        ],
        [
          'POST',
          `${base}/stages`,
          { stage: 'no_such_stage', reachedOn: daysAgo(1) },
          400,
          'unknown_catalogue_entry',
          'body.stage',
        ],
        [
          'POST',
          `${base}/stages`,
          { stage: 'appeal', reachedOn: daysAgo(40) },
          400,
          'date_before_stage',
          'body.reachedOn',
        ],
        [
          'POST',
          `${base}/stages`,
          { stage: 'appeal', reachedOn: '2999-01-01' },
          400,
          'date_in_future',
          'body.reachedOn',
        ],
        ['POST', `/api/cases/${caseId}/complaints`, { filedOn: '2999-01-01' }, 400, 'date_in_future', 'body.filedOn'],
        [
          'POST',
          `/api/cases/${caseId}/complaints`,
          { filedOn: daysAgo(1), institutionOrgId: '00000000-0000-4000-8000-000000000000' },
          400,
          'unknown_organisation',
          'body.institutionOrgId',
        ],
        ['PATCH', base, { filedOn: daysAgo(2) }, 400, 'date_after_stage', 'body.filedOn'],
        ['POST', `${base}/hearings`, { heldOn: daysAgo(1), kind: 'picnic' }, 400, 'validation_failed', 'body.kind'],
        [
          'POST',
          `${base}/hearings`,
          { heldOn: '2099-12-01', kind: 'trial' },
          400,
          'hearing_too_far_ahead',
          'body.heldOn',
        ],
        [
          'POST',
          `${base}/hearings`,
          { heldOn: daysAgo(-367), kind: 'trial' },
          400,
          'hearing_too_far_ahead',
          'body.heldOn',
        ],
        ['POST', `${base}/hearings`, { heldOn: daysAgo(60), kind: 'trial' }, 400, 'date_before_stage', 'body.heldOn'],
        [
          'POST',
          `${base}/outcome`,
          { outcome: 'pardon', outcomeOn: daysAgo(1) },
          400,
          'validation_failed',
          'body.outcome',
        ],
      ];
      for (const [method, url, body, status, code, path] of cases) {
        const res = await call(prosecutor, method, url, body);
        assert.equal(res.statusCode, status, `${url} ${JSON.stringify(body)}: ${res.body}`);
        assert.equal(res.json().code, code);
        assert.equal(res.json().fields?.[0]?.path, path);
        assert.ok(res.json().message && res.json().message !== `errors.${code}`, 'a worded message');
      }
      assert.equal(await rows(), before, 'nothing changed');
    });

    it('withdraws the charges left out of the set, and corrects the filing facts', async () => {
      const c = (await view(prosecutor)).complaints[0];
      const base = `/api/cases/${caseId}/complaints/${c.id}`;
      const two = await call(prosecutor, 'POST', `${base}/charges`, {
        perpetratorId,
        offences: ['coip_91', 'coip_105'],
      });
      assert.deepEqual(
        two
          .json()
          .complaints[0].suspects[0].charges.map((x: { key: string }) => x.key)
          .sort(),
        ['coip_105', 'coip_91'],
      );
      const one = await call(prosecutor, 'POST', `${base}/charges`, { perpetratorId, offences: ['coip_105'] });
      assert.deepEqual(
        one.json().complaints[0].suspects[0].charges.map((x: { key: string }) => x.key),
        ['coip_105'],
      );
      const patched = await call(prosecutor, 'PATCH', base, { fileNumber: 'FIS-CORREGIDO-PRUEBA', institution: null });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().complaints[0].fileNumber, 'FIS-CORREGIDO-PRUEBA');
      assert.equal(patched.json().complaints[0].institution, null);
      assert.ok(!(await rows()).includes('FIS-CORREGIDO-PRUEBA'));
    });

    it('takes a hearing scheduled ahead up to one year on the business clock, not beyond', async () => {
      const c = (await view(prosecutor)).complaints[0];
      const url = `/api/cases/${caseId}/complaints/${c.id}/hearings`;
      const ahead = await call(prosecutor, 'POST', url, { heldOn: daysAgo(-90), kind: 'trial' });
      assert.equal(ahead.statusCode, 200, ahead.body);
      assert.ok((ahead.json().complaints[0].hearings as { heldOn: string }[]).some((h) => h.heldOn === daysAgo(-90)));
      const far = await call(prosecutor, 'POST', url, { heldOn: daysAgo(-400), kind: 'trial' });
      assert.equal(far.statusCode, 400, far.body);
      assert.match(far.json().message, /un año/);
    });

    it('closes the case’s proceedings to the prosecutor once the referral is withdrawn', async () => {
      assert.equal((await call(caseworker, 'POST', `/api/referrals/${referralId}/revoke`)).statusCode, 200);
      const c = (await view(caseworker)).complaints[0];
      assert.equal((await call(prosecutor, 'GET', `/api/cases/${caseId}/prosecution`)).statusCode, 404);
      const res = await call(prosecutor, 'POST', `/api/cases/${caseId}/complaints/${c.id}/hearings`, {
        heldOn: daysAgo(1),
        kind: 'other',
      });
      assert.equal(res.statusCode, 404);
    });
  });
}
