import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { makeOrg, makeUser, type Signed, signIn, signInNewUser, testPassword } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { hostilePdf } from '../../../tests/support/hostile-files';
import { multipart } from '../../../tests/support/requests';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

for (const target of dbTargets()) {
  describe(`local plans on ${target.name}`, () => {
    let t: TestApp;
    let planner: Signed;
    let donor: Signed;
    let supervisor: Signed;
    let otherPlanner: Signed;
    let gad = '';
    let planId = '';
    const send = (s: Signed, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) =>
      t.app.inject({ method, url, payload, headers: s.headers });
    const get = (s: Signed, url: string) => t.app.inject({ url, headers: s.headers });

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      gad = await makeOrg(t.db.ctx, '0603', 'GAD Colta (prueba)');
      const planUser = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: gad });
      planner = await signIn(t.app, planUser.email, { password: testPassword });
      const donorUser = await makeUser(t.db.ctx, {
        role: 'donor_viewer',
        scope: 'EC',
        orgId: await makeOrg(t.db.ctx, 'EC', 'Donante (prueba)'),
      });
      donor = await signIn(t.app, donorUser.email, { password: testPassword });
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0603', orgId: gad });
      const other = await makeUser(t.db.ctx, {
        role: 'municipal_planner',
        scope: '0101',
        orgId: await makeOrg(t.db.ctx, '0101'),
      });
      otherPlanner = await signIn(t.app, other.email, { password: testPassword });
    });
    after(() => t.close());

    it('builds the plan on four axes with actions, indicators, activities and an approved ordinance', async () => {
      const created = await send(planner, 'POST', '/api/local-plans', {
        title: 'Plan local contra la trata 2026–2027 (prueba)',
        division: { country: 'EC', code: '0603' },
        yearFrom: 2026,
        yearTo: Math.max(2027, new Date().getUTCFullYear()),
      });
      assert.equal(created.statusCode, 200, created.body);
      planId = created.json().id;
      const again = await send(planner, 'POST', '/api/local-plans', {
        title: 'Otro plan',
        division: { country: 'EC', code: '0603' },
        yearFrom: 2027,
        yearTo: 2027,
      });
      assert.equal(again.json().code, 'plan_exists');
      const budgets: Record<string, [number, number]> = {
        prevention: [10000, 4000],
        protection: [20000, 5000],
        prosecution: [5000, 0],
        governance: [3000, 3000],
      };
      for (const [axis, [planned, executed]] of Object.entries(budgets)) {
        const o = await send(planner, 'POST', `/api/local-plans/${planId}/objectives`, {
          axis,
          text: `Objetivo de ${axis} (prueba)`,
          nationalObjective: 'PNT-1',
        });
        assert.equal(o.statusCode, 200, o.body);
        const a = await send(planner, 'POST', `/api/local-plans/${planId}/actions`, {
          objectiveId: o.json().id,
          title: `Acción de ${axis} (prueba)`,
          responsibleOrgId: gad,
          budgetPlanned: planned,
          budgetExecuted: executed,
          status: axis === 'governance' ? 'done' : 'in_progress',
        });
        assert.equal(a.statusCode, 200, a.body);
      }
      const ind = await send(planner, 'POST', `/api/local-plans/${planId}/indicators`, {
        code: 'P1',
        name: 'Personas capacitadas',
        kind: 'output',
        unit: 'count',
        dimensions: ['sex', 'age_group'],
        targets: { '2027-Q1': 100, '2027-Q2': 150 },
      });
      assert.equal(ind.statusCode, 200, ind.body);
      for (const [period, value, female, male] of [
        ['2027-Q1', 120, 70, 50],
        ['2027-Q2', 80, 45, 35],
      ] as const) {
        const v = await send(planner, 'PUT', `/api/local-plans/${planId}/indicators/${ind.json().id}/values`, {
          period,
          value,
          breakdown: { sex: { female, male }, age_group: { '12-17': value - 20, '18-29': 20 } },
        });
        assert.equal(v.statusCode, 200, v.body);
      }
      const act = await send(planner, 'POST', `/api/local-plans/${planId}/activities`, {
        kind: 'radio_spot',
        title: 'Cuñas radiales en kichwa (prueba)',
        heldOn: '2027-02-10',
        division: '060301',
        language: 'qu',
        organisers: ['GAD Colta (prueba)'],
        participants: 40,
        breakdown: { sex: { female: 25, male: 15 } },
      });
      assert.equal(act.statusCode, 200, act.body);
      const ord = await send(planner, 'POST', `/api/local-plans/${planId}/instruments`, {
        kind: 'ordinance',
        title: 'Ordenanza contra la trata (prueba)',
        status: 'debated',
        date: '2027-01-20',
      });
      const approved = await send(planner, 'POST', `/api/local-plans/${planId}/instruments/${ord.json().id}/status`, {
        status: 'approved',
        date: '2027-03-05',
      });
      assert.equal(approved.statusCode, 200, approved.body);
      const p = approved.json();
      assert.equal(p.instruments[0].status, 'approved');
      assert.deepEqual(
        p.instruments[0].history.map((h: { status: string }) => h.status),
        ['debated', 'approved'],
      );
      assert.deepEqual(
        p.objectives.map((o: { axis: string }) => o.axis),
        ['prevention', 'protection', 'prosecution', 'governance'],
      );
      assert.equal(p.progress.budgetPlanned, 38000);
      assert.equal(p.progress.budgetExecuted, 12000);
      assert.equal(p.progress.budgetExecution, 31.6);
      assert.equal(p.progress.byAxis.find((a: { axis: string }) => a.axis === 'governance').execution, 100);
      assert.equal(p.progress.participants, 40);
      assert.deepEqual(
        p.progress.indicators[0].targets.map((x: { value: number }) => x.value),
        [120, 80],
      );
    });

    it('refuses a value that breaks its definition, naming the indicator, and changes nothing', async () => {
      const plan = (await get(planner, `/api/local-plans/${planId}`)).json();
      const id = plan.indicators[0].id;
      const put = (payload: object) =>
        send(planner, 'PUT', `/api/local-plans/${planId}/indicators/${id}/values`, payload);
      const negative = await put({ period: '2027-Q3', value: -5 });
      assert.equal(negative.statusCode, 400);
      assert.equal(negative.json().code, 'indicator_value_negative');
      assert.match(negative.json().message, /P1 Personas capacitadas/);
      const sum = await put({ period: '2027-Q3', value: 50, breakdown: { sex: { female: 20, male: 20 } } });
      assert.equal(sum.json().code, 'indicator_breakdown_sum');
      assert.match(sum.json().message, /P1 Personas capacitadas.*suma 40.*total es 50/);
      assert.equal(
        (await put({ period: '2027-Q3', value: 5, breakdown: { ethnicity: { Indigena: 5 } } })).json().code,
        'indicator_dimension_undefined',
      );
      assert.equal(
        (await put({ period: '2027-Q3', value: 5, breakdown: { sex: { alien: 5 } } })).json().code,
        'indicator_category_unknown',
      );
      assert.equal((await put({ period: '2027-Q3', value: 2.5 })).json().code, 'indicator_value_not_whole');
      assert.equal((await put({ period: '2031-Q1', value: 5 })).json().code, 'period_outside_plan');
      assert.equal((await put({ period: '2027-Q5', value: 5 })).statusCode, 400);
      const plan2 = (await get(planner, `/api/local-plans/${planId}`)).json();
      const objectiveId = plan2.objectives[0].id;
      const bad = async (method: 'POST' | 'PATCH', url: string, payload: object) =>
        (await send(planner, method, url, payload)).json().code;
      assert.equal(
        await bad('POST', `/api/local-plans/${planId}/actions`, {
          objectiveId,
          title: 'Acción enorme',
          budgetPlanned: 1e12,
        }),
        'validation_failed',
      );
      assert.equal(
        await bad('POST', `/api/local-plans/${planId}/actions`, {
          objectiveId,
          title: 'Acción con compromiso ajeno',
          budgetPlanned: 1,
          commitmentId: objectiveId,
        }),
        'unknown_commitment',
      );
      assert.equal(
        await bad('POST', `/api/local-plans/${planId}/actions`, {
          objectiveId,
          title: 'Acción de organización inexistente',
          budgetPlanned: 1,
          responsibleOrgId: objectiveId,
        }),
        'unknown_organisation',
      );
      assert.equal(
        await bad('POST', `/api/local-plans/${planId}/activities`, {
          kind: 'training',
          title: 'Taller de 1999',
          heldOn: '1999-05-05',
          organisers: ['GAD'],
          participants: 1,
        }),
        'date_outside_plan',
      );
      assert.equal(
        await bad('POST', '/api/agreements', {
          title: 'Convenio duplicado',
          parties: [gad, gad],
          division: { country: 'EC', code: '0603' },
          signedOn: '2026-01-01',
        }),
        'duplicate_parties',
      );
      assert.equal(
        (await get(planner, `/api/local-plans/${planId}/report.pdf?period=2031`)).json().code,
        'period_outside_plan',
      );
      const after = (await get(planner, `/api/local-plans/${planId}`)).json();
      assert.deepEqual(
        after.indicators[0].values.map((v: { period: string }) => v.period),
        ['2027-Q1', '2027-Q2'],
      );
    });

    it('shows a donor the progress with a small case-derived count suppressed, and a supervisor the number', async () => {
      // Three Colta cases identified in the third quarter of 2026 (a closed period): fewer than k = 11.
      const ids: string[] = [];
      for (const n of [1, 2, 3]) {
        const c = await send(supervisor, 'POST', '/api/cases', {
          division: { country: 'EC', code: '060301' },
          person: { prs_FirstName: `Indicador${n}`, prs_SecondName: 'Prueba' },
          local_AgeAtIntake: 30,
        });
        await send(supervisor, 'POST', `/api/cases/${c.json().id}/decision`, {
          vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
          vic_TraffickingStatusDecisionMakingOrg: 'NGO',
          reason: 'Indicadores de prueba',
        });
        ids.push(c.json().id);
      }
      await t.db.handle.db
        .updateTable('cases')
        .set({ decided_at: '2026-08-14T15:00:00.000Z' })
        .where('id', 'in', ids)
        .execute();
      const quarter = '2026-Q3';
      const ind = await send(planner, 'POST', `/api/local-plans/${planId}/indicators`, {
        code: 'R1',
        name: 'Víctimas identificadas',
        kind: 'outcome',
        unit: 'count',
        source: 'cases_victims_identified',
        targets: { [quarter]: 5 },
      });
      assert.equal(ind.statusCode, 200, ind.body);
      const computed = (s: Signed) =>
        get(s, `/api/local-plans/${planId}`).then((r) =>
          r.json().indicators.find((i: { code: string }) => i.code === 'R1'),
        );
      const seenByDonor = await computed(donor);
      const cell = seenByDonor.values.find((v: { period: string }) => v.period === quarter);
      assert.deepEqual(cell, { period: quarter, value: null, suppressed: true, breakdown: {} });
      const yearCell = seenByDonor.values.find((v: { period: string }) => v.period === '2026');
      assert.equal(yearCell.value, null, 'the year total would give the quarter away');
      const donorText = JSON.stringify((await get(donor, `/api/local-plans/${planId}`)).json());
      assert.ok(!/"value":3[,}]/.test(donorText), 'the number 3 reaches the donor nowhere in the plan');
      const exact = await computed(supervisor);
      assert.equal(exact.values.find((v: { period: string }) => v.period === quarter).value, 3);
      // A report leaves Minka: even the supervisor's PDF shows the cell suppressed.
      const pdf = await t.app.inject({
        url: `/api/local-plans/${planId}/report.pdf?period=2026`,
        headers: supervisor.headers,
      });
      const text = (
        await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true })
      ).text.replace(/\s+/g, ' ');
      assert.ok(text.includes('R1 Víctimas identificadas 2026-Q3 5 suprimido'), text);
      // Figures from cases only on canton plans: a parish plan could be subtracted from its canton.
      const parish = await send(planner, 'POST', '/api/local-plans', {
        title: 'Plan parroquial (prueba)',
        division: { country: 'EC', code: '060302' },
        yearFrom: 2026,
        yearTo: 2026,
      });
      const parishInd = await send(planner, 'POST', `/api/local-plans/${parish.json().id}/indicators`, {
        code: 'R9',
        name: 'Víctimas de la parroquia',
        kind: 'outcome',
        unit: 'count',
        source: 'cases_victims_identified',
      });
      assert.equal(parishInd.json().code, 'indicator_cases_canton_only');
      // Values of computed indicators are not entered by hand.
      const manual = await send(planner, 'PUT', `/api/local-plans/${planId}/indicators/${ind.json().id}/values`, {
        period: quarter,
        value: 3,
      });
      assert.equal(manual.json().code, 'indicator_computed');
    });

    it('feeds an indicator from the activities, and compares plans for a donor', async () => {
      const ind = await send(planner, 'POST', `/api/local-plans/${planId}/indicators`, {
        code: 'A1',
        name: 'Participantes en actividades de prevención',
        kind: 'output',
        unit: 'count',
        source: 'activities_participants',
      });
      assert.equal(ind.statusCode, 200, ind.body);
      const a1 = (await get(donor, `/api/local-plans/${planId}`))
        .json()
        .indicators.find((i: { code: string }) => i.code === 'A1');
      const byPeriod = Object.fromEntries(a1.values.map((v: { period: string; value: number }) => [v.period, v.value]));
      assert.equal(byPeriod['2027-Q1'], 40, 'the radio campaign of February');
      assert.equal(byPeriod['2027'], 40);
      const all = (await get(donor, '/api/local-plans/compare')).json();
      assert.equal(all.length, 2, 'the canton plan and the parish plan');
      const compare = all.filter((c: { id: string }) => c.id === planId);
      assert.deepEqual(
        [
          compare[0].actions,
          compare[0].done,
          compare[0].budgetPlanned,
          compare[0].budgetExecuted,
          compare[0].instrumentsApproved,
        ],
        [4, 1, 38000, 12000, 1],
      );
      assert.equal(compare[0].division.label, 'Colta');
    });

    it('keeps evidence of an action and an agreement document, encrypted, with audited downloads', async () => {
      const plan = (await get(planner, `/api/local-plans/${planId}`)).json();
      const actionId = plan.objectives[0].actions[0].id;
      const pdf = await hostilePdf();
      const upload = async (url: string, bytes: Buffer, name: string) => {
        const m = await multipart(bytes, name);
        return t.app.inject({
          method: 'POST',
          url,
          payload: m.payload,
          headers: { ...planner.headers, 'content-type': m.type },
        });
      };
      const up = await upload(`/api/local-plans/${planId}/documents?action=${actionId}`, pdf, 'asistencia.pdf');
      assert.equal(up.statusCode, 200, up.body);
      assert.equal(up.json().actionId, actionId);
      const stored = (await get(planner, `/api/local-plans/${planId}`)).json().documents;
      assert.deepEqual(
        stored.map((d: { name: string }) => d.name),
        ['asistencia.pdf'],
      );
      // Evidence may name people: a donor neither lists nor downloads it.
      assert.deepEqual((await get(donor, `/api/local-plans/${planId}`)).json().documents, []);
      const url = `/api/local-plans/${planId}/documents/${up.json().id}`;
      assert.equal((await t.app.inject({ url, headers: donor.headers })).statusCode, 404);
      const back = await t.app.inject({ url, headers: planner.headers });
      assert.equal(back.statusCode, 200);
      // Stored rewritten (no scripts, author or attachments), with its page and text.
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(back.rawPayload)), { mergePages: true });
      assert.match(text, /Acta de prueba/);
      assert.doesNotMatch(back.rawPayload.toString('latin1'), /JavaScript|Author|CANARY/);
      assert.equal(
        (await upload(`/api/local-plans/${planId}/documents`, Buffer.from('MZ ejecutable'), 'x.exe')).json().code,
        'file_type_not_allowed',
      );
      assert.equal(
        (await upload(`/api/local-plans/${planId}/documents?action=${planId}`, pdf, 'a.pdf')).json().code,
        'unknown_action',
      );
      const agreement = await send(planner, 'POST', '/api/agreements', {
        title: 'Convenio de prueba',
        parties: [gad, (await get(donor, '/api/auth/session')).json().user.organisation.id],
        division: { country: 'EC', code: '0603' },
        signedOn: '2026-02-01',
        commitments: [{ text: 'Capacitar a 100 personas' }],
      });
      assert.equal(agreement.statusCode, 200, agreement.body);
      const doc = await upload(`/api/agreements/${agreement.json().id}/documents`, pdf, 'convenio.pdf');
      assert.equal(doc.statusCode, 200, doc.body);
      assert.equal((await get(planner, `/api/agreements/${agreement.json().id}`)).json().documents.length, 1);
      // Nor does the donor see it through the agreement, alone or in the list.
      assert.deepEqual((await get(donor, `/api/agreements/${agreement.json().id}`)).json().documents, []);
      for (const a of (await get(donor, '/api/agreements')).json()) assert.deepEqual(a.documents, []);
      const rows = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', '%document%')
        .execute();
      assert.ok(rows.some((r) => r.action === 'plan.document_downloaded'));
    });

    it('keeps plans inside the jurisdiction', async () => {
      assert.equal((await get(otherPlanner, `/api/local-plans/${planId}`)).statusCode, 404);
      assert.deepEqual((await get(otherPlanner, '/api/local-plans')).json(), []);
      assert.equal((await get(donor, '/api/local-plans')).json().length, 2);
      const write = await send(donor, 'POST', `/api/local-plans/${planId}/objectives`, {
        axis: 'prevention',
        text: 'Objetivo no permitido',
      });
      assert.equal(write.statusCode, 403);
    });

    it('produces the period report as PDF and XLSX with the figures', async () => {
      const pdf = await t.app.inject({
        url: `/api/local-plans/${planId}/report.pdf?period=2027`,
        headers: donor.headers,
      });
      assert.equal(pdf.statusCode, 200, pdf.body);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = (
        await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true })
      ).text.replace(/\s+/g, ' ');
      for (const expected of [
        'Plan local contra la trata 2026–2027 (prueba)',
        'planificado 38000 USD · ejecutado 12000 USD (31.6 %)',
        'Prevención y promoción de derechos 1 0 0 % 10000 4000',
        'Gobernanza y coordinación 1 1 100 % 3000 3000',
        'Total 4 1 38000 12000',
        'P1 Personas capacitadas 2027-Q1 100 120',
        'P1 Personas capacitadas 2027-Q2 150 80',
        'Cuñas radiales en kichwa (prueba) 40 25 15',
        'Ordenanza contra la trata (prueba) Aprobado 2027-03-05',
      ])
        assert.ok(text.includes(expected), `PDF lacks "${expected}": ${text}`);
      const xlsx = await t.app.inject({
        url: `/api/local-plans/${planId}/report.xlsx?period=2027`,
        headers: donor.headers,
      });
      assert.equal(xlsx.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(
        wb.worksheets.map((w) => w.name),
        ['Resumen', 'Ejes', 'Acciones', 'Indicadores', 'Actividades', 'Instrumentos'],
      );
      const axes = wb.getWorksheet('Ejes')!;
      assert.deepEqual((axes.getRow(1).values as unknown[]).slice(1), [
        'Eje',
        'Acciones',
        'Cumplidas',
        'Ejecución',
        'Presupuesto planificado (USD)',
        'Presupuesto ejecutado (USD)',
      ]);
      const total = axes.getRow(axes.rowCount).values as unknown[];
      assert.deepEqual([total[1], total[2], total[3], total[5], total[6]], ['Total', 4, 1, 38000, 12000]);
      const inds = wb.getWorksheet('Indicadores')!;
      const rows = inds.getSheetValues().slice(2) as unknown[][];
      assert.deepEqual(
        rows.filter((r) => r[1] === 'P1').map((r) => [r[3], r[4], r[5]]),
        [
          ['2027-Q1', 100, 120],
          ['2027-Q2', 150, 80],
        ],
      );
    });
  });
}
