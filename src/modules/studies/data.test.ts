import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { dbTargets } from '../../../tests/support/db';
import {
  answersFor,
  banos,
  openStudyWorld,
  quingeo,
  type StudyWorld,
  send,
  tarqui,
} from '../../../tests/support/studies';
import { writeXlsformWorkbook } from '../forms/xlsx-write';
import { cuencaStudySheets } from './demo-form';

// What leaves a study: the owner's exports of the raw answers (labels in the chosen language, or the Kobo/ODK
// layout), everyone else's protected table, and what comes in from KoboToolbox/ODK exports.

const csvRows = (body: Buffer) => {
  assert.equal(body.subarray(0, 3).toString('hex'), 'efbbbf', 'CSV starts with a UTF-8 BOM');
  return parse(body.subarray(3).toString('utf8'), { relax_column_count: true }) as string[][];
};
const xlsxSheets = async (body: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return { name: ws.name, rows };
  });
};

const koboHeader =
  'start;end;consent_ack;interview_date;respondent/role;respondent/age;left_school;reasons;reasons/work;reasons/cost;approach;approach/debt;_uuid;_submission_time';
const koboRow = (uuid: string, age: number, role = 'teacher') =>
  `2026-11-02T09:00:00.000-05:00;2026-11-02T09:20:00.000-05:00;OK;2026-11-02;${role};${age};yes;work cost;1;1;debt;1;${uuid};2026-11-03T10:00:00`;

