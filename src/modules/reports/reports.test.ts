import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeOrg, makeUser, signIn, totpNow } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { taggedPhoto } from '../../../tests/support/media';
import { formToken, submitReport } from '../../../tests/support/reports';
import { fileStoreOf } from '../../platform/blobs/index';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { minAnswerMs } from './receipt';

const secret = 'a-shared-secret-for-tests-only';
const sign = (raw: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

for (const target of dbTargets()) {
  describe(`reporting channel on ${target.name}`, () => {
    let t: TestApp;
    const logs: string[] = [];
    let triager: Awaited<ReturnType<typeof signIn>>;
    before(async () => {
      t = await openTestApp(
        target,
        { MINKA_TRUST_PROXY: 1, MINKA_WEBHOOK_SECRET: secret, MINKA_RATE_LIMIT_MAX: 100_000 },
        { level: 'trace', stream: { write: (l) => logs.push(l) } },
      );
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0606');
      const u = await makeUser(t.db.ctx, { role: 'triage_officer', scope: '0606', orgId: org, totp: true });
      triager = await signIn(t.app, u.email, { totp: totpNow() });
    });
    after(() => t.close());

    it('takes a report without JavaScript, shows a 16-digit receipt once, and sets no cookie before receipt sign-in', async () => {
      const page = await t.app.inject({ url: '/report?lang=qu-EC&province=06&canton=0606' });
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['set-cookie'], undefined);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.equal(page.headers['referrer-policy'], 'no-referrer');
      assert.match(String(page.headers['content-security-policy']), /^default-src 'none'/);
      assert.doesNotMatch(page.body, /<script/i);
      assert.match(page.body, /<html lang="qu-EC">/);
      assert.match(page.body, /Maypitak karka\?/);
      assert.match(page.body, /<option value="060650">Guamote<\/option>/);
      const { res, receipt } = await submitReport(t.app, {
        lang: 'qu-EC',
        division: '060650',
        what: 'Prueba: wawakuna Colombiaman rirkakuna',
        forms: ['begging', 'labour'],
        child: 'yes',
        danger: 'yes',
        people: '2',
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['set-cookie'], undefined);
      assert.match(receipt ?? '', /^\d{16}$/);
      assert.match(res.body, /tel:911/, 'danger now shows the emergency numbers');
      const row = await t.db.handle.db
        .selectFrom('reports')
        .selectAll()
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(row.division_code, '060650');
      assert.equal(row.forms, '["begging","labour"]');
      assert.doesNotMatch(JSON.stringify(row), /wawakuna|\d{16}/);
      assert.equal(row.receipt_locator, receipt!.slice(0, 6));
      assert.match(row.receipt_hash ?? '', /^\$argon2id\$/);
    });

    it('accepts a photo as multipart, strips its metadata and stores it encrypted', async () => {
      const token = await formToken(t.app);
      const form = new FormData();
      for (const [k, v] of Object.entries({ lang: 'es', token, what: 'Con foto de prueba', division: '0606' }))
        form.append(k, v);
      const jpeg = await taggedPhoto();
      form.append('files', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'IMG_0001.jpg');
      const req = new Request('http://local/report', { method: 'POST', body: form });
      const res = await t.app.inject({
        method: 'POST',
        url: '/report',
        payload: Buffer.from(await req.arrayBuffer()),
        headers: { 'content-type': req.headers.get('content-type')! },
      });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const files = await t.db.handle.db.selectFrom('report_files').selectAll().execute();
      assert.equal(files.length, 1);
      assert.equal(files[0]!.mime, 'image/jpeg');
      const stored = (await fileStoreOf(t.db.ctx).get(files[0]!.id))!;
      assert.doesNotMatch(stored.toString('latin1'), /SECRET-OWNER|Exif|IMG_0001/);
      const plain = t.db.ctx.crypto
        .decryptBytes(stored, { table: 'report_files', row: files[0]!.id, column: 'data' })
        .toString('latin1');
      assert.match(plain, /^\xff\xd8.*\xff\xd9$/s, 'a whole JPEG, re-encoded');
      assert.doesNotMatch(plain, /SECRET-OWNER|Exif/);
      const refused = new FormData();
      for (const [k, v] of Object.entries({ lang: 'es', token, what: 'Con PDF' })) refused.append(k, v);
      refused.append('files', new Blob([Buffer.from('%PDF-1.7')]), 'doc.pdf');
      const r2 = new Request('http://local/report', { method: 'POST', body: refused });
      const bad = await t.app.inject({
        method: 'POST',
        url: '/report',
        payload: Buffer.from(await r2.arrayBuffer()),
        headers: { 'content-type': r2.headers.get('content-type')! },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Solo aceptamos fotos JPEG o PNG/);
    });

    it('answers a file over 5 MB with the form and a plain explanation, not JSON', async () => {
      const token = await formToken(t.app);
      const form = new FormData();
      for (const [k, v] of Object.entries({ lang: 'es', token, what: 'Con un archivo enorme' })) form.append(k, v);
      form.append('files', new Blob([Buffer.alloc(6 * 1024 * 1024, 1)], { type: 'image/jpeg' }), 'big.jpg');
      const req = new Request('http://local/report', { method: 'POST', body: form });
      const res = await t.app.inject({
        method: 'POST',
        url: '/report',
        payload: Buffer.from(await req.arrayBuffer()),
        headers: { 'content-type': req.headers.get('content-type')! },
      });
      assert.equal(res.statusCode, 413);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.body, /Solo aceptamos fotos JPEG o PNG/);
    });

    it('refuses an empty story or a forged form, keeping what was typed', async () => {
      const empty = await submitReport(t.app, { what: '   ', placeText: 'Columbe' });
      assert.equal(empty.res.statusCode, 400);
      assert.match(empty.res.body, /Cuente qué pasó/);
      assert.match(empty.res.body, /value="Columbe"/);
      const forged = await t.app.inject({
        method: 'POST',
        url: '/report',
        payload: 'what=hola&token=1.abc',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(forged.statusCode, 400);
      assert.match(forged.body, /El formulario caducó/);
    });

    it('lets triage reply and the reporter read and answer with the receipt', async () => {
      const { receipt } = await submitReport(t.app, {
        division: '0606',
        what: 'Prueba de conversación',
        forms: 'domestic',
      });
      const queue = await t.app.inject({ url: '/api/reports?status=new', headers: triager.headers });
      assert.equal(queue.statusCode, 200);
      const item = queue.json().find((r: { forms: string[] }) => r.forms.includes('domestic'));
      assert.ok(item, 'the Guamote report is in the Guamote queue');
      assert.equal(item.language, 'es', 'the queue says which language the report was written in');
      const count = await t.app.inject({ url: '/api/reports/count', headers: triager.headers });
      assert.equal(count.json().new, queue.json().length, 'the menu counts the new reports');
      const templates = await t.app.inject({
        url: '/api/reports/reply-templates?lang=qu-EC',
        headers: triager.headers,
      });
      assert.equal(templates.statusCode, 200);
      assert.match(templates.json().find((x: { key: string }) => x.key === 'received').text, /chaskishkanchikmi/);
      const reply = await t.app.inject({
        method: 'POST',
        url: `/api/reports/${item.id}/messages`,
        headers: triager.headers,
        payload: { body: '¿En qué comunidad pasó?' },
      });
      assert.equal(reply.statusCode, 200);

      const login = await t.app.inject({
        method: 'POST',
        url: '/report/follow',
        payload: `lang=es&receipt=${receipt!.replace(/(\d{4})/g, '$1 ')}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(login.statusCode, 303);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      assert.match(String(login.headers['set-cookie']), /; Path=\/report; HttpOnly;.*SameSite=Strict/);
      const thread = await t.app.inject({ url: '/report/thread?lang=es', headers: { cookie } });
      assert.match(thread.body, /¿En qué comunidad pasó\?/);
      const answer = await t.app.inject({
        method: 'POST',
        url: '/report/thread',
        payload: 'lang=es&body=En+Palmira',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(answer.statusCode, 303);
      const detail = (await t.app.inject({ url: `/api/reports/${item.id}`, headers: triager.headers })).json();
      assert.deepEqual(
        detail.messages.map((m: { author: string; body: string }) => [m.author, m.body]),
        [
          ['staff', '¿En qué comunidad pasó?'],
          ['reporter', 'En Palmira'],
        ],
      );
      assert.equal(detail.awaitingReply, true);
    });

    it('keeps every report page, with everything it loads, under 30 KB', async () => {
      const { res, receipt } = await submitReport(t.app, {
        what: 'Prueba de tamaño',
        danger: 'yes',
        forms: ['begging', 'labour', 'domestic', 'sexual', 'forced_marriage', 'other'],
      });
      const login = await t.app.inject({
        method: 'POST',
        url: '/report/follow',
        payload: `receipt=${receipt}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const pages: [string, string][] = [
        ['/report (es)', (await t.app.inject('/report')).body],
        ['/report (qu-EC, canton chosen)', (await t.app.inject('/report?lang=qu-EC&province=01&canton=0101')).body],
        ['receipt', res.body],
        ['/report/follow', (await t.app.inject('/report/follow?lang=en')).body],
        ['/report/thread', (await t.app.inject({ url: '/report/thread', headers: { cookie } })).body],
      ];
      for (const [name, body] of pages) {
        const assets = [...body.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js|png|svg|woff2?))"/g)].map((m) => m[1]!);
        assert.doesNotMatch(body, /(?:href|src)="https?:/, `${name} loads nothing from another site`);
        let bytes = Buffer.byteLength(body);
        for (const a of assets) bytes += Buffer.byteLength((await t.app.inject(a)).body);
        assert.ok(assets.includes('/report/style.css'));
        assert.ok(bytes <= 30 * 1024, `${name} loads ${bytes} bytes`);
      }
    });

    it('answers a wrong receipt exactly like an expired one, after the same minimum delay', async () => {
      const { receipt } = await submitReport(t.app, { division: '0606', what: 'Prueba de caducidad' });
      await t.db.handle.db
        .updateTable('reports')
        .set({ reporter_activity_at: '2020-01-01T00:00:00.000Z' })
        .where('receipt_locator', '=', receipt!.slice(0, 6))
        .execute();
      const tryCode = async (code: string) => {
        const start = Date.now();
        const res = await t.app.inject({
          method: 'POST',
          url: '/report/follow',
          payload: `lang=es&receipt=${code}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        return {
          ms: Date.now() - start,
          status: res.statusCode,
          body: res.body.replace(/x-request-id.*/g, ''),
          cookie: res.headers['set-cookie'],
        };
      };
      const expired = await tryCode(receipt!);
      const wrong = await tryCode(`${receipt!.slice(0, 6)}0000000000`);
      const unknown = await tryCode('9999999999999999');
      for (const r of [expired, wrong, unknown]) {
        assert.equal(r.status, 400);
        assert.equal(r.cookie, undefined);
        assert.equal(r.body, expired.body);
        assert.ok(r.ms >= minAnswerMs - 5, `answered after ${r.ms} ms`);
      }
    });

    it('throttles a flood from one source while another source still reports', async () => {
      const a = { 'x-forwarded-for': '198.51.100.7' };
      const token = await formToken(t.app, a);
      const codes: number[] = [];
      for (let i = 0; i < 1000; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/report',
          payload: `lang=es&token=${encodeURIComponent(token)}&what=flood${i}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...a },
        });
        codes.push(res.statusCode);
      }
      assert.equal(codes.filter((c) => c === 200).length, t.db.config.MINKA_REPORTS_PER_SOURCE);
      assert.equal(codes.filter((c) => c === 429).length, 1000 - t.db.config.MINKA_REPORTS_PER_SOURCE);
      const other = await submitReport(
        t.app,
        { what: 'Otra fuente, otra persona' },
        { 'x-forwarded-for': '198.51.100.99' },
      );
      assert.equal(other.res.statusCode, 200);
    });

    it('accepts signed RapidPro webhooks, continues by contact, and refuses a wrong signature storing nothing', async () => {
      const count = async () =>
        Number(
          (
            await t.db.handle.db
              .selectFrom('reports')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const payload = JSON.stringify({
        contact: { uuid: 'c-1', urn: 'whatsapp:593990000001' },
        results: { what: { value: 'Prueba por WhatsApp' }, child: { value: 'Sí' }, forms: { value: 'begging' } },
        input: { text: 'Prueba por WhatsApp' },
      });
      const before = await count();
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/reports/webhook/rapidpro',
        payload,
        headers: { 'content-type': 'application/json', 'x-minka-signature': `sha256=${'0'.repeat(64)}` },
      });
      assert.equal(bad.statusCode, 401);
      assert.equal(bad.json().code, 'bad_signature');
      const unsigned = await t.app.inject({
        method: 'POST',
        url: '/api/reports/webhook/rapidpro',
        payload,
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(unsigned.statusCode, 401);
      assert.equal(await count(), before);
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/reports/webhook/rapidpro',
        payload,
        headers: { 'content-type': 'application/json', 'x-minka-signature': sign(payload) },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().continued, false);
      assert.equal(await count(), before + 1);
      const more = JSON.stringify({
        contact: { urn: 'whatsapp:593990000001' },
        results: {},
        input: { text: 'Se fueron ayer' },
      });
      const cont = await t.app.inject({
        method: 'POST',
        url: '/api/reports/webhook/rapidpro',
        payload: more,
        headers: { 'content-type': 'application/json', 'x-minka-signature': sign(more) },
      });
      assert.deepEqual(cont.json(), { report: ok.json().report, continued: true, files: 0, filesSkipped: 0 });
      const row = await t.db.handle.db
        .selectFrom('reports')
        .selectAll()
        .where('code', '=', ok.json().report)
        .executeTakeFirstOrThrow();
      assert.equal(row.channel, 'whatsapp');
      assert.equal(row.child_involved, 1);
      assert.doesNotMatch(JSON.stringify(row), /593990000001|WhatsApp/);
      const broken = '{"contact":';
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/reports/webhook/rapidpro',
            payload: broken,
            headers: { 'content-type': 'application/json', 'x-minka-signature': sign(broken) },
          })
        ).statusCode,
        400,
      );
    });

    it('keeps no trace of the reporter: address, browser and referrer are nowhere in the database or logs', async () => {
      const trace = {
        'x-forwarded-for': '203.0.113.77',
        'user-agent': 'CanaryAgent/9.9 (zqxv-phone)',
        referer: 'https://referrer.example/zqxv-page',
      };
      const { res } = await submitReport(t.app, { what: 'Canario de rastro zqxvtext', division: '0603' }, trace);
      assert.equal(res.statusCode, 200);
      const payload = JSON.stringify({
        contact: { urn: 'tel:+593990000002' },
        results: { what: { value: 'Canario de rastro zqxvtext por SMS' } },
      });
      await t.app.inject({
        method: 'POST',
        url: '/api/reports/webhook/rapidpro',
        payload,
        headers: { 'content-type': 'application/json', 'x-minka-signature': sign(payload), ...trace },
      });
      const log = logs.join('');
      assert.ok(log.includes('"url":"/report"'), 'requests were logged');
      const forbidden = ['203.0.113.77', 'CanaryAgent', 'zqxv-phone', 'referrer.example', 'zqxv-page'];
      for (const f of forbidden) assert.ok(!log.includes(f), `logs contain ${f}`);
      assert.ok(!log.includes('zqxvtext'), 'logs contain the report text');
      if (target.name === 'sqlite') {
        const dir = t.db.config.dataDir;
        for (const f of readdirSync(dir, { recursive: true }).map(String)) {
          if (statSync(path.join(dir, f)).isDirectory()) continue;
          const bytes = readFileSync(path.join(dir, f)).toString('latin1');
          for (const s of [...forbidden, 'zqxvtext']) assert.ok(!bytes.includes(s), `${f} contains ${s}`);
        }
      } else {
        const dump =
          JSON.stringify(await t.db.handle.db.selectFrom('reports').selectAll().execute()) +
          JSON.stringify(await t.db.handle.db.selectFrom('audit_log').selectAll().execute());
        for (const s of [...forbidden, 'zqxvtext']) assert.ok(!dump.includes(s), `database contains ${s}`);
      }
    });
  });
}

for (const target of dbTargets()) {
  describe(`report retention on ${target.name}`, () => {
    it('warns a week before and then purges reports never linked to a case', async () => {
      const t = await openTestApp(target, { MINKA_REPORT_RETENTION_DAYS: 90 });
      try {
        const { RetentionService } = await import('./retention');
        const { PublicReports } = await import('./public');
        const pub = new PublicReports(t.db.ctx);
        const base = {
          forms: ['other'],
          child: null,
          people: null,
          danger: false,
          language: 'es',
          channel: 'web' as const,
          withReceipt: false,
        };
        const old = await pub.submit({ ...base, what: 'Vieja' });
        const soon = await pub.submit({ ...base, what: 'Casi vieja' });
        const linked = await pub.submit({ ...base, what: 'Vinculada' });
        const fresh = await pub.submit({ ...base, what: 'Nueva' });
        const day = 86_400_000;
        const at = (ms: number) => new Date(Date.now() - ms).toISOString();
        const q = t.db.handle.db;
        await q
          .updateTable('reports')
          .set({ updated_at: at(100 * day), reporter_activity_at: at(100 * day) })
          .where('id', '=', old.id)
          .execute();
        await q
          .updateTable('reports')
          .set({ updated_at: at(85 * day), reporter_activity_at: at(85 * day) })
          .where('id', '=', soon.id)
          .execute();
        await q
          .updateTable('reports')
          .set({ updated_at: at(200 * day), reporter_activity_at: at(200 * day), case_code: 'GUA-2027-0001' })
          .where('id', '=', linked.id)
          .execute();
        assert.deepEqual(await new RetentionService(t.db.ctx).purge(), { purged: 1, warned: 1 });
        const left = (await q.selectFrom('reports').select('id').execute()).map((r) => r.id).sort();
        assert.deepEqual(left, [soon.id, linked.id, fresh.id].sort());
        const warning = await q
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'report.purge_warning')
          .execute();
        assert.deepEqual(
          warning.map((w) => w.record_id),
          [soon.id],
        );
        assert.deepEqual(await new RetentionService(t.db.ctx).purge(), { purged: 0, warned: 0 }, 'warned once');
      } finally {
        await t.close();
      }
    });
  });
}
