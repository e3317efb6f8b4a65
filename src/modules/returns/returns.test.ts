import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { callAs, multipart, openTestCase } from '../../../tests/support/requests';
import { setClockOffsetDays, todayIso } from '../../platform/clock';
import { renderPdf } from '../../platform/pdf/index';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { addMonths } from './reintegration';

/** YYYY-MM-DD `n` days later (UTC calendar). */
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type View = {
  exchanges: { id: string; reference: string | null; documents: { type: string; name: string | null }[] }[];
  tracings: { place: { label: string } }[];
  assessments: { childView: string; decision: string }[];
  returns: {
    id: string;
    plan: {
      id: string;
      months: number[];
      visits: { id: string; month: number; dueOn: string; state: string }[];
    } | null;
  }[];
  abilities: { write: boolean };
};

for (const target of dbTargets()) {
  describe(`cross-border cases and returns on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed;
    let boss: Signed;
    let admin: Signed;
    let org = '';
    let icbf = '';
    let clinic = '';
    const call = callAs(() => t);
    const view = async (who: Signed, caseId: string) => {
      const r = await call(who, 'GET', `/api/cases/${caseId}/returns`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as View;
    };
    const post = (who: Signed, url: string, payload: object) => call(who, 'POST', url, payload);
    const assessment = (decision: string) => ({
      assessedOn: '2026-11-01',
      assessor: 'Psicóloga Prueba',
      findings: 'Hallazgos de prueba',
      childView: 'Quiere volver con su madre (prueba)',
      decision,
      reasons: 'Motivos de prueba',
    });
    const journey = (over: object = {}) => ({
      fromCountry: 'CO',
      fromDivision: 'CO-NAR',
      toDivision: '060652',
      departedOn: '2026-11-10',
      route: 'Ipiales – Tulcán (prueba)',
      accompanyingName: 'Acompañante Prueba',
      accompanyingRole: 'consular',
      receivingOrgId: org,
      ...over,
    });
    /** A child's case with a decision to return, ready for the return. */
    const decidedCase = async (first: string) => {
      const id = await openTestCase(t, worker, { code: '060650', first, second: 'Retorno Prueba', age: 14 });
      assert.equal((await post(worker, `/api/cases/${id}/returns/assessments`, assessment('return'))).statusCode, 200);
      return id;
    };
    const tasksOf = (caseId: string) =>
      t.db.handle.db
        .selectFrom('case_tasks')
        .select(['id', 'due_at', 'done_at'])
        .where('case_id', '=', caseId)
        .where('kind', '=', 'monitoring_visit')
        .orderBy('due_at')
        .execute();

    before(async () => {
      t = await openTestApp(target, { MINKA_RATE_LIMIT_MAX: 1_000_000 });
      await seedGeoDemo(new GeoService(t.db.handle.db));
      org = await makeOrg(t.db.ctx, '0606');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0606', orgId: org });
      boss = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0606', orgId: org });
      admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: 'EC', orgId: org });
      const provider = async (b: object) => {
        const r = await post(admin, '/api/directory', b);
        assert.equal(r.statusCode, 200, r.body);
        return r.json().id as string;
      };
      icbf = await provider({
        name: 'ICBF Nariño (prueba)',
        kind: 'authority',
        country: 'CO',
        division: 'CO-NAR',
        services: ['local_FamilyReunification'],
      });
      clinic = await provider({ name: 'Clínica Prueba', country: 'EC', division: '060650', services: ['Health'] });
    });
    after(() => {
      setClockOffsetDays(0);
      return t.close();
    });

    it('names places abroad from ISO 3166 in the reader language and refuses unknown countries', async () => {
      const co = (await call(worker, 'GET', '/api/places/abroad/CO')).json() as { code: string; name: string }[];
      assert.ok(co.some((d) => d.code === 'CO-NAR' && d.name === 'Nariño'));
      assert.equal((await call(worker, 'GET', '/api/places/abroad/XX')).json().code, 'unknown_place');
      const named = async (lang: string) =>
        (
          (await call(worker, 'GET', '/api/places/abroad', undefined, { 'accept-language': lang })).json() as {
            code: string;
            name: string;
          }[]
        ).find((c) => c.code === 'DE')?.name;
      assert.equal(await named('en'), 'Germany');
      assert.equal(await named('es'), 'Alemania');
      assert.equal(await named('qu-EC'), 'Alemania', 'Kichwa readers get Spanish country names');
    });

    it('records a case received from a foreign authority with its documents; bad places and authorities change nothing', async () => {
      const id = await openTestCase(t, worker, { code: '060650', first: 'Intercambio', second: 'Prueba', age: 15 });
      const url = `/api/cases/${id}/returns/exchanges`;
      const good = {
        direction: 'incoming',
        authorityId: icbf,
        country: 'CO',
        division: 'CO-NAR',
        exchangedOn: '2026-10-01',
        reference: 'REF-PRUEBA-77',
      };
      for (const [payload, code, path] of [
        [{ ...good, division: 'EC-H' }, 'unknown_place', 'body.division'],
        [{ ...good, country: 'XX', division: null }, 'unknown_place', 'body.country'],
        [{ ...good, authorityId: clinic }, 'unknown_authority', 'body.authorityId'],
        [{ ...good, direction: 'sideways' }, 'validation_failed', 'body.direction'],
      ] as const) {
        const r = await post(worker, url, payload);
        assert.equal(r.statusCode, 400, r.body);
        assert.equal(r.json().code, code);
        assert.equal(r.json().fields[0].path, path);
      }
      assert.deepEqual((await view(worker, id)).exchanges, [], 'nothing stored');
      const saved = await post(worker, url, good);
      assert.equal(saved.statusCode, 200, saved.body);
      const ex = (saved.json() as View).exchanges[0]!;
      assert.equal(ex.reference, 'REF-PRUEBA-77');
      const row = await t.db.handle.db.selectFrom('cross_border_exchanges').selectAll().executeTakeFirstOrThrow();
      assert.ok(!row.reference_enc?.includes('PRUEBA'), 'the reference number is sealed');
      // The document is a case file (stored sealed by the case files), linked with its type.
      const body = await multipart(await renderPdf({ content: ['Solicitud de prueba'] }), 'solicitud.pdf');
      const file = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/files`,
        headers: { ...worker.headers, 'content-type': body.type },
        payload: body.payload,
      });
      assert.equal(file.statusCode, 200, file.body);
      const docs = `/api/cases/${id}/returns/exchanges/${ex.id}/documents`;
      const stray = await post(worker, docs, { fileId: crypto.randomUUID(), type: 'court_order' });
      assert.equal(stray.json().code, 'unknown_file');
      const linked = await post(worker, docs, { fileId: file.json().id, type: 'referral_request' });
      const doc = (linked.json() as View).exchanges[0]!.documents[0]!;
      assert.deepEqual([doc.type, doc.name], ['referral_request', 'solicitud.pdf']);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('action', 'like', 'case.return_%')
        .execute();
      assert.ok(audit.length >= 2);
      assert.ok(!JSON.stringify(audit).includes('PRUEBA') && !JSON.stringify(audit).includes('solicitud'));
    });

    it('refuses a return without a best-interest decision to return, and places that do not exist', async () => {
      const id = await openTestCase(t, worker, { code: '060650', first: 'Decision', second: 'Prueba', age: 13 });
      const tracing = {
        tracedOn: '2026-10-20',
        tracedBy: 'Equipo Prueba',
        division: '060301',
        result: 'found',
        familyContact: 'Madre Prueba, 0990000000',
      };
      assert.equal(
        (await post(worker, `/api/cases/${id}/returns/tracings`, { ...tracing, division: '999999' })).json().code,
        'unknown_place',
      );
      const traced = await post(worker, `/api/cases/${id}/returns/tracings`, tracing);
      assert.equal(traced.statusCode, 200, traced.body);
      assert.equal((traced.json() as View).tracings[0]!.place.label, 'Cajabamba, Ecuador');
      const refused = await post(worker, `/api/cases/${id}/returns/journeys`, journey());
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'return_not_decided');
      assert.match(refused.json().message, /interés superior/);
      await post(worker, `/api/cases/${id}/returns/assessments`, assessment('defer'));
      assert.equal((await post(worker, `/api/cases/${id}/returns/journeys`, journey())).statusCode, 409);
      await post(worker, `/api/cases/${id}/returns/assessments`, assessment('return'));
      for (const [over, code, path] of [
        [{ fromDivision: 'PE-LIM' }, 'unknown_place', 'body.fromDivision'],
        [{ toDivision: '999999' }, 'unknown_place', 'body.toDivision'],
        [{ arrivedOn: '2026-11-01' }, 'arrival_before_departure', 'body.arrivedOn'],
        [{ receivingOrgId: undefined }, 'receiving_required', 'body.receivingOrgId'],
        [
          { receivingOrgId: undefined, receivingProviderId: crypto.randomUUID() },
          'unknown_receiver',
          'body.receivingProviderId',
        ],
      ] as const) {
        const r = await post(worker, `/api/cases/${id}/returns/journeys`, journey(over));
        assert.equal(r.statusCode, 400, r.body);
        assert.deepEqual([r.json().code, r.json().fields[0].path], [code, path]);
      }
      assert.deepEqual((await view(worker, id)).returns, [], 'nothing stored');
      const ok = await post(worker, `/api/cases/${id}/returns/journeys`, journey());
      assert.equal(ok.statusCode, 200, ok.body);
      const v = ok.json() as View;
      assert.equal(v.returns[0]!.plan, null, 'no plan before the arrival');
      assert.equal(v.assessments.at(-1)!.childView, 'Quiere volver con su madre (prueba)');
      const row = await t.db.handle.db
        .selectFrom('family_assessments')
        .select('child_view_enc')
        .executeTakeFirstOrThrow();
      assert.ok(!row.child_view_enc.includes('madre'), "the child's view is sealed");
    });

    it('schedules the monitoring visits from the catalogue months, as case tasks', async () => {
      const a = await decidedCase('Catalogo');
      const arrived = '2026-12-01';
      const v = (
        await post(worker, `/api/cases/${a}/returns/journeys`, journey({ arrivedOn: arrived }))
      ).json() as View;
      assert.deepEqual(v.returns[0]!.plan!.months, [1, 3, 6, 12]);
      assert.deepEqual(
        v.returns[0]!.plan!.visits.map((x) => x.dueOn),
        ['2027-01-01', '2027-03-01', '2027-06-01', '2027-12-01'],
      );
      assert.equal((await tasksOf(a)).length, 4);
      // The installation changes its schedule: the next plan follows it (earlier plans keep theirs).
      await t.db.handle.db
        .updateTable('legal_catalogue')
        .set({ data: JSON.stringify({ months: [4, 2] }) })
        .where('list', '=', 'visit_schedule')
        .where('key', '=', 'reintegration')
        .execute();
      try {
        const b = await decidedCase('Cambio');
        const r = (
          await post(worker, `/api/cases/${b}/returns/journeys`, journey({ departedOn: '2026-01-30' }))
        ).json() as View;
        const arrival = await post(worker, `/api/cases/${b}/returns/journeys/${r.returns[0]!.id}/arrival`, {
          arrivedOn: '2026-01-31',
        });
        assert.equal(arrival.statusCode, 200, arrival.body);
        const plan = (arrival.json() as View).returns[0]!.plan!;
        assert.deepEqual(
          [plan.months, plan.visits.map((x) => x.dueOn)],
          [
            [2, 4],
            ['2026-03-31', '2026-05-31'],
          ],
        );
        assert.deepEqual(
          (await tasksOf(b)).map((x) => x.due_at),
          ['2026-03-31T23:59:59.999Z', '2026-05-31T23:59:59.999Z'],
        );
        const again = await post(worker, `/api/cases/${b}/returns/journeys/${r.returns[0]!.id}/arrival`, {
          arrivedOn: '2026-02-01',
        });
        assert.equal(again.json().code, 'return_already_arrived');
        assert.equal((await view(worker, a)).returns[0]!.plan!.months.length, 4);
      } finally {
        await t.db.handle.db
          .updateTable('legal_catalogue')
          .set({ data: JSON.stringify({ months: [1, 3, 6, 12] }) })
          .where('list', '=', 'visit_schedule')
          .where('key', '=', 'reintegration')
          .execute();
      }
      assert.equal(addMonths('2027-01-31', 1), '2027-02-28');
    });

    it('refuses days after today (business clock) and a visit or a closing before the arrival; nothing changes', async () => {
      const id = await decidedCase('Futuro');
      const today = todayIso();
      const tomorrow = addDays(today, 1);
      const refused = async (url: string, payload: object, code: string, field: string) => {
        const r = await post(worker, url, payload);
        assert.equal(r.statusCode, 400, r.body);
        assert.deepEqual([r.json().code, r.json().fields[0].path], [code, `body.${field}`]);
        const said = await Promise.all(
          ['es', 'en', 'qu-EC'].map(
            async (lang) => (await call(worker, 'POST', url, payload, { 'accept-language': lang })).json().message,
          ),
        );
        assert.equal(new Set(said).size, 3, `${code}: a message in each language`);
      };
      const base = `/api/cases/${id}/returns`;
      await refused(
        `${base}/exchanges`,
        { direction: 'incoming', authorityId: icbf, country: 'CO', exchangedOn: tomorrow },
        'date_in_future',
        'exchangedOn',
      );
      await refused(
        `${base}/tracings`,
        { tracedOn: '2031-01-01', tracedBy: 'Equipo Prueba', division: '060301', result: 'found' },
        'date_in_future',
        'tracedOn',
      );
      await refused(
        `${base}/assessments`,
        { ...assessment('return'), assessedOn: tomorrow },
        'date_in_future',
        'assessedOn',
      );
      // A return is recorded once the child has left: neither its departure nor its arrival may lie ahead.
      await refused(`${base}/journeys`, journey({ departedOn: tomorrow }), 'date_in_future', 'departedOn');
      await refused(
        `${base}/journeys`,
        journey({ departedOn: today, arrivedOn: tomorrow }),
        'date_in_future',
        'arrivedOn',
      );
      let v = await view(worker, id);
      assert.deepEqual(
        [v.exchanges.length, v.tracings.length, v.assessments.length, v.returns.length],
        [0, 0, 1, 0],
        'nothing stored',
      );
      const r = (await post(worker, `${base}/journeys`, journey({ departedOn: addDays(today, -10) }))).json() as View;
      const arrival = `${base}/journeys/${r.returns[0]!.id}/arrival`;
      await refused(arrival, { arrivedOn: tomorrow }, 'date_in_future', 'arrivedOn');
      await refused(arrival, { arrivedOn: addDays(today, -11) }, 'arrival_before_departure', 'arrivedOn');
      assert.equal((await view(worker, id)).returns[0]!.plan, null, 'no arrival, no plan');
      assert.deepEqual(await tasksOf(id), []);
      const arrivedOn = addDays(today, -5);
      const plan = ((await post(worker, arrival, { arrivedOn })).json() as View).returns[0]!.plan!;
      const visit = `${base}/visits/${plan.visits[0]!.id}`;
      const close = `${base}/plans/${plan.id}/close`;
      await refused(visit, { doneOn: '2031-01-01', outcome: 'on_track' }, 'date_in_future', 'doneOn');
      await refused(visit, { doneOn: addDays(arrivedOn, -1), outcome: 'on_track' }, 'visit_before_arrival', 'doneOn');
      await refused(close, { outcome: 'reintegrated', closedOn: '2031-01-01' }, 'date_in_future', 'closedOn');
      await refused(
        close,
        { outcome: 'reintegrated', closedOn: addDays(arrivedOn, -1) },
        'plan_closed_before_arrival',
        'closedOn',
      );
      v = await view(worker, id);
      assert.deepEqual(
        v.returns[0]!.plan!.visits.map((x) => x.state),
        ['due', 'due', 'due', 'due'],
        'no visit recorded, the plan still open',
      );
      assert.deepEqual(
        (await tasksOf(id)).map((x) => x.done_at),
        [null, null, null, null],
        'every visit task still open',
      );
      const closedPlans = await t.db.handle.db
        .selectFrom('reintegration_plans')
        .select('id')
        .where('case_id', '=', id)
        .where('status', '!=', 'open')
        .execute();
      assert.deepEqual(closedPlans, []);
      // The day after is refused today and accepted once the business clock reaches it; the arrival day itself is fine.
      try {
        setClockOffsetDays(1);
        const done = await post(worker, visit, { doneOn: tomorrow, outcome: 'on_track' });
        assert.equal(done.statusCode, 200, done.body);
        assert.equal((done.json() as View).returns[0]!.plan!.visits[0]!.state, 'done');
        const closed = await post(worker, close, { outcome: 'reintegrated', closedOn: arrivedOn });
        assert.equal(closed.statusCode, 200, closed.body);
      } finally {
        setClockOffsetDays(0);
      }
    });

    it("schedules the shipped months [1, 3, 6, 12] when the catalogue's visit schedule is retired, missing or unreadable", async () => {
      const entry = () =>
        t.db.handle.db
          .selectFrom('legal_catalogue')
          .selectAll()
          .where('list', '=', 'visit_schedule')
          .where('key', '=', 'reintegration');
      const shipped = await entry().executeTakeFirstOrThrow();
      const today = todayIso();
      const arrive = async (first: string) => {
        const id = await decidedCase(first);
        const r = (
          await post(worker, `/api/cases/${id}/returns/journeys`, journey({ departedOn: addDays(today, -3) }))
        ).json() as View;
        const a = await post(worker, `/api/cases/${id}/returns/journeys/${r.returns[0]!.id}/arrival`, {
          arrivedOn: today,
        });
        assert.equal(a.statusCode, 200, a.body);
        const plan = (a.json() as View).returns[0]!.plan!;
        assert.deepEqual(plan.months, [1, 3, 6, 12], first);
        assert.deepEqual(
          plan.visits.map((x) => x.dueOn),
          [1, 3, 6, 12].map((m) => addMonths(today, m)),
        );
        assert.equal((await tasksOf(id)).length, 4);
        // Recorded with the arrival too (the journey form's own path).
        const direct = await post(
          worker,
          `/api/cases/${await decidedCase(`${first}Directo`)}/returns/journeys`,
          journey({ departedOn: today, arrivedOn: today }),
        );
        assert.equal(direct.statusCode, 200, direct.body);
        assert.deepEqual((direct.json() as View).returns[0]!.plan!.months, [1, 3, 6, 12]);
      };
      const restore = () =>
        t.db.handle.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('legal_catalogue').where('list', '=', 'visit_schedule').execute();
          await trx.insertInto('legal_catalogue').values(shipped).execute();
        });
      try {
        // Retired with other months: the retired months are not used either.
        await t.db.handle.db
          .updateTable('legal_catalogue')
          .set({ active: 0, data: JSON.stringify({ months: [2, 5] }) })
          .where('list', '=', 'visit_schedule')
          .where('key', '=', 'reintegration')
          .execute();
        await arrive('Retirada');
        await t.db.handle.db
          .updateTable('legal_catalogue')
          .set({ active: 1, data: 'not json' })
          .where('list', '=', 'visit_schedule')
          .where('key', '=', 'reintegration')
          .execute();
        await arrive('Ilegible');
        await t.db.handle.db.deleteFrom('legal_catalogue').where('list', '=', 'visit_schedule').execute();
        await arrive('Ausente');
      } finally {
        await restore();
      }
      assert.deepEqual(JSON.parse((await entry().executeTakeFirstOrThrow()).data), { months: [1, 3, 6, 12] });
    });

    it('shows a visit overdue after its day (business clock) on the work boards; recording it and closing the plan close the tasks', async () => {
      const id = await decidedCase('Vencida');
      const today = todayIso();
      const v = (
        await post(worker, `/api/cases/${id}/returns/journeys`, journey({ departedOn: today, arrivedOn: today }))
      ).json() as View;
      const plan = v.returns[0]!.plan!;
      assert.deepEqual(
        plan.visits.map((x) => x.state),
        ['due', 'due', 'due', 'due'],
      );
      const mine = async () =>
        ((await call(worker, 'GET', '/api/me/work')).json() as { caseId: string; kind: string; overdue: boolean }[])
          .filter((w) => w.caseId === id && w.kind === 'monitoring_visit')
          .map((w) => w.overdue);
      assert.deepEqual(await mine(), [false, false, false, false]);
      try {
        setClockOffsetDays(Math.round((Date.parse(addMonths(today, 3)) - Date.parse(today)) / 86_400_000) + 2);
        assert.deepEqual(
          (await view(worker, id)).returns[0]!.plan!.visits.map((x) => x.state),
          ['overdue', 'overdue', 'due', 'due'],
        );
        assert.deepEqual(await mine(), [true, true, false, false]);
        const board = (await call(boss, 'GET', '/api/supervision/overdue')).json() as {
          caseId: string;
          kind: string;
        }[];
        assert.equal(board.filter((b) => b.caseId === id && b.kind === 'monitoring_visit').length, 2);
        const first = plan.visits[0]!;
        const url = `/api/cases/${id}/returns/visits/${first.id}`;
        assert.equal((await post(worker, url, { doneOn: today, outcome: 'great' })).statusCode, 400);
        const rec = await post(worker, url, {
          doneOn: addMonths(today, 1),
          outcome: 'on_track',
          notes: 'Todo bien (prueba)',
        });
        assert.equal(rec.statusCode, 200, rec.body);
        assert.equal((rec.json() as View).returns[0]!.plan!.visits[0]!.state, 'done');
        assert.deepEqual(await mine(), [true, false, false]);
        assert.equal(
          (await post(worker, url, { doneOn: today, outcome: 'concern' })).json().code,
          'visit_already_recorded',
        );
        const close = `/api/cases/${id}/returns/plans/${plan.id}/close`;
        const closed = await post(worker, close, { outcome: 'reintegrated', closedOn: addMonths(today, 3) });
        assert.equal(closed.statusCode, 200, closed.body);
        assert.deepEqual(
          (closed.json() as View).returns[0]!.plan!.visits.map((x) => x.state),
          ['done', 'cancelled', 'cancelled', 'cancelled'],
        );
        assert.deepEqual(await mine(), []);
        assert.equal(
          (await post(worker, close, { outcome: 'lost_contact', closedOn: today })).json().code,
          'reintegration_plan_closed',
        );
      } finally {
        setClockOffsetDays(0);
      }
    });

    it('opens the returns section only to receivers it was shared with, for reading; nobody else finds it', async () => {
      const id = await decidedCase('Compartido');
      const receiver = async () => {
        const orgId = await makeOrg(t.db.ctx, '0606');
        const who = await signInNewUser(t.app, t.db.ctx, { role: 'service_provider', scope: '0606', orgId });
        await post(worker, `/api/cases/${id}/consents`, {
          scope: 'SharingWithOrganisation',
          organisationId: orgId,
          givenBy: 'Guardian',
          giverName: 'Tutora Prueba',
        });
        return { orgId, who };
      };
      const health = await receiver();
      assert.equal(
        (await post(worker, `/api/cases/${id}/referrals`, { toOrgId: health.orgId, services: ['Health'] })).statusCode,
        200,
      );
      assert.equal((await call(health.who, 'GET', `/api/cases/${id}/returns`)).statusCode, 404);
      const family = await receiver();
      await post(worker, `/api/cases/${id}/referrals`, {
        toOrgId: family.orgId,
        services: ['local_FamilyReunification'],
      });
      const seen = await view(family.who, id);
      assert.equal(seen.abilities.write, false);
      assert.equal(seen.assessments[0]!.decision, 'return');
      assert.equal(
        (await post(family.who, `/api/cases/${id}/returns/assessments`, assessment('defer'))).statusCode,
        403,
      );
      assert.equal((await view(worker, id)).abilities.write, true);
      const stranger = await signInNewUser(t.app, t.db.ctx, {
        role: 'caseworker',
        scope: '0101',
        orgId: await makeOrg(t.db.ctx, '0101'),
      });
      assert.equal((await call(stranger, 'GET', `/api/cases/${id}/returns`)).statusCode, 404);
      assert.equal(
        (await post(stranger, `/api/cases/${id}/returns/assessments`, assessment('return'))).statusCode,
        404,
      );
      assert.equal((await view(worker, id)).assessments.length, 1, 'refused writes changed nothing');
    });
  });
}