for (const target of dbTargets()) {
  describe(`study data in and out on ${target.name}`, () => {
    let w: StudyWorld;
    before(async () => {
      w = await openStudyWorld(target);
      for (const [division, n] of [
        [banos, 4],
        [tarqui, 4],
        [quingeo, 1],
      ] as const)
        for (let i = 0; i < n; i++)
          assert.equal(
            (await send(w, w.interviewer, division, answersFor(i % 2 ? 'leader' : 'parent'))).statusCode,
            200,
          );
    });
    after(() => w.t.close());
    const get = (who: StudyWorld['researcher'], path: string) =>
      w.t.app.inject({ method: 'GET', url: `/api/studies/${w.studyId}/${path}`, headers: who.headers });

    it('exports the raw answers to the owner with labels in Spanish and in Kichwa, audited without values', async () => {
      const es = await get(w.researcher, 'export.csv?lang=es');
      assert.equal(es.statusCode, 200);
      const rows = csvRows(es.rawPayload);
      assert.equal(rows.length, 10);
      const head = rows[0]!;
      assert.ok(head.includes('Papel de la persona'));
      const role = head.indexOf('Papel de la persona');
      assert.deepEqual(new Set(rows.slice(1).map((r) => r[role])), new Set(['Madre o padre', 'Dirigente comunitario']));
      const reasons = head.indexOf('¿Por qué dejó la escuela?');
      assert.equal(rows[1]![reasons], 'Trabajo; Mendicidad en ciudades');
      assert.ok(
        rows.slice(1).some((r) => r.includes('Quingeo')),
        'the parish by its name',
      );
      const qu = await get(w.researcher, 'export.xlsx?lang=qu-EC');
      const sheets = await xlsxSheets(qu.rawPayload);
      const main = sheets[0]!.rows;
      assert.ok(main[0]!.includes('Runapak ruray'));
      assert.ok(main.slice(1).some((r) => r.includes('Mama yaya')));
      const children = sheets.find((s) => s.name === 'children')!;
      assert.equal(children.rows.length, 1 + 9 * 2, 'two children per interview in their own sheet');
      const audit = await w.t.db.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'study.exported')
        .execute();
      assert.equal(audit.length, 2);
      // What was exported, how and how much; never a value of an answer.
      for (const a of audit)
        assert.deepEqual(Object.keys(JSON.parse(a.details as string)).sort(), ['format', 'lang', 'layout', 'rows']);
    });

    it('exports the KoboToolbox/ODK layout: group paths, choice names, a 0/1 column per choice, repeats by index', async () => {
      const res = await get(w.researcher, 'export.xlsx?layout=xlsform');
      const [main, children] = await xlsxSheets(res.rawPayload);
      const head = main!.rows[0] as string[];
      for (const h of [
        'respondent/role',
        'respondent/age',
        'reasons',
        'reasons/work',
        'reasons/other',
        '_id',
        '_uuid',
        '_submission_time',
        '_index',
      ])
        assert.ok(head.includes(h), h);
      const first = main!.rows[1]!;
      assert.equal(first[head.indexOf('reasons')], 'work begging');
      assert.equal(first[head.indexOf('reasons/work')], 1);
      assert.equal(first[head.indexOf('reasons/cost')], 0);
      const ch = children!.rows[0] as string[];
      for (const h of ['children/child_age', 'children/destination', '_index', '_parent_index', '_parent_table_name'])
        assert.ok(ch.includes(h), h);
      assert.equal(children!.rows[1]![ch.indexOf('children/destination')], 'colombia');
      assert.equal(children!.rows[1]![ch.indexOf('_parent_index')], 1);
    });

    it('gives analysts outside the owner organisation only the protected table, never a count under k', async () => {
      for (const file of ['export.csv?question=role&lang=es', 'export.xlsx?question=reasons&lang=qu-EC']) {
        const res = await get(w.donor, file);
        assert.equal(res.statusCode, 200, res.body);
        const rows = file.includes('csv') ? csvRows(res.rawPayload) : (await xlsxSheets(res.rawPayload))[0]!.rows;
        assert.ok(rows.length <= 5, 'places and a total, not one row per interview');
        const text = JSON.stringify(rows);
        assert.ok(!text.includes('R-0001'), 'no respondent code');
        for (const r of rows.slice(1))
          for (const v of r.slice(1)) {
            const n = Number(v);
            if (v !== '' && v !== null && !Number.isNaN(n)) assert.ok(n === 0 || n >= 3, `a count under k: ${v}`);
          }
      }
      const none = await w.t.db.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'study.exported')
        .execute();
      assert.ok(
        none.every((a) => a.actor_user_id !== w.donor.userId),
        'a table export is not a raw export',
      );
      assert.equal((await get(w.interviewer, 'export.csv')).statusCode, 404);
    });

    it('reads back its own XLSX in the Kobo/ODK layout as an import: every interview is already there', async () => {
      const before = await w.count();
      const file = await get(w.researcher, 'export.xlsx?layout=xlsform');
      const res = await w.upload(w.researcher, `/api/studies/${w.studyId}/imports`, file.rawPayload, 'datos.xlsx');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().imported, 0);
      assert.equal(res.json().skipped, res.json().rows);
      assert.equal(await w.count(), before);
    });

    it('keeps the version each interview was given on when a new version of the form is imported', async () => {
      const sheets = cuencaStudySheets();
      const settings = sheets.settings![0]!;
      settings.cells.version = '2026-02';
      const res = await w.upload(
        w.researcher,
        `/api/studies/${w.studyId}/form`,
        await writeXlsformWorkbook(sheets),
        'v2.xlsx',
      );
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().number, 2);
      const detail = (await w.call(w.researcher, 'GET', `/api/studies/${w.studyId}`)).json();
      assert.equal(detail.form.number, 2);
      // A phone that still has version 1 sends on it; the export names each interview's version.
      assert.equal((await send(w, w.interviewer, banos, answersFor())).statusCode, 200);
      assert.equal((await send(w, w.interviewer, banos, answersFor(), { formVersion: 2 })).statusCode, 200);
      const rows = csvRows((await get(w.researcher, 'export.csv?layout=xlsform')).rawPayload);
      const v = rows[0]!.indexOf('__version__');
      assert.deepEqual(new Set(rows.slice(1).map((r) => r[v])), new Set(['1', '2']));
    });

    it('keeps each study its own form: another study with the same form_id starts at version 1, and another form is refused once interviews exist, storing nothing', async () => {
      const versions = async () =>
        Number(
          (
            await w.t.db.handle.db
              .selectFrom('form_versions')
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const created = await w.call(w.researcher, 'POST', '/api/studies', {
        title: { es: 'Segundo estudio de prueba' },
        purpose: { es: 'Prueba' },
        consent: { es: '¿Acepta participar?' },
        places: [banos],
        respondents: 'anonymous',
      });
      assert.equal(created.statusCode, 200, created.body);
      const second = created.json().id as string;
      const same = await w.upload(
        w.researcher,
        `/api/studies/${second}/form`,
        await writeXlsformWorkbook(cuencaStudySheets()),
        'cuenca.xlsx',
      );
      assert.equal(same.statusCode, 200, same.body);
      assert.equal(same.json().number, 1, "its own form, not a version of the first study's");
      const other = cuencaStudySheets();
      other.settings![0]!.cells.form_id = 'otro_formulario';
      const before = await versions();
      const refused = await w.upload(
        w.researcher,
        `/api/studies/${w.studyId}/form`,
        await writeXlsformWorkbook(other),
        'otro.xlsx',
      );
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().code, 'study_form_other');
      assert.equal(await versions(), before, 'nothing stored');
    });

    it('imports a Kobo CSV once, skips its rows the second time, and refuses a file with a bad row whole', async () => {
      const csv = Buffer.from(
        `${koboHeader}\n${koboRow('uuid:k-0001', 33)}\n${koboRow('uuid:k-0002', 51, 'leader')}\n`,
        'utf8',
      );
      const before = await w.count();
      const first = await w.upload(
        w.researcher,
        `/api/studies/${w.studyId}/imports?division=${tarqui}`,
        csv,
        'kobo.csv',
      );
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), { imported: 2, skipped: 0, rows: 2 });
      const again = await w.upload(
        w.researcher,
        `/api/studies/${w.studyId}/imports?division=${tarqui}`,
        csv,
        'kobo.csv',
      );
      assert.deepEqual(again.json(), { imported: 0, skipped: 2, rows: 2 });
      assert.equal(await w.count(), before + 2);
      const bad = Buffer.from(`${koboHeader}\n${koboRow('uuid:k-0003', 40)}\n${koboRow('uuid:k-0004', 200)}\n`, 'utf8');
      const refused = await w.upload(
        w.researcher,
        `/api/studies/${w.studyId}/imports?division=${tarqui}`,
        bad,
        'kobo.csv',
      );
      assert.equal(refused.statusCode, 422);
      const body = refused.json();
      assert.equal(body.code, 'import_rows_invalid', refused.body);
      assert.deepEqual(
        body.rows.map((r: { row: number }) => r.row),
        [3],
      );
      assert.ok(body.fields.some((f: { path: string }) => f.path === 'rows.3.answers.age'));
      assert.match(body.message, /3/);
      assert.equal(await w.count(), before + 2, 'nothing of the refused file stored');
      const noPlace = await w.upload(w.researcher, `/api/studies/${w.studyId}/imports`, bad, 'kobo.csv');
      assert.equal(noPlace.statusCode, 422);
      assert.equal((await w.upload(w.donor, `/api/studies/${w.studyId}/imports`, csv, 'kobo.csv')).statusCode, 404);
    });
  });
}
