import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { openTestCase } from '../../../tests/support/requests';
import { fileStoreOf } from '../../platform/blobs/index';
import { setClockOffsetDays, todayIso } from '../../platform/clock';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { addDays, addMonths } from './dates';
import { runRetention } from './index';

// Must-show 4 of issue 21, with the business clock: a closed case past its schedule is warned first, then anonymised
// once the warning period has passed; a case under a legal hold, and one with an open complaint, are not.
for (const target of dbTargets()) {
  describe(`retention on ${target.name}`, () => {
    let t: TestApp;
    let admin: Signed;
    let supervisor: Signed;
    let worker: Signed;
    let outsider: Signed;
    const call = (s: Signed, method: string, url: string, payload?: object) =>
      t.app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload ? { payload } : {}) });
    const db = () => t.db.handle.db;
    const audits = async (action: string) =>
      (await db().selectFrom('audit_log').selectAll().where('action', '=', action).execute()).map((a) => ({
        ...a,
        details: JSON.parse(a.details) as Record<string, unknown>,
      }));
    const caseRow = (id: string) => db().selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const personOf = async (id: string) =>
      db()
        .selectFrom('persons')
        .selectAll()
        .where('id', '=', (await caseRow(id)).person_id)
        .executeTakeFirstOrThrow();
    const closeOn = (id: string, day: string) =>
      db()
        .updateTable('cases')
        .set({ status: 'Closed', stage: 'Closure', closed_at: `${day}T10:00:00.000Z` })
        .where('id', '=', id)
        .execute();

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0101');
      admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: '0101', orgId: org });
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0101', orgId: org });
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0101', orgId: org });
      outsider = await signInNewUser(t.app, t.db.ctx, {
        role: 'supervisor',
        scope: '0606',
        orgId: await makeOrg(t.db.ctx, '0606'),
      });
    });
    afterEach(() => setClockOffsetDays(0));
    after(() => t.close());

    it('warns, waits the warning period, then anonymises; a legal hold and an open complaint keep their cases', async () => {
      const open = (first: string) =>
        openTestCase(t, worker, { code: '0101', first, second: 'Retención Prueba', age: 30 });
      const due = await open('Canario Vencido');
      const held = await open('Canario Retenido');
      const complaint = await open('Canario Denuncia');
      const recent = await open('Canario Reciente');
      const longAgo = addMonths(addDays(todayIso(), -5), -121);
      for (const id of [due, held, complaint]) await closeOn(id, longAgo);
      await closeOn(recent, addMonths(todayIso(), -12));
      const at = new Date().toISOString();
      await db()
        .insertInto('legal_holds')
        .values({
          id: randomUUID(),
          case_id: held,
          reason_enc: null,
          basis_enc: null,
          placed_by: 'test',
          placed_at: at,
        })
        .execute();
      await db()
        .insertInto('complaints')
        .values({
          id: randomUUID(),
          case_id: complaint,
          filed_on: longAgo,
          institution: null,
          institution_org_id: null,
          prosecutor_office: null,
          prosecutor_org_id: null,
          file_number_enc: null,
          stage: 'instruction',
          charged_on: null,
          outcome: null,
          outcome_on: null,
          sentence_months: null,
          fine_amount: null,
          reparation_enc: null,
          reparation_amount: null,
          created_by: 'test',
          created_at: at,
          updated_at: at,
        })
        .execute();

      // First run: the case past its schedule is warned, not anonymised; held ones are marked held, never warned.
      const first = await runRetention(t.db.ctx);
      assert.equal(first.closed_cases!.warned, 1);
      assert.equal(first.closed_cases!.held, 2);
      assert.equal((await caseRow(due)).anonymised_at, null);
      const warnings = await audits('retention.warning');
      const caseWarnings = warnings.filter((w) => w.details.schedule === 'closed_cases');
      assert.deepEqual(
        caseWarnings.map((w) => w.record_id),
        [due],
      );
      const dueOn = addDays(todayIso(), 30);
      assert.equal(caseWarnings[0]!.details.dueOn, dueOn, 'due after the 30 warning days');
      assert.ok(!JSON.stringify(warnings).includes('Canario'), 'the audit names no one');

      // The upcoming list: administrators see all, the supervisor in scope sees the same, outside it nothing.
      const list = await call(admin, 'GET', '/api/retention/upcoming');
      assert.equal(list.statusCode, 200, list.body);
      const rows = list.json() as { recordType: string; caseId: string; dueOn: string; held: boolean }[];
      const cases = rows.filter((r) => r.recordType === 'closed_cases');
      assert.deepEqual(
        cases.map((r) => [r.caseId, r.held]).sort(),
        [
          [complaint, true],
          [due, false],
          [held, true],
        ].sort(),
      );
      assert.equal(cases.find((r) => r.caseId === due)!.dueOn, dueOn);
      const mine = await call(supervisor, 'GET', '/api/retention/upcoming');
      assert.equal(mine.statusCode, 200);
      assert.ok((mine.json() as { caseId: string }[]).some((r) => r.caseId === due));
      assert.deepEqual((await call(outsider, 'GET', '/api/retention/upcoming')).json(), []);
      assert.equal((await call(worker, 'GET', '/api/retention/upcoming')).statusCode, 403);

      // Idempotent: a second run the same day writes nothing new.
      const again = await runRetention(t.db.ctx);
      assert.equal(again.closed_cases!.warned + again.closed_cases!.held + again.closed_cases!.applied, 0);
      assert.equal((await audits('retention.warning')).length, warnings.length);

      // One day before the warning period ends: still kept.
      setClockOffsetDays(29);
      await runRetention(t.db.ctx);
      assert.equal((await caseRow(due)).anonymised_at, null);

      // The warning period has passed: anonymised, the names gone; the held and the prosecuted cases untouched.
      setClockOffsetDays(30);
      const applied = await runRetention(t.db.ctx);
      assert.equal(applied.closed_cases!.applied, 1);
      assert.ok((await caseRow(due)).anonymised_at);
      const person = await personOf(due);
      assert.ok(person.anonymised_at, 'the person went with their only case');
      assert.equal(person.given_names_enc, null);
      const detail = await call(supervisor, 'GET', `/api/cases/${due}`);
      assert.ok(!detail.body.includes('Canario Vencido'), 'the name is gone');
      for (const id of [held, complaint, recent]) {
        assert.equal((await caseRow(id)).anonymised_at, null);
        assert.equal((await personOf(id)).anonymised_at, null);
      }
      const done = await audits('retention.applied');
      assert.deepEqual(
        done.map((a) => [a.record_id, a.details.schedule]),
        [[due, 'closed_cases']],
      );
      assert.equal((await audits('person.anonymised')).length, 1);

      // Idempotent again; and much later the held cases still stay while held.
      setClockOffsetDays(400);
      await runRetention(t.db.ctx);
      assert.equal((await audits('retention.applied')).length, 1);
      for (const id of [held, complaint]) assert.equal((await caseRow(id)).anonymised_at, null);
    });

    it('two runs at once warn once; referrals lose their free text and closed cases their files, after the warning', async () => {
      const id = await openTestCase(t, worker, { code: '0101', first: 'Canario Archivo', second: 'Prueba', age: 25 });
      // Closed 7 years ago: past the referrals' and attachments' 60 months, not the cases' 120.
      const closed = addMonths(todayIso(), -84);
      await closeOn(id, closed);
      const at = `${closed}T10:00:00.000Z`;
      const referral = randomUUID();
      const sealed = (column: string) =>
        t.db.ctx.crypto.encrypt('Canario texto libre', { table: 'referrals', row: referral, column });
      await db()
        .insertInto('referrals')
        .values({
          id: referral,
          case_id: id,
          provider_id: null,
          to_org_id: null,
          to_user_id: null,
          services: '[]',
          status: 'completed',
          override_reason_enc: null,
          response_reason_enc: sealed('response_reason'),
          reason: 'Other',
          details_enc: sealed('details'),
          accepted_at: at,
          completed_at: at,
          created_by: 'test',
          created_at: at,
          updated_at: at,
        })
        .execute();
      const file = randomUUID();
      await db()
        .insertInto('case_files')
        .values({
          id: file,
          case_id: id,
          kind: 'pdf',
          mime: 'application/pdf',
          size: 4,
          name_enc: null,
          created_by: 'test',
          created_at: at,
        })
        .execute();
      await fileStoreOf(t.db.ctx).put(`case-${file}`, Buffer.from('test'));

      const runs = await Promise.all([runRetention(t.db.ctx), runRetention(t.db.ctx)]);
      for (const type of ['referrals', 'attachments'] as const)
        assert.equal(runs[0]![type]!.warned + runs[1]![type]!.warned, 1, `${type} warned once by two runs`);
      const warned = (await audits('retention.warning')).filter((a) => [referral, id].includes(String(a.record_id)));
      assert.equal(warned.length, 2);
      const row = () => db().selectFrom('referrals').selectAll().where('id', '=', referral).executeTakeFirstOrThrow();
      assert.ok((await row()).details_enc, 'kept during the warning');

      setClockOffsetDays(31);
      const after = await Promise.all([runRetention(t.db.ctx), runRetention(t.db.ctx)]);
      assert.equal(after[0]!.referrals!.applied + after[1]!.referrals!.applied, 1);
      assert.equal(after[0]!.attachments!.applied + after[1]!.attachments!.applied, 1);
      const r = await row();
      assert.equal(r.details_enc, null);
      assert.equal(r.response_reason_enc, null);
      assert.equal(r.status, 'completed', 'the referral itself stays');
      assert.equal((await db().selectFrom('case_files').select('id').where('case_id', '=', id).execute()).length, 0);
      assert.equal(await fileStoreOf(t.db.ctx).get(`case-${file}`), null, 'the stored bytes are gone');
      assert.equal((await caseRow(id)).anonymised_at, null, 'the case itself is kept until its own period');
      const applied = (await audits('retention.applied')).filter((a) => [referral, id].includes(String(a.record_id)));
      assert.deepEqual(applied.map((a) => a.details.schedule).sort(), ['attachments', 'referrals']);
      assert.ok(!JSON.stringify(applied).includes('Canario'));
    });

    it('administrators change a schedule within bounds, audited; others may not', async () => {
      const list = await call(admin, 'GET', '/api/retention/schedules');
      assert.equal(list.statusCode, 200, list.body);
      const byType = Object.fromEntries(
        (list.json() as { recordType: string }[]).map((s) => [s.recordType, s]),
      ) as Record<string, Record<string, unknown>>;
      assert.deepEqual(Object.keys(byType), [
        'closed_cases',
        'persons',
        'referrals',
        'attachments',
        'audit',
        'reports',
      ]);
      assert.equal(byType.closed_cases!.months, 120);
      assert.equal(byType.referrals!.months, 60);
      assert.equal(byType.reports!.days, 90, 'the configured report retention');
      assert.equal(byType.audit!.kept, true);
      assert.equal((await call(supervisor, 'GET', '/api/retention/schedules')).statusCode, 403);
      const put = (who: Signed, type: string, body: object) =>
        call(who, 'PUT', `/api/retention/schedules/${type}`, body);
      assert.equal((await put(admin, 'closed_cases', { months: 1201 })).statusCode, 400);
      assert.equal((await put(admin, 'closed_cases', { warningDays: 0 })).statusCode, 400);
      const unit = await put(admin, 'closed_cases', { days: 3 });
      assert.equal(unit.statusCode, 400);
      assert.equal(unit.json().code, 'retention_unit');
      const configured = await put(admin, 'reports', { days: 120 });
      assert.equal(configured.statusCode, 409, 'public reports follow MINKA_REPORT_RETENTION_DAYS');
      assert.equal(configured.json().code, 'retention_configured');
      assert.equal((await put(supervisor, 'closed_cases', { months: 60 })).statusCode, 403);
      assert.equal((await put(admin, 'nothing', { months: 60 })).statusCode, 400);
      const ok = await put(admin, 'closed_cases', { months: 84, warningDays: 45 });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().months, 84);
      assert.equal(ok.json().warningDays, 45);
      const changed = await audits('retention.schedule_changed');
      assert.deepEqual(changed[0]!.details, {
        schedule: 'closed_cases',
        months: { from: 120, to: 84 },
        warningDays: { from: 30, to: 45 },
      });
    });
  });
}
