import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { hostilePdf } from '../../../tests/support/hostile-files';
import { taggedPhoto } from '../../../tests/support/media';
import { multipart, openTestCase } from '../../../tests/support/requests';
import { fileStoreOf } from '../../platform/blobs/index';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

for (const target of dbTargets()) {
  describe(`case attachments on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed;
    let outsider: Signed;
    let caseId = '';
    let jpeg: Buffer;
    const upload = async (s: Signed, bytes: Buffer, name: string) => {
      const m = await multipart(bytes, name);
      return t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/files`,
        payload: m.payload,
        headers: { ...s.headers, 'content-type': m.type },
      });
    };
    before(async () => {
      jpeg = await taggedPhoto();
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
      outsider = await signInNewUser(t.app, t.db.ctx, {
        role: 'caseworker',
        scope: '0101',
        orgId: await makeOrg(t.db.ctx, '0101'),
      });
      caseId = await openTestCase(t, worker, { code: '0603', first: 'Con', second: 'Adjuntos Prueba', age: 30 });
    });
    after(() => t.close());

    it('stores a photo encrypted and without EXIF, returns the cleaned original and audits the download', async () => {
      const res = await upload(worker, jpeg, 'foto-zqname.jpg');
      assert.equal(res.statusCode, 200, res.body);
      const file = res.json();
      assert.equal(file.mime, 'image/jpeg');
      const stored = (await fileStoreOf(t.db.ctx).get(`case-${file.id}`))!.toString('latin1');
      assert.doesNotMatch(stored, /SECRET-OWNER|Exif|zqname/);
      const down = await t.app.inject({ url: `/api/cases/${caseId}/files/${file.id}`, headers: worker.headers });
      assert.equal(down.statusCode, 200);
      assert.equal(down.headers['content-type'], 'image/jpeg');
      const body = down.rawPayload.toString('latin1');
      assert.match(body, /^\xff\xd8.*\xff\xd9$/s, 'a whole JPEG, re-encoded');
      assert.doesNotMatch(body, /SECRET-OWNER|Exif/);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('record_id', '=', caseId)
        .execute();
      assert.ok(audit.some((a) => a.action === 'case.file_downloaded' && a.details.includes(file.id)));
      const list = (await t.app.inject({ url: `/api/cases/${caseId}/files`, headers: worker.headers })).json();
      assert.deepEqual(
        list.map((f: { name: string }) => f.name),
        ['foto-zqname.jpg'],
      );
    });

    it('accepts PDF documents, refuses other types and oversized files, and hides files outside the jurisdiction', async () => {
      const pdf = (await upload(worker, await hostilePdf(), 'acta.pdf')).json();
      assert.equal(pdf.mime, 'application/pdf');
      assert.equal((await upload(worker, Buffer.from('%PDF-1.7\nprueba'), 'x.pdf')).json().code, 'file_damaged');
      assert.equal((await upload(worker, Buffer.from('MZ executable'), 'x.exe')).json().code, 'file_type_not_allowed');
      assert.equal((await upload(worker, Buffer.alloc(6 * 1024 * 1024, 0xff), 'big.jpg')).statusCode, 413);
      assert.equal((await upload(outsider, jpeg, 'a.jpg')).statusCode, 404);
      assert.equal(
        (await t.app.inject({ url: `/api/cases/${caseId}/files`, headers: outsider.headers })).statusCode,
        404,
      );
    });
  });
}
