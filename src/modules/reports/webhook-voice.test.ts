import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { makeOrg, makeUser, signIn, totpNow } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { taggedVoiceNote } from '../../../tests/support/media';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { spokenReport } from './schema';

const secret = 'prueba-secreto-webhook-voz';
const sign = (raw: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

// A WhatsApp voice note reaches Minka as a RapidPro attachment URL: fetched only from the configured media host,
// cleaned of its tags, stored encrypted, and played by triage.
describe('WhatsApp voice notes through the RapidPro webhook', () => {
  const [target] = dbTargets();
  let media: Server;
  let host: string;
  let fetched: string[];
  let t: TestApp;
  const note = taggedVoiceNote();
  before(async () => {
    fetched = [];
    media = createServer((req, res) => {
      fetched.push(req.url ?? '');
      if (req.url === '/media/nota.wav') res.writeHead(200, { 'content-type': 'audio/wav' }).end(note);
      else if (req.url === '/media/big.oga') res.writeHead(200).end(Buffer.alloc(6 * 1024 * 1024));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => media.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(media.address() as AddressInfo).port}`;
    t = await openTestApp(target!, { MINKA_WEBHOOK_SECRET: secret, MINKA_WEBHOOK_MEDIA_HOSTS: host } as never);
    await seedGeoDemo(new GeoService(t.db.handle.db));
  });
  after(async () => {
    await t.close();
    await new Promise((r) => media.close(r));
  });

  const hook = (body: object) => {
    const payload = JSON.stringify(body);
    return t.app.inject({
      method: 'POST',
      url: '/api/reports/webhook/rapidpro',
      payload,
      headers: { 'content-type': 'application/json', 'x-minka-signature': sign(payload) },
    });
  };

  it('stores a voice-only report with its cleaned voice note; other hosts and oversized files are not fetched', async () => {
    const res = await hook({
      contact: { urn: 'whatsapp:593990000777' },
      results: { language: { value: 'kichwa' } },
      input: {
        attachments: [
          `audio/wav:http://${host}/media/nota.wav`,
          'audio/ogg:http://elsewhere.example/x.oga',
          `audio/ogg:http://${host}/media/big.oga`,
        ],
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual({ files: res.json().files, skipped: res.json().filesSkipped }, { files: 1, skipped: 2 });
    assert.deepEqual(fetched.sort(), ['/media/big.oga', '/media/nota.wav']);

    const org = await makeOrg(t.db.ctx, 'EC');
    const u = await makeUser(t.db.ctx, { role: 'triage_officer', scope: 'EC', orgId: org, totp: true });
    const triage = await signIn(t.app, u.email, { totp: totpNow() });
    const list = (await t.app.inject({ url: '/api/reports', headers: triage.headers })).json();
    const item = list.find((r: { code: string }) => r.code === res.json().report);
    assert.equal(item.language, 'qu-EC');
    const detail = (await t.app.inject({ url: `/api/reports/${item.id}`, headers: triage.headers })).json();
    assert.equal(detail.what, spokenReport);
    assert.equal(detail.files.length, 1);
    assert.equal(detail.files[0].kind, 'audio');
    const file = await t.app.inject({
      url: `/api/reports/${item.id}/files/${detail.files[0].id}`,
      headers: triage.headers,
    });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'audio/wav');
    assert.ok(!file.rawPayload.includes('SECRET-ARTIST'), 'the tags are gone');
    assert.ok(file.rawPayload.includes(note.subarray(note.length - 1000)), 'the voice is kept');
    const audit = await t.db.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', item.id)
      .execute();
    assert.ok(
      audit.some((a) => a.action === 'report.file_read'),
      'playing it is audited',
    );
  });

  it('a voice note in an open conversation joins that report', async () => {
    const first = await hook({ contact: { urn: 'whatsapp:593990000888' }, results: { what: { value: 'Prueba' } } });
    const next = await hook({
      contact: { urn: 'whatsapp:593990000888' },
      input: { attachments: [`audio/wav:http://${host}/media/nota.wav`] },
    });
    assert.deepEqual(
      { report: next.json().report, continued: next.json().continued, files: next.json().files },
      { report: first.json().report, continued: true, files: 1 },
    );
  });
});
