import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, signInNewUser } from '../../../../tests/support/access';
import { dbTargets } from '../../../../tests/support/db';
import { caseCount, commitAndWait, installation, upload } from '../../../../tests/support/htcds';
import { templateHeader } from './fields';

for (const target of dbTargets()) {
  describe(`HTCDS import checks on ${target.name}`, () => {
    let b: Awaited<ReturnType<typeof installation>>;
    before(async () => {
      b = await installation(target);
    });
    after(() => b?.t.close());

    it('refuses closed rows to a caseworker, who cannot approve closures', async () => {
      const caseworker = await signInNewUser(b.t.app, b.t.db.ctx, { role: 'caseworker', scope: '06', orgId: b.org });
      const line = (cells: Partial<Record<string, string>>) =>
        templateHeader.map((h, i) => (i === 0 ? '' : (cells[h] ?? ''))).join(',');
      const csv = [
        templateHeader.join(','),
        line({
          prs_FirstName: 'Cerrada',
          prs_SecondName: 'Ficticia Prueba',
          prs_Birthdate: '2012-02-03',
          cas_Status: 'Closed',
          cas_ReasonForCaseClosure: 'Prueba',
        }),
      ].join('\n');
      const job = (await upload(b.t, caseworker, Buffer.from(csv), 'cerrada.csv')).json();
      assert.deepEqual(
        job.errors.map((e: { column: string; code: string }) => `${e.column} ${e.code}`),
        ['cas_Status closure_needs_approval'],
      );
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
      // Every problem has a translated message (a missing one would fall back to its key).
      for (const e of [...job.errors, ...job.warnings] as { message: string }[])
        assert.doesNotMatch(e.message, /^errors\.|htcds_/, e.message);
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
