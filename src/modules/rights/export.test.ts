import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { extractText, getDocumentProxy } from 'unpdf';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { callAs, openTestCase } from '../../../tests/support/requests';
import { nowIso } from '../../platform/db/index';
import { recordFields } from '../cases/record-fields';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import {
  caseExportFields,
  eventExportFields,
  perpetratorExportFields,
  perpetratorWithheld,
  personExportFields,
} from './export-fields';

const pdfText = async (bytes: Buffer) =>
  (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;

for (const target of dbTargets()) {
  describe(`access export on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed;
    let boss: Signed;
    let outsider: Signed;
    const call = callAs(() => t);
    let n = 0;
    const request = async (caseId: string, right: string, language = 'es') => {
      const db = t.db.handle.db;
      const c = await db.selectFrom('cases').select('person_id').where('id', '=', caseId).executeTakeFirstOrThrow();
      const id = randomUUID();
      const code = `SOL-2026-9${String(++n).padStart(3, '0')}`;
      await db
        .insertInto('data_requests')
        .values({
          id,
          code,
          person_id: c.person_id,
          case_id: caseId,
          right,
          requester_enc: null,
          channel: 'in_person',
          language,
          note_enc: null,
          received_on: '2026-11-30',
          due_on: '2026-12-15',
          status: 'open',
          answered_on: null,
          answered_by: null,
          outcome_enc: null,
          refusal_reason: null,
          created_by: 'test',
          created_at: nowIso(),
          updated_at: nowIso(),
        })
        .execute();
      return { id, code };
    };

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603', 'Fundación Exportación (prueba)');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
      boss = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0603', orgId: org });
      const far = await makeOrg(t.db.ctx, '0101', 'Fundación Lejana (prueba)');
      outsider = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0101', orgId: far });
    });
    after(() => t.close());

    it('exports the person as JSON with the history and as a PDF with names and case code; audited', async () => {
      const caseId = await openTestCase(t, worker, {
        code: '0603',
        first: 'Demo Rumiñahui',
        second: 'Exporta Prueba',
        age: 30,
      });
      const detail = (await call(worker, 'GET', `/api/cases/${caseId}`)).json() as { code: string; version: number };
      const patch = await call(worker, 'PATCH', `/api/cases/${caseId}`, {
        version: detail.version,
        fields: { local_MonthsExploited: 4 },
      });
      assert.equal(patch.statusCode, 200, patch.body);
      const r = await request(caseId, 'access');

      const json = await call(boss, 'GET', `/api/rights/requests/${r.id}/export.json`);
      assert.equal(json.statusCode, 200, json.body);
      assert.match(String(json.headers['content-disposition']), new RegExp(`minka-acceso-${r.code}\\.json`));
      assert.ok(!String(json.headers['content-disposition']).includes('Rumi'));
      const doc = JSON.parse(json.body);
      assert.equal(doc.format, 'minka.access-export');
      assert.equal(doc.person.prs_FirstName, 'Demo Rumiñahui');
      assert.equal(doc.cases[0].code, detail.code);
      assert.ok(
        doc.cases[0].history.some((h: { fields: { field: string; to: unknown }[] }) =>
          h.fields.some((f) => f.field === 'local_MonthsExploited' && f.to === 4),
        ),
      );
      assert.equal(doc.requests[0].code, r.code);

      const pdf = await call(boss, 'GET', `/api/rights/requests/${r.id}/export.pdf`);
      assert.equal(pdf.statusCode, 200, pdf.body);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = await pdfText(pdf.rawPayload);
      for (const s of ['Demo Rumiñahui', 'Exporta Prueba', detail.code, r.code])
        assert.ok(text.includes(s), `${s} in ${text.slice(0, 600)}`);

      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['details'])
        .where('action', '=', 'rights.exported')
        .where('record_id', '=', r.id)
        .execute();
      assert.equal(audit.length, 2);
      for (const a of audit) assert.ok(!a.details.includes('Rumi'));
    });

    it('refuses other roles, supervisors elsewhere, and rights other than access or portability', async () => {
      const caseId = await openTestCase(t, worker, {
        code: '0603',
        first: 'Demo Sumak',
        second: 'Exporta Prueba',
        age: 25,
      });
      const r = await request(caseId, 'portability');
      assert.equal((await call(worker, 'GET', `/api/rights/requests/${r.id}/export.json`)).statusCode, 403);
      assert.equal((await call(outsider, 'GET', `/api/rights/requests/${r.id}/export.pdf`)).statusCode, 404);
      assert.equal((await call(boss, 'GET', `/api/rights/requests/${randomUUID()}/export.json`)).statusCode, 404);
      const erase = await request(caseId, 'erasure');
      const refused = await call(boss, 'GET', `/api/rights/requests/${erase.id}/export.json`);
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().code, 'export_not_for_right');
      assert.equal((await call(boss, 'GET', `/api/rights/requests/${r.id}/export.json`)).statusCode, 200);
    });
  });
}

describe('access export field table', () => {
  it("covers every field of the living record with the cases module's column and storage", () => {
    const ours = { person: personExportFields, case: caseExportFields, event: eventExportFields } as const;
    for (const [type, specs] of Object.entries(ours)) {
      const theirs = recordFields[type as keyof typeof ours];
      assert.deepEqual(Object.keys(specs).sort(), Object.keys(theirs).sort(), type);
      for (const [k, s] of Object.entries(specs)) {
        assert.equal(s.column, theirs[k]!.column, `${type}.${k}`);
        assert.equal(s.storage, theirs[k]!.storage, `${type}.${k}`);
      }
    }
    assert.deepEqual(
      [...Object.keys(perpetratorExportFields), ...perpetratorWithheld].sort(),
      Object.keys(recordFields.perpetrator).sort(),
    );
  });
});
