import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../tests/support/access';
import { openTestApp, type TestApp } from '../../tests/support/app';
import { dbTargets } from '../../tests/support/db';
import {
  appendedJpeg,
  hostilePdf,
  htmlInMp3,
  markerIn,
  motionPhoto,
  mp3Frames,
  picture,
  pixelBomb,
  pngProblem,
  svgPolyglot,
  taggedMp3,
  taggedPng,
} from '../../tests/support/hostile-files';
import { formToken } from '../../tests/support/reports';
import { openTestCase } from '../../tests/support/requests';
import { seedGeoDemo } from '../modules/geo/demo';
import { GeoService } from '../modules/geo/service';
import { fileStoreOf } from './blobs/index';
import { jpeg as jpegStructure } from './media/image';

// Must-show 1 of issue 17, end to end: hostile files uploaded as a case file and as an anonymous report's
// attachment are stored (decrypted here) with no metadata and nothing after their end, or refused with a 4xx.

type Hostile = { name: string; bytes: () => Promise<Buffer> | Buffer; type: string; refused?: [number, string] };
const corpus: Hostile[] = [
  { name: 'appended JPEG with GPS', bytes: appendedJpeg, type: 'image/jpeg' },
  { name: 'motion photo', bytes: motionPhoto, type: 'image/jpeg' },
  { name: 'PNG with XMP and eXIf', bytes: taggedPng, type: 'image/png' },
  { name: 'MP3 with ID3 between frames and APE', bytes: taggedMp3, type: 'audio/mpeg' },
  { name: 'MP3 whose tag is a web page', bytes: htmlInMp3, type: 'audio/mpeg' },
  { name: 'PDF with JavaScript and author', bytes: hostilePdf, type: 'application/pdf' },
  { name: 'SVG declared as audio', bytes: svgPolyglot, type: 'audio/mpeg', refused: [400, 'file_type_not_allowed'] },
  {
    name: 'PNG declared as audio',
    bytes: () => picture('png'),
    type: 'audio/mpeg',
    refused: [400, 'file_type_mismatch'],
  },
  { name: 'pixel bomb', bytes: pixelBomb, type: 'image/png', refused: [413, 'image_too_large'] },
];

/** The stored file ends where its format ends: the structural walk or the expected frames say so. */
function assertEndsAtItsEnd(mime: string, data: Buffer): void {
  if (mime === 'image/jpeg') assert.deepEqual(jpegStructure(data), data);
  else if (mime === 'image/png') assert.equal(pngProblem(data), undefined);
  else if (mime === 'audio/mpeg') assert.deepEqual(data, Buffer.concat(mp3Frames));
  else if (mime === 'application/pdf') assert.match(data.toString('latin1'), /^%PDF-.*%%EOF\n?$/s);
  else assert.fail(`unexpected ${mime}`);
}

async function form(fields: Record<string, string>, file?: { bytes: Buffer; type: string; name: string }) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (file)
    f.append(fields.token ? 'files' : 'file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const req = new Request('http://local/x', { method: 'POST', body: f });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  };
}

for (const target of dbTargets()) {
  describe(`hostile uploads on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed;
    let caseId = '';
    const stored = async (prefix: string, table: string, id: string) =>
      t.db.ctx.crypto.decryptBytes((await fileStoreOf(t.db.ctx).get(`${prefix}${id}`))!, {
        table,
        row: id,
        column: 'data',
      });
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
      caseId = await openTestCase(t, worker, { code: '0603', first: 'Con', second: 'Archivos Hostiles', age: 30 });
    });
    after(() => t.close());

    it('case files: each hostile file is stored clean to its end, or refused with a 4xx and a stable code', async () => {
      for (const h of corpus) {
        const body = await form({}, { bytes: await h.bytes(), type: h.type, name: 'archivo' });
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/files`,
          payload: body.payload,
          headers: { ...worker.headers, ...body.headers, 'accept-language': 'en' },
        });
        if (h.refused) {
          assert.deepEqual([res.statusCode, res.json().code], h.refused, h.name);
          assert.ok(res.json().message.length > 10, `${h.name}: a message in words`);
          continue;
        }
        assert.equal(res.statusCode, 200, `${h.name}: ${res.body}`);
        const file = res.json();
        const data = await stored('case-', 'case_files', file.id);
        assert.equal(markerIn(data), undefined, h.name);
        assertEndsAtItsEnd(file.mime, data);
        assert.equal(file.size, data.length);
      }
      const bomb = await form({}, { bytes: pixelBomb(), type: 'image/png', name: 'bomba.png' });
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/files`,
        payload: bomb.payload,
        headers: { ...worker.headers, ...bomb.headers, 'accept-language': 'en' },
      });
      assert.equal(res.json().message, 'The photo has more than 50 million pixels; send a smaller one.');
    });

    it('anonymous report attachments: photos and audio stored clean, the rest refused on the form', async () => {
      const fields = async () => ({ lang: 'es', token: await formToken(t.app), what: 'Con adjunto', division: '0606' });
      const send = async (h: Hostile) =>
        t.app.inject({
          method: 'POST',
          url: '/report',
          ...(await form(await fields(), { bytes: await h.bytes(), type: h.type, name: 'adjunto' })),
        });
      for (const h of corpus.filter((x) =>
        ['appended JPEG with GPS', 'motion photo', 'MP3 with ID3 between frames and APE'].includes(x.name),
      )) {
        const before = await t.db.handle.db.selectFrom('report_files').select('id').execute();
        const res = await send(h);
        assert.equal(res.statusCode, 200, `${h.name}: ${res.body.slice(0, 300)}`);
        const files = await t.db.handle.db.selectFrom('report_files').selectAll().execute();
        const added = files.filter((f) => !before.some((b) => b.id === f.id));
        assert.equal(added.length, 1, h.name);
        const data = await stored('', 'report_files', added[0]!.id);
        assert.equal(markerIn(data), undefined, h.name);
        assertEndsAtItsEnd(added[0]!.mime, data);
      }
      const count = async () => (await t.db.handle.db.selectFrom('reports').select('id').execute()).length;
      const reports = await count();
      const refusals: [Hostile, number, RegExp][] = [
        [corpus.find((x) => x.name === 'pixel bomb')!, 413, /demasiado grande/],
        [corpus.find((x) => x.name === 'SVG declared as audio')!, 400, /Solo aceptamos fotos/],
        [corpus.find((x) => x.name === 'PDF with JavaScript and author')!, 400, /Solo aceptamos fotos/],
      ];
      for (const [h, status, message] of refusals) {
        const res = await send(h);
        assert.equal(res.statusCode, status, h.name);
        assert.match(res.body, message, h.name);
      }
      assert.equal(await count(), reports, 'a refused file sends no report: the person can try again');
    });
  });
}
