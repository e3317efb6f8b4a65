import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { makeOrg, type Signed, signInNewUser } from '../../../../tests/support/access';
import { openTestApp, sharedData, type TestApp } from '../../../../tests/support/app';
import { type DbTarget, dbTargets } from '../../../../tests/support/db';
import { multipart } from '../../../../tests/support/requests';
import { seedGeoDemo } from '../../geo/demo';
import { GeoService } from '../../geo/service';
import { columnIndex, csvSafe, csvUnsafe, templateHeader } from './fields';
import { readHtcdsFile } from './parse';

const template = `${sharedData}htcds/HTCDS_Excel_Spreadsheet_v2.0.xlsx`;
const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));

async function sheetRows(bytes: Buffer | string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  if (typeof bytes === 'string') await wb.xlsx.readFile(bytes);
  else await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(ws.columnCount, templateHeader.length); c++)
      cells.push(cellText(ws.getRow(r).getCell(c).value));
    out.push(cells);
  }
  return out;
}

async function installation(target: DbTarget) {
  const t = await openTestApp(target, { MINKA_RATE_LIMIT_MAX: 1_000_000 });
  await seedGeoDemo(new GeoService(t.db.handle.db));
  const org = await makeOrg(t.db.ctx, '06', 'Junta de prueba de Chimborazo');
  const supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '06', orgId: org });
  return { t, org, supervisor };
}

const upload = async (t: TestApp, s: Signed, bytes: Buffer, name: string, query = '') => {
  const m = await multipart(bytes, name);
  return t.app.inject({
    method: 'POST',
    url: `/api/insights/htcds/imports${query}`,
    payload: m.payload,
    headers: { ...s.headers, 'content-type': m.type },
  });
};

async function commitAndWait(t: TestApp, s: Signed, id: string, validOnly = false) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/insights/htcds/imports/${id}/commit`,
    headers: s.headers,
    payload: { validOnly },
  });
  assert.equal(res.statusCode, 200, res.body);
  for (let i = 0; i < 400; i++) {
    const job = (await t.app.inject({ url: `/api/insights/htcds/imports/${id}`, headers: s.headers })).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const caseCount = async (t: TestApp) =>
  Number(
    (
      await t.db.handle.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('HTCDS file reading', () => {
  it('neutralises spreadsheet formulas in CSV cells and reads them back unchanged', async () => {
    for (const v of ['=HYPERLINK("x")', '+1', '-2', '@a', 'Ana', "'quoted", '']) assert.equal(csvUnsafe(csvSafe(v)), v);
    assert.equal(csvSafe('=1+1'), "'=1+1");
    const csv = `${templateHeader.join(',')}\n1,,,'=Formula Prueba,Ficticia\n`;
    const file = await readHtcdsFile(Buffer.from(csv), 'x.csv');
    assert.equal(file.rows[0]!.cells.prs_FirstName, '=Formula Prueba');
  });

  it('reads semicolon-separated CSV (Excel in Spanish) and the corrected spelling of the decision field', async () => {
    const header = templateHeader.map((h) =>
      h === 'vic_TraffickinStatusDecisionMakingOrg' ? 'vic_TraffickingStatusDecisionMakingOrg' : h,
    );
    const csv = `\uFEFF${header.join(';')}\r\n1;;;Ana Prueba;Ficticia;;;;;;;;;;;;;;PossibleVictimOfTrafficking;NGO\r\n`;
    const file = await readHtcdsFile(Buffer.from(csv), 'x.csv');
    assert.equal(file.rows[0]!.row, 2);
    assert.equal(file.rows[0]!.cells.vic_TraffickinStatusDecisionMakingOrg, 'NGO');
    assert.deepEqual(file.unknownColumns, []);
  });
});

