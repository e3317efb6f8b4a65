import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, sharedData, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { badFormSheets, caseFormSheets, xlsformXlsx } from '../../../tests/support/forms';
import { multipart, openTestCase } from '../../../tests/support/requests';
import { everyTypeXlsx } from '../../../tests/support/xlsform';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

for (const target of dbTargets()) {
  describe(`forms and case form sections on ${target.name}`, () => {
    let t: TestApp;
    let admin: Signed;
    let worker: Signed;
    let cuencaWorker: Signed;
    let coltaCase = '';
    let cuencaCase = '';
    let formId = '';
    let coltaOrg = '';
    const call = (s: Signed, method: string, url: string, payload?: object) =>
      t.app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload ? { payload } : {}) });
    const upload = async (s: Signed, bytes: Buffer, name: string, lang = 'es') => {
      const m = await multipart(bytes, name);
      return t.app.inject({
        method: 'POST',
        url: '/api/forms',
        payload: m.payload,
        headers: { ...s.headers, 'content-type': m.type, 'accept-language': lang },
      });
    };
    const count = async (table: 'forms' | 'form_versions' | 'case_form_answers') =>
      Number(
        (
          await t.db.handle.db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const sectionsOf = async (s: Signed, caseId: string) => {
      const res = await call(s, 'GET', `/api/cases/${caseId}/forms`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as {
        canEdit: boolean;
        sections: {
          formId: string;
          number: number;
          form: { formId: string };
          answers: null | { values: Record<string, unknown>; version: number; formVersion: number; form: unknown };
        }[];
      };
    };

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const colta = await makeOrg(t.db.ctx, '0603');
      coltaOrg = colta;
      const cuenca = await makeOrg(t.db.ctx, '0101');
      admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: '0603', orgId: colta });
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: colta });
      cuencaWorker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0101', orgId: cuenca });
      coltaCase = await openTestCase(t, worker, {
        code: '060352',
        first: 'Demo',
        second: 'Formulario Prueba',
        age: 14,
      });
      cuencaCase = await openTestCase(t, cuencaWorker, {
        code: '0101',
        first: 'Demo',
        second: 'Cuenca Prueba',
        age: 15,
      });
    });
    after(() => t.close());

    it('imports the form covering every type and the HTCDS XLSForm from the shared data', async () => {
      const every = await upload(admin, await everyTypeXlsx(), 'every_type.xlsx');
      assert.equal(every.statusCode, 200, every.body);
      assert.equal(every.json().number, 1);
      const htcds = await upload(admin, readFileSync(`${sharedData}htcds/htcds_xlsform.xlsx`), 'htcds_xlsform.xlsx');
      assert.equal(htcds.statusCode, 200, htcds.body);
      assert.ok(htcds.json().form.children.length > 0);
      const list = (await call(admin, 'GET', '/api/forms')).json();
      assert.equal(list.forms.length, 2);
      const v = await call(admin, 'GET', `/api/forms/${htcds.json().id}/versions/1`);
      assert.equal(v.statusCode, 200, v.body);
      assert.deepEqual(v.json().form, htcds.json().form);
      assert.equal((await call(admin, 'GET', `/api/forms/${htcds.json().id}/versions/2`)).statusCode, 404);
    });

    it('refuses a form with an unsupported function naming sheet, row and column, and stores nothing', async () => {
      const before = [await count('forms'), await count('form_versions')];
      const res = await upload(admin, await xlsformXlsx(badFormSheets()), 'malo.xlsx');
      assert.equal(res.statusCode, 422, res.body);
      const body = res.json();
      assert.equal(body.code, 'form_invalid');
      const f = body.fields.find((x: { path: string }) => x.path === 'survey.3.relevant');
      assert.ok(f, JSON.stringify(body.fields));
      assert.equal(f.problem, 'unsupported_function');
      assert.match(f.message, /Hoja «survey», fila 3, columna «relevant»: .*pulldata/);
      const en = (await upload(admin, await xlsformXlsx(badFormSheets()), 'malo.xlsx', 'en')).json();
      assert.match(en.fields[0].message, /Sheet “survey”, row 3, column “relevant”/);
      const notXlsx = await upload(admin, Buffer.from('type,name\ntext,uno\n'), 'form.csv');
      assert.equal(notXlsx.statusCode, 400, notXlsx.body);
      assert.equal(notXlsx.json().code, 'form_not_xlsx');
      assert.deepEqual([await count('forms'), await count('form_versions')], before);
    });

    it('numbers the versions of a form with the same form_id', async () => {
      const one = await upload(admin, await xlsformXlsx(caseFormSheets('1')), 'canton.xlsx');
      assert.equal(one.statusCode, 200, one.body);
      formId = one.json().id;
      const again = await upload(admin, await xlsformXlsx(caseFormSheets('2')), 'canton.xlsx');
      assert.equal(again.json().id, formId);
      assert.equal(again.json().number, 2);
      const got = (await call(admin, 'GET', `/api/forms/${formId}`)).json();
      assert.deepEqual(
        got.versions.map((v: { number: number; xlsformVersion: string }) => [v.number, v.xlsformVersion]),
        [
          [1, '1'],
          [2, '2'],
        ],
      );
    });

    it('refuses roles without forms:manage', async () => {
      assert.equal((await upload(worker, await xlsformXlsx(caseFormSheets()), 'x.xlsx')).statusCode, 403);
      assert.equal((await call(worker, 'GET', '/api/forms')).statusCode, 403);
      assert.equal((await call(worker, 'GET', `/api/forms/${formId}`)).statusCode, 404);
      const attach = await call(worker, 'POST', `/api/forms/${formId}/attachments`, {
        division: { country: 'EC', code: '0603' },
      });
      assert.equal(attach.statusCode, 404);
    });

    it('attached to Colta, the form is a section of a Colta case and not of a Cuenca case', async () => {
      assert.deepEqual((await sectionsOf(worker, coltaCase)).sections, []);
      const outside = await call(admin, 'POST', `/api/forms/${formId}/attachments`, {
        division: { country: 'EC', code: '0101' },
      });
      assert.equal(outside.statusCode, 400, outside.body);
      const res = await call(admin, 'POST', `/api/forms/${formId}/attachments`, {
        division: { country: 'EC', code: '0603' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().attachments[0].division.label, 'Colta');
      const colta = await sectionsOf(worker, coltaCase);
      assert.equal(colta.canEdit, true);
      assert.deepEqual(
        colta.sections.map((s) => [s.formId, s.number, s.answers]),
        [[formId, 2, null]],
      );
      assert.deepEqual((await sectionsOf(cuencaWorker, cuencaCase)).sections, []);
    });

    it('keeps answers sealed with the aggregate answer plain in facts, and reads them back equal', async () => {
      const canary = 'Canario zqxj observación privada';
      const answers = { va_escuela: 'no', nota: canary, hermanos: 3 };
      const res = await call(worker, 'PUT', `/api/cases/${coltaCase}/forms/${formId}`, { answers, version: 0 });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().answers.version, 1);
      const back = (await sectionsOf(worker, coltaCase)).sections[0]!.answers!;
      for (const [k, v] of Object.entries(answers)) assert.deepEqual(back.values[k], v, k);
      assert.equal(back.formVersion, 2);
      const raw = await t.db.handle.db.selectFrom('case_form_answers').selectAll().execute();
      assert.equal(raw.length, 1);
      assert.doesNotMatch(JSON.stringify(raw), /zqxj|Canario/);
      assert.deepEqual(JSON.parse(raw[0]!.facts), { va_escuela: 'no' });
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['fields', 'details'])
        .where('action', '=', 'case.form_answered')
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.fields, 'hermanos,nota,va_escuela');
      assert.doesNotMatch(JSON.stringify(audit), /zqxj/);
      const history = (await call(worker, 'GET', `/api/cases/${coltaCase}/history`)).json();
      assert.ok(history.actions.some((a: { action: string }) => a.action === 'case.form_answered'));
    });

    it('refuses invalid answers at their fields and a stale version, storing nothing', async () => {
      const stored = (await t.db.handle.db.selectFrom('case_form_answers').select('answers_enc').execute())[0];
      const bad = await call(worker, 'PUT', `/api/cases/${coltaCase}/forms/${formId}`, {
        answers: { va_escuela: 'quizas', hermanos: 40 },
        version: 1,
      });
      assert.equal(bad.statusCode, 422, bad.body);
      const paths = bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort();
      assert.deepEqual(paths, ['answers.hermanos', 'answers.va_escuela']);
      const hermanos = bad.json().fields.find((f: { path: string }) => f.path === 'answers.hermanos');
      assert.equal(hermanos.message, 'Como mucho 20');
      const stale = await call(worker, 'PUT', `/api/cases/${coltaCase}/forms/${formId}`, {
        answers: { va_escuela: 'si' },
        version: 0,
      });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().code, 'form_answers_changed');
      assert.equal(stale.json().version, 1);
      const after = await t.db.handle.db.selectFrom('case_form_answers').select(['answers_enc', 'version']).execute();
      assert.deepEqual(after, [{ answers_enc: stored!.answers_enc, version: 1 }]);
    });

    it('answers keep the form version they were given on when a new version is imported', async () => {
      await upload(admin, await xlsformXlsx(caseFormSheets('3', 'Preguntas del cantón v3 (prueba)')), 'canton.xlsx');
      const s = (await sectionsOf(worker, coltaCase)).sections[0]!;
      assert.equal(s.number, 3);
      assert.equal(s.answers!.formVersion, 2);
      assert.ok(s.answers!.form, 'the definition of the version the answers were given on');
    });

    it('hides the section outside the jurisdiction and refuses writes there', async () => {
      assert.equal((await call(cuencaWorker, 'GET', `/api/cases/${coltaCase}/forms`)).statusCode, 404);
      const put = await call(cuencaWorker, 'PUT', `/api/cases/${coltaCase}/forms/${formId}`, {
        answers: { va_escuela: 'si' },
        version: 1,
      });
      assert.equal(put.statusCode, 404);
      // A form not attached to the case's places is not a section of it.
      const cuenca = await call(cuencaWorker, 'PUT', `/api/cases/${cuencaCase}/forms/${formId}`, {
        answers: { va_escuela: 'si' },
        version: 0,
      });
      assert.equal(cuenca.statusCode, 404);
    });

    it('shows the section to a receiver only when the forms section is shared, and read-only', async () => {
      const share = async (sections: string[]) => {
        const org = await makeOrg(t.db.ctx, '0101');
        const who = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0101', orgId: org });
        const res = await call(admin, 'POST', '/api/admin/sharing-agreements', {
          fromOrgId: coltaOrg,
          toOrgId: org,
          sections,
          places: ['0603'],
          startsOn: '2026-01-01',
          endsOn: '2099-12-31',
          legalBasis: 'Convenio de prueba',
        });
        assert.equal(res.statusCode, 200, res.body);
        return who;
      };
      const identityOnly = await share(['identity']);
      assert.equal((await call(identityOnly, 'GET', `/api/cases/${coltaCase}`)).statusCode, 200);
      assert.equal((await call(identityOnly, 'GET', `/api/cases/${coltaCase}/forms`)).statusCode, 404);
      const withForms = await share(['identity', 'forms']);
      const seen = await sectionsOf(withForms, coltaCase);
      assert.equal(seen.canEdit, false);
      assert.equal(seen.sections[0]!.answers!.values.va_escuela, 'no');
      const put = await call(withForms, 'PUT', `/api/cases/${coltaCase}/forms/${formId}`, {
        answers: { va_escuela: 'si' },
        version: 1,
      });
      assert.equal(put.statusCode, 403);
    });

    it('detaching the form removes the section', async () => {
      const got = (await call(admin, 'GET', `/api/forms/${formId}`)).json();
      const res = await call(admin, 'DELETE', `/api/forms/${formId}/attachments/${got.attachments[0].id}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().attachments, []);
      assert.deepEqual((await sectionsOf(worker, coltaCase)).sections, []);
    });
  });
}
