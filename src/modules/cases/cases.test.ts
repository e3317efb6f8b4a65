import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

const child = {
  division: { country: 'EC', code: '060651' },
  person: {
    prs_FirstName: 'Sisa',
    prs_SecondName: 'Quishpe Guamán',
    local_BirthYear: 2012,
    prs_Gender: 'Feminine',
    local_Ethnicity: 'Indigena',
    local_Languages: ['qu', 'es'],
  },
  local_AgeAtIntake: 14,
  vic_TypeOfExploitation: ['ForcedBegging'],
  vic_MethodOfRecruitment: ['ThroughFamilyOrFamilyEvents'],
  vic_RelationshipToTrafficker: 'Acquainted',
  perpetrators: [
    {
      per_RoleInProcess: ['RecruiterOrIntermediary', 'Transporter'],
      per_RoleDetails: 'Vecino conocido de la familia (prueba)',
    },
  ],
  events: [
    {
      hte_Type: 'Recruitment',
      local_DivisionCode: '060651',
      hte_Date: '2027-03',
      hte_Description: 'Un vecino ofreció trabajo (prueba)',
    },
    {
      hte_Type: 'Exploitation',
      hte_Country: 'CO',
      hte_Date: '2027-04',
      hte_Description: 'Pedir dinero en la calle (prueba)',
    },
  ],
};

