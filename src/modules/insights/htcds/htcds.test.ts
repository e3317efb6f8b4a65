import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../../tests/support/access';
import { dbTargets } from '../../../../tests/support/db';
import { caseCount, commitAndWait, installation, sheetRows, template, upload } from '../../../../tests/support/htcds';
import { columnIndex } from './fields';

for (const target of dbTargets()) {
  describe(`HTCDS export and import on ${target.name}`, () => {
    let a: Awaited<ReturnType<typeof installation>>;
    let b: Awaited<ReturnType<typeof installation>>;
    let worker: Signed;
    let otherOrg: Signed;
    let researcher: Signed;
    let exported: Buffer;
    const post = (s: Signed, url: string, payload: object) =>
      a.t.app.inject({ method: 'POST', url, payload, headers: s.headers });

    before(async () => {
      a = await installation(target);
      b = await installation(target);
      const colta = await makeOrg(a.t.db.ctx, '0603');
      // The cases are the board's: its Colta caseworker exports them; another organisation's in Colta does not.
      worker = await signInNewUser(a.t.app, a.t.db.ctx, { role: 'caseworker', scope: '0603', orgId: a.org });
      otherOrg = await signInNewUser(a.t.app, a.t.db.ctx, { role: 'caseworker', scope: '0603', orgId: colta });
      researcher = await signInNewUser(a.t.app, a.t.db.ctx, { role: 'researcher', scope: '06', orgId: colta });
      const sup = a.supervisor;
      const child = await post(sup, '/api/cases', {
        division: { country: 'EC', code: '0606' },
        person: {
          prs_FirstName: 'Sisa Prueba',
          prs_SecondName: 'Ficticia Zqtest',
          prs_Birthdate: '2012-05-04',
          prs_Gender: 'Feminine',
          prs_Citizenship: ['EC'],
        },
        vic_TypeOfExploitation: ['ForcedBegging', 'ChildLabour'],
        vic_MethodOfRecruitment: ['ThroughFamilyOrFamilyEvents'],
        vic_MethodsOfControl: ['FalsePromises', 'TakesEarnings'],
        vic_ForcedLabourIndustry: ['G_WholesaleAndRetailTradeRepairOfMotorVehicles'],
        events: [
          { hte_Type: 'Recruitment', local_DivisionCode: '0606' },
          { hte_Type: 'Exploitation', hte_Country: 'CO' },
        ],
      });
      assert.equal(child.statusCode, 200, child.body);
      const childId = child.json().id;
      for (const [url, body] of [
        [
          'decision',
          {
            vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
            vic_TraffickingStatusDecisionMakingOrg: 'NGO',
            reason: 'Indicadores de prueba',
          },
        ],
        ['consents', { scope: 'DataProcessing', givenBy: 'Guardian', giverName: 'Tutora Ficticia' }],
      ] as const) {
        const res = await post(sup, `/api/cases/${childId}/${url}`, body);
        assert.equal(res.statusCode, 200, res.body);
      }
      const personId = (await a.t.app.inject({ url: `/api/cases/${childId}`, headers: sup.headers })).json().person.id;
      // The same person's second case: one row per person-case.
      const again = await post(sup, '/api/cases', {
        division: { country: 'EC', code: '0606' },
        personId,
        vic_TypeOfExploitation: ['ForcedLabour'],
        events: [{ hte_Type: 'Recruitment', local_DivisionCode: '0606' }],
      });
      assert.equal(again.statusCode, 200, again.body);
      const adult = await post(sup, '/api/cases', {
        division: { country: 'EC', code: '0603' },
        person: {
          prs_FirstName: 'Rumi',
          prs_SecondName: 'Ficticio Prueba',
          prs_Birthdate: '1990-01-02',
          prs_Gender: 'Masculine',
          prs_Citizenship: ['VE', 'CO'],
        },
        vic_TypeOfExploitation: ['SexualExploitation', 'ForcedLabour'],
        vic_TypeOfSexExploitation: ['Prostitution'],
        vic_ForcedLabourIndustry: ['A_AgricultureForestryAndFishing'],
        vic_MethodOfRecruitment: ['ThroughOnlineSocialNetworks', 'Other'],
        vic_MethodsOfControl: ['DebtBondage'],
        events: [
          { hte_Type: 'Recruitment', hte_Country: 'CO' },
          { hte_Type: 'Exploitation', local_DivisionCode: '0101' },
        ],
      });
      assert.equal(adult.statusCode, 200, adult.body);
      const closed = await post(sup, `/api/cases/${adult.json().id}/close`, {
        cas_Status: 'Closed',
        cas_ReasonForCaseClosure: 'Retorno voluntario ficticio',
      });
      assert.equal(closed.statusCode, 200, closed.body);
    });
    after(async () => {
      await a?.t.close();
      await b?.t.close();
    });

    it('exports XLSX whose header row is the official template row 1, cell for cell', async () => {
      const res = await a.t.app.inject({ url: '/api/insights/htcds.xlsx', headers: a.supervisor.headers });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="htcds\.xlsx"$/);
      exported = res.rawPayload;
      const [ours, official] = [await sheetRows(exported), await sheetRows(template)];
      assert.equal(official[0]!.length, 39);
      assert.deepEqual(ours[0], official[0]);
      assert.deepEqual(ours[1], official[1], 'row 2 carries the template labels');
      assert.equal(ours.length, 2 + 3);
      const names = ours.slice(2).map((r) => r[columnIndex.get('prs_FirstName')!]);
      assert.ok(names.includes('Sisa Prueba') && names.includes('Rumi'));
    });

    it('leaves personal columns empty without exports:personal, filters by division and year, audits every export', async () => {
      const res = await a.t.app.inject({ url: '/api/insights/htcds.csv', headers: worker.headers });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM for Excel');
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.doesNotMatch(res.body, /Rumi|Sisa|Ficti|1990-01-02|Retorno/);
      assert.match(res.body, /Masculine/);
      const lines = res.body.trim().split('\r\n');
      assert.equal(lines.length, 3, 'header, labels and the one Colta case');
      const elsewhere = await a.t.app.inject({ url: '/api/insights/htcds.csv', headers: otherOrg.headers });
      assert.equal(elsewhere.body.trim().split('\r\n').length, 2, "another organisation's caseworker gets no row");
      const sup = await a.t.app.inject({ url: '/api/insights/htcds.csv?division=0606', headers: a.supervisor.headers });
      assert.equal(sup.body.trim().split('\r\n').length, 4);
      assert.match(sup.body, /Sisa Prueba/);
      const none = await a.t.app.inject({ url: '/api/insights/htcds.csv?year=2001', headers: a.supervisor.headers });
      assert.equal(none.body.trim().split('\r\n').length, 2);
      const audit = await a.t.db.handle.db
        .selectFrom('audit_log')
        .select(['details', 'actor_user_id'])
        .where('action', '=', 'htcds.export')
        .orderBy('id')
        .execute();
      const details = audit.map((e) => JSON.parse(e.details));
      assert.ok(details.some((d) => d.personal === false && d.rows === 1 && d.format === 'csv'));
      assert.ok(details.some((d) => d.personal === true && d.rows === 3 && d.format === 'xlsx'));
      assert.doesNotMatch(JSON.stringify(audit), /Sisa|Rumi/);
      const denied = await a.t.app.inject({ url: '/api/insights/htcds.csv', headers: researcher.headers });
      assert.equal(denied.statusCode, 403);
    });

    it('imports the export into an empty installation and exports the same records back', async () => {
      assert.equal(await caseCount(b.t), 0);
      const res = await upload(b.t, b.supervisor, exported, 'htcds.xlsx', '?division=0603');
      assert.equal(res.statusCode, 200, res.body);
      const job = res.json();
      assert.deepEqual([job.status, job.total, job.valid, job.errors], ['validated', 3, 3, []]);
      assert.deepEqual(job.ignoredColumns, ['cas_CaseOwner'], 'the owner is the importing organisation');
      assert.equal(await caseCount(b.t), 0, 'nothing is imported before the commit');
      const stored = await b.t.db.handle.db.selectFrom('htcds_imports').selectAll().execute();
      assert.doesNotMatch(JSON.stringify(stored), /Sisa|Rumi|Ficti|1990-01-02/, 'parsed rows are stored encrypted');
      const done = await commitAndWait(b.t, b.supervisor, job.id);
      assert.deepEqual([done.status, done.imported, done.linked, done.processed], ['done', 3, 1, 3]);
      const after = await b.t.db.handle.db.selectFrom('htcds_imports').select('rows_enc').executeTakeFirstOrThrow();
      assert.equal(after.rows_enc, null, 'rows are dropped once committed');
      const persons = await b.t.db.handle.db.selectFrom('persons').select('id').execute();
      assert.equal(persons.length, 2, 'the second case of the same person was linked, not duplicated');
      const back = await b.t.app.inject({ url: '/api/insights/htcds.xlsx', headers: b.supervisor.headers });
      // cas_CaseOwner names the owning organisation, which is necessarily the importing one in the second
      // installation; column A only numbers the rows. Every other column must come back identical.
      const owner = columnIndex.get('cas_CaseOwner')!;
      const comparable = async (bytes: Buffer) =>
        (await sheetRows(bytes))
          .slice(2)
          .map((r) => JSON.stringify(r.filter((_, i) => i !== 0 && i !== owner)))
          .sort();
      assert.deepEqual(await comparable(back.rawPayload), await comparable(exported));
      const second = await upload(b.t, b.supervisor, exported, 'htcds.xlsx', '?division=0603');
      const warnings = second.json().warnings as { code: string; message: string }[];
      assert.equal(warnings.filter((w) => w.code === 'linked_person').length, 3, 'a re-import finds the persons');
      assert.doesNotMatch(JSON.stringify(warnings), /Sisa|Rumi/);
    });
  });
}