for (const target of dbTargets()) {
  describe(`HTCDS export and import on ${target.name}`, () => {
    let a: Awaited<ReturnType<typeof installation>>;
    let b: Awaited<ReturnType<typeof installation>>;
    let worker: Signed;
    let researcher: Signed;
    let exported: Buffer;
    const post = (s: Signed, url: string, payload: object) =>
      a.t.app.inject({ method: 'POST', url, payload, headers: s.headers });

    before(async () => {
      a = await installation(target);
      b = await installation(target);
      const colta = await makeOrg(a.t.db.ctx, '0603');
      worker = await signInNewUser(a.t.app, a.t.db.ctx, { role: 'caseworker', scope: '0603', orgId: colta });
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

    it('reports errors by row and column without echoing values, imports nothing, and imports the valid rows on request', async () => {
      const header = templateHeader.join(',');
      const line = (cells: Partial<Record<string, string>>) =>
        templateHeader.map((h, i) => (i === 0 ? '' : (cells[h] ?? ''))).join(',');
      const csv = [
        header,
        line({
          prs_FirstName: 'Valida',
          prs_SecondName: 'Ficticia Prueba',
          prs_Birthdate: '2001-02-03',
          cas_Status: 'Active',
        }),
        line({ prs_FirstName: 'Mala', prs_Gender: 'Zqgenero', prs_Birthdate: '2001-02-30' }),
        line({
          prs_SecondName: 'Lugar Prueba',
          vic_LocationOfRecruitment: '9999',
          vic_TypeOfExploitation: 'ForcedBegging;Zqvalor',
        }),
        line({ prs_Birthdate: '2001-01-01', vic_LocationOfRecruitment: '0101' }),
        line({ prs_FirstName: 'Cerrada', cas_Status: 'Closed', vic_TraffickingStatus: 'ActualVictimOfTrafficking' }),
      ].join('\n');
      const before = await caseCount(b.t);
      const res = await upload(b.t, b.supervisor, Buffer.from(csv), 'errores.csv');
      assert.equal(res.statusCode, 200, res.body);
      const job = res.json();
      assert.equal(job.format, 'csv');
      assert.deepEqual([job.total, job.valid], [5, 1]);
      const found = (job.errors as { row: number; column: string; code: string }[]).map(
        (e) => `${e.row} ${e.column} ${e.code}`,
      );
      assert.deepEqual(found.sort(), [
        '3 prs_Birthdate invalid_date',
        '3 prs_Gender invalid_value',
        '4 vic_LocationOfRecruitment unknown_division',
        '4 vic_TypeOfExploitation invalid_value',
        '5 prs_FirstName required',
        '5 vic_LocationOfRecruitment outside_jurisdiction',
        '6 vic_TraffickinStatusDecisionMakingOrg decision_incomplete',
      ]);
      assert.ok(job.errors.every((e: { message: string }) => e.message.length > 10));
      assert.ok(
        job.warnings.some((w: { row: number; code: string }) => w.row === 6 && w.code === 'closure_reason_missing'),
        'a closed case without a reason is flagged, not refused',
      );
      assert.doesNotMatch(res.body, /Zqgenero|Zqvalor|2001-02-30|Mala|Cerrada|9999/);
      const en = await b.t.app.inject({
        url: `/api/insights/htcds/imports/${job.id}?lang=en`,
        headers: b.supervisor.headers,
      });
      assert.match(en.json().errors[0].message, /[a-z]/);
      assert.notEqual(en.json().errors[0].message, job.errors[0].message);
      const refused = await b.t.app.inject({
        method: 'POST',
        url: `/api/insights/htcds/imports/${job.id}/commit`,
        headers: b.supervisor.headers,
        payload: {},
      });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'htcds_import_not_clean');
      assert.equal(await caseCount(b.t), before);
      const done = await commitAndWait(b.t, b.supervisor, job.id, true);
      assert.deepEqual([done.status, done.imported], ['done', 1]);
      assert.equal(await caseCount(b.t), before + 1);
      const twice = await b.t.app.inject({
        method: 'POST',
        url: `/api/insights/htcds/imports/${job.id}/commit`,
        headers: b.supervisor.headers,
        payload: { validOnly: true },
      });
      assert.equal(twice.json().code, 'htcds_import_state');
    });

    it('refuses wrong files and roles with stable codes, and hides other people’s jobs', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      const cases = [
        [png, 'foto.csv', 415, 'htcds_file_type'],
        [png, 'foto.png', 415, 'htcds_file_type'],
        [Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]), 'roto.xlsx', 400, 'htcds_unreadable'],
        [Buffer.from('a,b,c\n1,2,3\n'), 'otra.csv', 400, 'htcds_no_header'],
      ] as const;
      const before = await caseCount(b.t);
      for (const [bytes, name, status, code] of cases) {
        const res = await upload(b.t, b.supervisor, bytes, name);
        assert.equal(res.statusCode, status, `${name}: ${res.body}`);
        assert.equal(res.json().code, code);
      }
      const notMultipart = await b.t.app.inject({
        method: 'POST',
        url: '/api/insights/htcds/imports',
        headers: b.supervisor.headers,
        payload: { file: 'x' },
      });
      assert.equal(notMultipart.statusCode, 415);
      const outside = await upload(
        b.t,
        b.supervisor,
        Buffer.from(`${templateHeader.join(',')}\n`),
        'x.csv',
        '?division=0101',
      );
      assert.equal(outside.json().code, 'scope_outside_jurisdiction');
      const orgB = await makeOrg(b.t.db.ctx, '06');
      const researcherB = await signInNewUser(b.t.app, b.t.db.ctx, { role: 'researcher', scope: '06', orgId: orgB });
      const other = await signInNewUser(b.t.app, b.t.db.ctx, { role: 'supervisor', scope: '06', orgId: orgB });
      const csv = Buffer.from(`${templateHeader.join(',')}\n,,,Otra,Persona Ficticia\n`);
      assert.equal((await upload(b.t, researcherB, csv, 'x.csv')).statusCode, 403);
      const mine = (await upload(b.t, b.supervisor, csv, 'x.csv')).json();
      const peek = await b.t.app.inject({ url: `/api/insights/htcds/imports/${mine.id}`, headers: other.headers });
      assert.equal(peek.statusCode, 404);
      const steal = await b.t.app.inject({
        method: 'POST',
        url: `/api/insights/htcds/imports/${mine.id}/commit`,
        headers: other.headers,
        payload: {},
      });
      assert.equal(steal.statusCode, 404);
      // A report nobody commits within a day loses its rows.
      await b.t.db.handle.db
        .updateTable('htcds_imports')
        .set({ created_at: '2020-01-01T00:00:00.000Z' })
        .where('id', '=', mine.id)
        .execute();
      const late = await b.t.app.inject({
        method: 'POST',
        url: `/api/insights/htcds/imports/${mine.id}/commit`,
        headers: b.supervisor.headers,
        payload: {},
      });
      assert.equal(late.json().code, 'htcds_import_state');
      const expired = await b.t.db.handle.db
        .selectFrom('htcds_imports')
        .select(['status', 'rows_enc'])
        .where('id', '=', mine.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(expired, { status: 'expired', rows_enc: null });
      assert.equal(await caseCount(b.t), before);
    });
  });
}
