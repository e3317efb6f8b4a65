import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets, type TestDb } from '../../tests/support/db';
import { seedDemo } from './index';

for (const target of dbTargets()) {
  describe(`demo seed on ${target.name}`, () => {
    let db: TestDb;
    before(async () => {
      db = await target.open();
    });
    after(() => db.cleanup());

    const count = async () =>
      Number(
        (
          await db.handle.db
            .selectFrom('divisions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('loads the demo cantons and their parishes on first run', async () => {
      assert.deepEqual(await seedDemo(db.ctx), {
        seeded: [
          'geo',
          'access',
          'reports',
          'cases',
          'field',
          'directory',
          'referrals',
          'board',
          'returns',
          'prosecution',
          'rights',
          'retention',
          'plans',
          'insights',
          'forms',
          'studies',
        ],
      });
      const cantons = await db.handle.db
        .selectFrom('divisions')
        .select(['code', 'name'])
        .where('level', '=', 2)
        .orderBy('code')
        .execute();
      // The shared reference data sits beside the checkout: the whole country is loaded, with canton boundaries.
      assert.equal(cantons.length, 221);
      for (const c of [
        { code: '0101', name: 'CUENCA' },
        { code: '0603', name: 'COLTA' },
        { code: '0606', name: 'GUAMOTE' },
      ])
        assert.ok(
          cantons.some((x) => x.code === c.code && x.name === c.name),
          c.name,
        );
      const shapes = await db.handle.db.selectFrom('division_boundaries').select('code').execute();
      assert.equal(shapes.length, 221);
      const parishes = await db.handle.db
        .selectFrom('divisions')
        .select('parent_code')
        .where('level', '=', 3)
        .execute();
      assert.equal(parishes.filter((p) => p.parent_code === '0603').length, 7);
      assert.equal(parishes.filter((p) => p.parent_code === '0606').length, 3);
      assert.ok(parishes.filter((p) => p.parent_code === '0101').length > 30);
    });

    it('creates demo accounts for every role (three caseworkers, two supervisors, an interviewer), all active', async () => {
      const roles = await db.handle.db.selectFrom('user_roles').select('role_key').orderBy('role_key').execute();
      assert.deepEqual(
        roles.map((r) => r.role_key),
        [
          'administrator',
          'caseworker',
          'caseworker',
          'caseworker',
          'donor_viewer',
          'interviewer',
          'municipal_planner',
          'prosecutor',
          'researcher',
          'service_provider',
          'supervisor',
          'supervisor',
          'triage_officer',
        ],
      );
    });

    it("leaves a referral of a Guamote case in the prosecutor's inbox, accepted by the prosecutor", async () => {
      const rows = await db.handle.db
        .selectFrom('referrals as r')
        .innerJoin('organisations as o', 'o.id', 'r.to_org_id')
        .innerJoin('cases as c', 'c.id', 'r.case_id')
        .select(['o.name', 'c.division_code', 'r.status', 'r.services'])
        .orderBy('o.name')
        .execute();
      assert.equal(rows.length, 2);
      assert.equal(rows[1]?.name, 'Fiscalía Provincial de Chimborazo (demo)');
      assert.match(rows[1]?.division_code ?? '', /^0606/);
      // Accepted before the prosecutor recorded the proceedings on it (prosecution demo).
      assert.equal(rows[1]?.status, 'accepted');
      // Need-to-know: a health referral of a Cuenca case to the shelter, and one data-sharing agreement.
      assert.equal(rows[0]?.name, 'Casa de Acogida Demo (ficticia)');
      assert.match(rows[0]?.division_code ?? '', /^0101/);
      assert.deepEqual(JSON.parse(rows[0]?.services ?? '[]'), ['Health']);
      const agreements = await db.handle.db
        .selectFrom('sharing_agreements')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(agreements.n), 1);
    });

    it('leaves an overdue follow-up with the Guamote caseworker', async () => {
      const rows = await db.handle.db
        .selectFrom('case_tasks as t')
        .innerJoin('users as u', 'u.id', 't.assignee_user_id')
        .select(['t.due_at', 'u.scope_code'])
        .where('t.kind', '=', 'follow_up')
        .execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.scope_code, '0606');
      assert.ok((rows[0]?.due_at ?? '') < new Date().toISOString());
    });

    it("gives each demo child's 24-hour task to the canton's caseworker", async () => {
      const rows = await db.handle.db
        .selectFrom('case_tasks as t')
        .innerJoin('cases as c', 'c.id', 't.case_id')
        .leftJoin('users as u', 'u.id', 't.assignee_user_id')
        .select(['c.division_code', 't.assignee_user_id', 'u.scope_code'])
        .where('t.kind', '=', 'notify_child_protection')
        .execute();
      assert.ok(rows.length > 0);
      for (const r of rows) {
        assert.ok(r.assignee_user_id, `the child's task in ${r.division_code} has an assignee`);
        assert.equal(r.scope_code, r.division_code.slice(0, 4));
      }
    });

    it('leaves a Guamote support plan in review and the complaint filed, for the supervisor and prosecutor', async () => {
      const plans = await db.handle.db
        .selectFrom('support_plans as p')
        .innerJoin('cases as c', 'c.id', 'p.case_id')
        .select(['p.status', 'c.division_code', 'p.objectives_enc'])
        .execute();
      assert.deepEqual(
        plans.map((p) => [p.status, p.division_code.slice(0, 4)]),
        [['submitted', '0606']],
      );
      assert.ok(!plans[0]?.objectives_enc.includes('DEMO'), 'objectives are stored encrypted');
      const legal = await db.handle.db.selectFrom('legal_proceedings').select('stage').execute();
      assert.deepEqual(
        legal.map((l) => l.stage),
        ['Complaint'],
      );
    });

    it('seeds the Colta local plan on four axes with an agreement, indicators, activities and an ordinance', async () => {
      const plans = await db.handle.db.selectFrom('local_plans').selectAll().execute();
      assert.deepEqual(
        plans.map((p) => [p.division_code, Number(p.year_from), Number(p.year_to)]),
        [['0603', 2025, 2026]],
      );
      const axes = await db.handle.db.selectFrom('plan_objectives').select('axis').orderBy('position').execute();
      assert.deepEqual(
        axes.map((a) => a.axis),
        ['prevention', 'protection', 'prosecution', 'governance'],
      );
      assert.equal((await db.handle.db.selectFrom('indicator_values').selectAll().execute()).length, 2);
      assert.equal((await db.handle.db.selectFrom('agreement_commitments').selectAll().execute()).length, 2);
    });

    it('returns a Guamote child from Colombia: two monitoring visits done, the 6-month one overdue, the 12-month one due', async () => {
      const r = await db.handle.db
        .selectFrom('case_returns as r')
        .innerJoin('cases as c', 'c.id', 'r.case_id')
        .select(['r.id', 'r.from_division', 'r.to_division', 'c.division_code', 'r.route_enc'])
        // The figures' demo adds returns of its own (insights); this one is the Guamote child's.
        .where('c.division_code', '=', '060652')
        .execute();
      assert.deepEqual(
        r.map((x) => [x.from_division, x.to_division, x.division_code.slice(0, 4)]),
        [['CO-NAR', '060652', '0606']],
      );
      assert.ok(!r[0]?.route_enc?.includes('DEMO'), 'the route is stored encrypted');
      const visits = await db.handle.db
        .selectFrom('monitoring_visits as v')
        .innerJoin('case_tasks as t', 't.id', 'v.task_id')
        .innerJoin('reintegration_plans as p', 'p.id', 'v.plan_id')
        .where('p.return_id', '=', r[0]!.id)
        .select(['v.month', 'v.done_on', 't.done_at', 't.due_at', 't.kind'])
        .orderBy('v.month')
        .execute();
      const now = new Date().toISOString();
      assert.deepEqual(
        visits.map((v) => [Number(v.month), v.done_on !== null, v.done_at !== null, !v.done_at && v.due_at < now]),
        [
          [1, true, true, false],
          [3, true, true, false],
          [6, false, false, true],
          [12, false, false, false],
        ],
      );
      const authorities = await db.handle.db.selectFrom('providers').select(['kind', 'division_code']).execute();
      assert.deepEqual(
        authorities.filter((p) => p.kind !== 'service').map((p) => [p.kind, p.division_code]),
        [
          ['authority', 'CO-NAR'],
          ['consulate', 'CO-NAR'],
        ],
      );
    });

    it('notifies the Guamote board for a child and leaves an emergency custody awaiting the judge', async () => {
      const db0 = db.handle.db;
      const notices = await db0
        .selectFrom('board_notifications as n')
        .innerJoin('cases as c', 'c.id', 'n.case_id')
        .select(['c.division_code', 'n.delivered_at', 'n.delivery_method', 'n.proof_file_id', 'n.case_id'])
        .execute();
      assert.equal(notices.length, 1);
      assert.equal(notices[0]?.division_code.slice(0, 4), '0606');
      assert.ok(notices[0]?.delivered_at && notices[0].delivery_method && notices[0].proof_file_id);
      const task = await db0
        .selectFrom('case_tasks')
        .select('done_at')
        .where('case_id', '=', notices[0]!.case_id)
        .where('kind', '=', 'notify_child_protection')
        .executeTakeFirst();
      assert.ok(task?.done_at, 'the delivery closed the 24-hour task');
      const measures = await db0
        .selectFrom('board_measures')
        .select(['type', 'decided_by', 'ratification', 'review_on', 'status'])
        .where('case_id', '=', notices[0]!.case_id)
        .orderBy('type')
        .execute();
      const today = new Date().toISOString().slice(0, 10);
      assert.deepEqual(
        measures.map((m) => [m.type, m.decided_by, m.ratification, m.status, (m.review_on ?? '') > today]),
        [
          ['emergency_custody', 'board', 'pending', 'active', true],
          ['family_support', 'board', null, 'active', true],
        ],
      );
      assert.equal(
        (await db0.selectFrom('board_hearings').select('id').where('case_id', '=', notices[0]!.case_id).execute())
          .length,
        1,
      );
    });

    it('leaves a complaint under COIP art. 91 at the instruction stage on the case referred to the Fiscalía', async () => {
      const db0 = db.handle.db;
      const fiscalia = await db0
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Fiscalía Provincial de Chimborazo (demo)')
        .executeTakeFirstOrThrow();
      const complaints = await db0
        .selectFrom('complaints as k')
        .innerJoin('referrals as r', 'r.case_id', 'k.case_id')
        .select(['k.id', 'k.stage', 'k.charged_on', 'k.outcome', 'k.file_number_enc'])
        .where('k.prosecutor_org_id', '=', fiscalia.id)
        .where('r.to_org_id', '=', fiscalia.id)
        .execute();
      assert.equal(complaints.length, 1);
      const [k] = complaints;
      assert.equal(k?.stage, 'instruction');
      assert.ok(k?.charged_on && k.outcome === null);
      assert.ok(k?.file_number_enc && !k.file_number_enc.includes('DEMO'), 'the file number is sealed');
      const charges = await db0
        .selectFrom('complaint_charges as x')
        .innerJoin('complaint_suspects as s', 's.id', 'x.suspect_id')
        .innerJoin('case_perpetrators as p', 'p.id', 's.perpetrator_id')
        .select('x.offence')
        .where('x.complaint_id', '=', k!.id)
        .execute();
      assert.deepEqual(
        charges.map((x) => x.offence),
        ['coip_91'],
        'charged against one of the case perpetrators',
      );
    });

    it('logs rights requests for the Cuenca supervisor (one due in 4 days, one answered, one overdue with a flag) and a legal hold', async () => {
      const db0 = db.handle.db;
      const requests = await db0
        .selectFrom('data_requests')
        .select(['right', 'status', 'due_on'])
        .orderBy('right')
        .execute();
      const today = new Date().toISOString().slice(0, 10);
      const inDays = (n: number) =>
        new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      assert.deepEqual(requests, [
        { right: 'access', status: 'open', due_on: inDays(4) },
        { right: 'objection', status: 'open', due_on: inDays(-10) },
        { right: 'rectification', status: 'answered', due_on: inDays(-5) },
      ]);
      const flags = await db0.selectFrom('person_flags').select(['flag', 'lifted_at']).execute();
      assert.deepEqual(flags, [{ flag: 'objection', lifted_at: null }]);
      const holds = await db0
        .selectFrom('legal_holds as h')
        .innerJoin('cases as c', 'c.id', 'h.case_id')
        .select(['c.status', 'c.division_code', 'h.lifted_at'])
        .execute();
      assert.deepEqual(holds, [{ status: 'Closed', division_code: '060301', lifted_at: null }]);
    });

    it('adds nothing on a second run', async () => {
      const before = await count();
      assert.deepEqual(await seedDemo(db.ctx), { seeded: [] });
      assert.equal(await count(), before);
    });
  });
}