for (const target of dbTargets()) {
  describe(`case management on ${target.name}`, () => {
    let t: TestApp;
    let guamote: Signed;
    let cuenca: Signed;
    let supervisor: Signed;
    let caseId = '';
    const post = (s: Signed, url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, payload, headers: s.headers });
    const get = (s: Signed, url: string) => t.app.inject({ url, headers: s.headers });

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const gOrg = await makeOrg(t.db.ctx, '0606');
      const cOrg = await makeOrg(t.db.ctx, '0101');
      guamote = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0606', orgId: gOrg });
      cuenca = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0101', orgId: cOrg });
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0606', orgId: gOrg });
    });
    after(() => t.close());

    it('opens a child’s case with a code, personal fields encrypted and a 24-hour safeguard task', async () => {
      const res = await post(guamote, '/api/cases', child);
      assert.equal(res.statusCode, 200, res.body);
      const { id, code, isMinor } = res.json();
      caseId = id;
      assert.match(code, /^GUA-\d{4}-0001$/);
      assert.equal(isMinor, true);
      const c = (await get(guamote, `/api/cases/${id}`)).json();
      assert.equal(c.person.prs_FirstName, 'Sisa');
      assert.equal(c.events.length, 2);
      assert.deepEqual(
        c.perpetrators.map((p: { per_RoleInProcess: string[]; per_RoleDetails: string }) => [
          p.per_RoleInProcess,
          p.per_RoleDetails,
        ]),
        [[['RecruiterOrIntermediary', 'Transporter'], 'Vecino conocido de la familia (prueba)']],
      );
      assert.equal(c.tasks[0].kind, 'notify_child_protection');
      assert.equal(c.tasks[0].authority, 'JuntaCantonalProteccionDerechos');
      const due = Date.parse(c.tasks[0].dueAt) - Date.now();
      assert.ok(due > 23 * 3_600_000 && due <= 24 * 3_600_000);
      assert.deepEqual(c.safeguardsMissing, ['notify_child_protection', 'guardian', 'best_interest']);
      const raw =
        JSON.stringify(await t.db.handle.db.selectFrom('persons').selectAll().execute()) +
        JSON.stringify(await t.db.handle.db.selectFrom('case_events').selectAll().execute());
      assert.doesNotMatch(
        raw + JSON.stringify(await t.db.handle.db.selectFrom('case_perpetrators').selectAll().execute()),
        /Sisa|Quishpe|vecino|Vecino/,
      );
    });

    it('refuses a value outside the HTCDS picklists, naming the field and the allowed values', async () => {
      const res = await post(guamote, '/api/cases', { ...child, vic_TypeOfExploitation: ['Begging'] });
      assert.equal(res.statusCode, 400);
      const body = res.json();
      assert.equal(body.code, 'validation_failed');
      // The message names the field in words; the machine detail keeps the path and the allowed values.
      assert.match(body.message, /Formas de explotación/);
      assert.doesNotMatch(body.message, /body\.|invalid_value|allowed/);
      const field = body.fields.find((f: { path: string }) => f.path === 'body.vic_TypeOfExploitation.0');
      assert.match(field.problem, /invalid_value \(allowed: ForcedLabour, SexualExploitation, .*ForcedBegging/);
      assert.equal(field.message, 'Formas de explotación: elija una de las opciones de la lista');
    });

    it('needs a name and an age to open a case, but saves a draft without them', async () => {
      const incomplete = await post(guamote, '/api/cases', { division: { country: 'EC', code: '0606' } });
      assert.equal(incomplete.statusCode, 400);
      assert.equal(incomplete.json().code, 'case_incomplete');
      const draft = await post(guamote, '/api/cases', { draft: true, division: { country: 'EC', code: '0606' } });
      assert.equal(draft.statusCode, 200);
      assert.equal((await get(guamote, `/api/cases/${draft.json().id}`)).json().stage, 'Draft');
    });

    it('answers 404 to a caseworker outside the case’s jurisdiction', async () => {
      assert.equal((await get(cuenca, `/api/cases/${caseId}`)).statusCode, 404);
      assert.equal((await post(cuenca, `/api/cases/${caseId}/comments`, { cco_CaseComment: 'x' })).statusCode, 404);
      const list = (await get(cuenca, '/api/cases')).json();
      assert.ok(!list.items.some((c: { id: string }) => c.id === caseId));
    });

    it('screens against the ILO indicators and records the decision with its reason', async () => {
      const s = await post(guamote, `/api/cases/${caseId}/screening`, {
        type: 'labour',
        indicators: ['deceived_nature_of_job', 'deceived_wages', 'local_forced_begging', 'no_schooling'],
      });
      assert.equal(s.statusCode, 200);
      assert.equal(s.json().suggestedStatus, 'PossibleVictimOfTrafficking');
      assert.equal(s.json().audience, 'child');
      const bad = await post(guamote, `/api/cases/${caseId}/screening`, { type: 'labour', indicators: ['made_up'] });
      assert.equal(bad.json().code, 'unknown_indicators');
      const d = await post(guamote, `/api/cases/${caseId}/decision`, {
        vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
        vic_TraffickingStatusDecisionMakingOrg: 'NonPoliceGovernmentalOrganization',
        reason: 'Indicadores fuertes de engaño y mendicidad forzada',
      });
      assert.equal(d.json().vic_TraffickingStatus, 'PossibleVictimOfTrafficking');
      assert.equal(d.json().decisionReason, 'Indicadores fuertes de engaño y mendicidad forzada');
    });

    it('takes consent for a child only from a guardian or authority', async () => {
      assert.equal(
        (await post(guamote, `/api/cases/${caseId}/consents`, { scope: 'DataProcessing', givenBy: 'Self' })).json()
          .code,
        'consent_needs_guardian',
      );
      const ok = await post(guamote, `/api/cases/${caseId}/consents`, {
        scope: 'DataProcessing',
        givenBy: 'Guardian',
        giverName: 'Madre (nombre de prueba)',
      });
      assert.equal(ok.json().consents[0].givenBy, 'Guardian');
    });

    it('lists by Guamote and minor, finds by code and by a differently spelt name', async () => {
      const byPlace = (await get(guamote, '/api/cases?division=0606&minor=true')).json();
      assert.ok(byPlace.items.some((c: { id: string }) => c.id === caseId));
      const adult = (await get(guamote, '/api/cases?minor=false')).json();
      assert.ok(!adult.items.some((c: { id: string }) => c.id === caseId));
      const code = (await get(guamote, `/api/cases/${caseId}`)).json().code;
      assert.equal((await get(guamote, `/api/cases?code=${code}`)).json().items.length, 1);
      const byName = (await post(guamote, '/api/cases/search', { name: 'quispe' })).json();
      assert.deepEqual(
        byName.items.map((c: { id: string }) => c.id),
        [caseId],
      );
      assert.equal((await post(guamote, '/api/cases/search', { name: 'guaman sisa' })).json().items.length, 1);
      assert.equal((await get(guamote, '/api/cases?name=lema')).statusCode, 400, 'a name never goes in a URL');
      assert.equal((await post(guamote, '/api/cases/search', { name: 'lema' })).json().items.length, 0);
    });

    it('shows likely duplicates before saving a person with another spelling', async () => {
      await post(guamote, '/api/cases', {
        division: { country: 'EC', code: '0606' },
        person: {
          prs_FirstName: 'Inti',
          prs_SecondName: 'Lema Chimbo',
          local_BirthYear: 1990,
          prs_Gender: 'Masculine',
        },
        local_AgeAtIntake: 37,
      });
      const res = await post(guamote, '/api/persons/candidates', {
        prs_FirstName: 'Sisa',
        prs_SecondName: 'Quispe Huaman',
        local_BirthYear: 2012,
        prs_Gender: 'Feminine',
      });
      const list = res.json();
      assert.equal(list.length, 1);
      assert.equal(list[0].name, 'Sisa Quishpe Guamán');
      assert.match(list[0].caseCodes[0], /^GUA-/);
      const elsewhere = (
        await post(cuenca, '/api/persons/candidates', {
          prs_FirstName: 'Sisa',
          prs_SecondName: 'Quispe Huaman',
          local_BirthYear: 2012,
          prs_Gender: 'Feminine',
        })
      ).json();
      assert.deepEqual(elsewhere, [], 'persons whose cases are out of reach are never shown');
      const linkedOutside = await post(cuenca, '/api/cases', {
        personId: list[0].personId,
        division: { country: 'EC', code: '0101' },
        local_AgeAtIntake: 14,
      });
      assert.equal(linkedOutside.json().code, 'unknown_person', 'nor can they be attached to a new case');
      // A new case for the same girl (born 2012) knows she is a child without being told her age again.
      const again = await post(guamote, '/api/cases', {
        draft: true,
        personId: list[0].personId,
        division: { country: 'EC', code: '0606' },
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().isMinor, true);
      const none = (
        await post(guamote, '/api/persons/candidates', {
          prs_FirstName: 'Killa',
          prs_SecondName: 'Yupanqui',
          local_BirthYear: 2001,
        })
      ).json();
      assert.deepEqual(none, []);
    });

    it('refuses to close a child’s case while safeguards are missing, then closes it', async () => {
      const refused = await post(supervisor, `/api/cases/${caseId}/close`, {
        cas_Status: 'Closed',
        cas_ReasonForCaseClosure: 'Prueba',
      });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'safeguards_missing');
      assert.match(refused.json().message, /notify_child_protection, guardian, best_interest/);
      assert.equal(
        (
          await post(guamote, `/api/cases/${caseId}/close`, {
            cas_Status: 'Closed',
            cas_ReasonForCaseClosure: 'Prueba',
          })
        ).statusCode,
        403,
        'closing needs cases:approve',
      );
      const c = (await get(guamote, `/api/cases/${caseId}`)).json();
      await post(guamote, `/api/cases/${caseId}/tasks/${c.tasks[0].id}/done`, {});
      await post(guamote, `/api/cases/${caseId}/safeguards`, {
        guardian: 'Madre, comunidad de prueba',
        bestInterest: 'Volver con su familia con acompañamiento (prueba)',
      });
      const closed = await post(supervisor, `/api/cases/${caseId}/close`, {
        cas_Status: 'Closed',
        cas_ReasonForCaseClosure: 'Reintegrada con su familia (prueba)',
      });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().status, 'Closed');
    });

    it('merges a duplicate person reversibly, and shows who viewed and changed the case', async () => {
      const a = (
        await post(guamote, '/api/cases', {
          division: { country: 'EC', code: '0606' },
          person: { prs_FirstName: 'Wayra', prs_SecondName: 'Tixi Caiza' },
          local_AgeAtIntake: 40,
        })
      ).json();
      const b = (
        await post(guamote, '/api/cases', {
          division: { country: 'EC', code: '0606' },
          person: { prs_FirstName: 'Wayra', prs_SecondName: 'Tixi Caisa' },
          local_AgeAtIntake: 40,
        })
      ).json();
      const personOf = async (id: string) =>
        (await t.db.handle.db.selectFrom('cases').select('person_id').where('id', '=', id).executeTakeFirstOrThrow())
          .person_id;
      const pa = await personOf(a.id);
      const pb = await personOf(b.id);
      const merged = await post(guamote, `/api/persons/${pb}/merge`, { into: pa });
      assert.deepEqual(merged.json(), { merged: pb, into: pa, movedCases: 1 });
      assert.equal(await personOf(b.id), pa);
      assert.equal((await post(cuenca, `/api/persons/${pb}/unmerge`, {})).statusCode, 404, 'outside the jurisdiction');
      const undone = await post(guamote, `/api/persons/${pb}/unmerge`, {});
      assert.equal(undone.json().movedCases, 1);
      assert.equal(await personOf(b.id), pb);
      const history = (await get(guamote, `/api/cases/${caseId}/history`)).json();
      assert.ok(
        history.views.some((v: { count: number }) => v.count > 0),
        'reads are grouped by day',
      );
      assert.ok(
        history.changes.some((c: { fields: { field: string }[] }) =>
          c.fields.some((f) => f.field === 'local_Guardian'),
        ),
        'the guardian change is in the field history',
      );
      const actions = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', pb)
        .execute();
      assert.deepEqual(
        actions.map((x) => x.action),
        ['person.merged', 'person.unmerged'],
      );
    });

    it('opens a draft case prefilled from a triaged report and links them', async () => {
      const { PublicReports } = await import('../reports/public');
      const report = await new PublicReports(t.db.ctx).submit({
        what: 'Prueba de conversión',
        division: '060650',
        forms: ['begging'],
        child: true,
        people: 1,
        danger: false,
        language: 'es',
        channel: 'web',
        withReceipt: false,
      });
      const res = await post(guamote, `/api/reports/${report.id}/convert`, {});
      assert.equal(res.statusCode, 200, res.body);
      const opened = (await get(guamote, `/api/cases/${res.json().id}`)).json();
      assert.equal(opened.stage, 'Draft');
      // The report's form is a suggestion to confirm, and "a child" stays a child of unknown age.
      assert.deepEqual(opened.vic_TypeOfExploitation, []);
      assert.deepEqual(opened.suggestions, { vic_TypeOfExploitation: ['ForcedBegging'] });
      assert.equal(opened.isMinor, true);
      assert.equal(opened.ageAtIntake, null);
      assert.equal(opened.division.code, '060650');
      const linked = await t.db.handle.db
        .selectFrom('reports')
        .select(['case_code', 'status'])
        .where('id', '=', report.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(linked, { case_code: res.json().code, status: 'referred' });
    });

    it('pages through the list with a cursor', async () => {
      for (let i = 0; i < 5; i++)
        await post(guamote, '/api/cases', {
          division: { country: 'EC', code: '0606' },
          person: { prs_FirstName: `Persona${i}`, prs_SecondName: 'Paginada' },
          local_AgeAtIntake: 30,
        });
      const first = (await get(guamote, '/api/cases?limit=3')).json();
      assert.equal(first.items.length, 3);
      const second = (await get(guamote, `/api/cases?limit=3&after=${first.next}`)).json();
      const ids = [...first.items, ...second.items].map((c: { id: string }) => c.id);
      assert.equal(new Set(ids).size, ids.length);
      assert.ok(second.items.length >= 3);
    });

    it('dates the 24-hour task by the installation’s notification deadline, and keeps recorded tasks out of “Done”', async () => {
      const db = t.db.handle.db;
      const deadline = (hours: number) =>
        db
          .updateTable('legal_catalogue')
          .set({ data: JSON.stringify({ hours }) })
          .where('list', '=', 'deadline')
          .where('key', '=', 'board_notification')
          .execute();
      await deadline(48);
      try {
        const res = await post(guamote, '/api/cases', child);
        assert.equal(res.statusCode, 200, res.body);
        const c = (await get(guamote, `/api/cases/${res.json().id}`)).json();
        const due = Date.parse(c.tasks[0].dueAt) - Date.now();
        assert.ok(due > 47 * 3_600_000 && due <= 48 * 3_600_000, `due in ${due} ms`);
        // A monitoring visit closes only when the visit is recorded (returns module), never by “Done”.
        const taskId = crypto.randomUUID();
        await db
          .insertInto('case_tasks')
          .values({
            id: taskId,
            case_id: c.id,
            kind: 'monitoring_visit',
            assignee_user_id: null,
            note_enc: null,
            notified_at: null,
            authority: null,
            due_at: new Date().toISOString(),
            done_at: null,
            done_by: null,
            created_at: new Date().toISOString(),
          })
          .execute();
        // Open past its due date: the case says so (the 24-hour task, due in two days, is not).
        const tasks = (await get(guamote, `/api/cases/${c.id}`)).json().tasks as { id: string; overdue: boolean }[];
        assert.deepEqual(tasks.map((x) => [x.id === taskId ? 'visit' : 'notify', x.overdue]).sort(), [
          ['notify', false],
          ['visit', true],
        ]);
        const done = await post(guamote, `/api/cases/${c.id}/tasks/${taskId}/done`, {});
        assert.equal(done.statusCode, 409);
        assert.equal(done.json().code, 'task_needs_record');
        const row = await db
          .selectFrom('case_tasks')
          .select('done_at')
          .where('id', '=', taskId)
          .executeTakeFirstOrThrow();
        assert.equal(row.done_at, null);
      } finally {
        await deadline(24);
      }
    });
  });
}
