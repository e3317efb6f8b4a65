import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

for (const target of dbTargets()) {
  describe(`privacy notices on ${target.name}`, () => {
    let t: TestApp;
    let admin: Signed;
    let worker: Signed;
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0101');
      admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: '0101', orgId: org });
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0101', orgId: org });
    });
    after(() => t.close());

    it('the public notice needs no session and has every part in es, qu-EC and en', async () => {
      for (const lang of ['es', 'qu-EC', 'en']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/privacy/notice?lang=${lang}` });
        assert.equal(res.statusCode, 200);
        const n = res.json();
        assert.equal(n.language, lang);
        for (const part of ['purposes', 'categories', 'recipients', 'retention', 'rights'])
          assert.ok(n[part].length > 0, `${lang} ${part}`);
        assert.ok(n.controller.name && n.dpoContact && n.transfers && n.howToExercise);
        assert.ok(n.categories.some((c: { category: string }) => c.category === 'identity'));
        assert.equal(n.rights.find((r: { right: string }) => r.right === 'access').article, 13);
      }
      const page = await t.app.inject({ method: 'GET', url: '/privacidad?lang=es' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Aviso de privacidad/);
      assert.match(page.body, /<html lang="es">/);
      assert.doesNotMatch(page.body, /<script/);
      const qu = await t.app.inject({ method: 'GET', url: '/privacidad?lang=qu-EC' });
      assert.match(qu.body, /<html lang="qu-EC">/);
      assert.match(qu.body, /Willaykunata kamanamanta willay/);
      assert.match(qu.body, /Kikinpak hayñikuna/);
      assert.match(qu.body, /href="\?lang=es"/);
      assert.match(qu.body, /href="\?lang=en"/);
      const k = (await t.app.inject({ method: 'GET', url: '/api/privacy/notice?lang=qu-EC' })).json();
      assert.equal(k.rights.find((r: { right: string }) => r.right === 'erasure').label, 'Willaykunata pichana');
      assert.doesNotMatch(JSON.stringify(k), /Aviso de privacidad|Solicítelo/);
      const report = await t.app.inject({ method: 'GET', url: '/report?lang=qu-EC' });
      assert.match(report.body, /<footer><a href="\/privacidad\?lang=qu-EC">Willaykunata kamanamanta willay<\/a>/);
      const bad = await t.app.inject({ method: 'GET', url: '/api/privacy/notice?lang=xx' });
      assert.equal(bad.statusCode, 400);
    });

    it('follows a schedule change: the notice says the new months', async () => {
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/retention/schedules/closed_cases',
        headers: admin.headers,
        payload: { months: 97, warningDays: 30 },
      });
      assert.equal(put.statusCode, 200, put.body);
      const n = (await t.app.inject({ method: 'GET', url: '/api/privacy/notice?lang=en' })).json();
      const row = n.retention.find((r: { recordType: string }) => r.recordType === 'closed_cases');
      assert.equal(row.period, '97 months');
      const k = (await t.app.inject({ method: 'GET', url: '/api/privacy/notice?lang=qu-EC' })).json();
      assert.equal(k.retention.find((r: { recordType: string }) => r.recordType === 'closed_cases').period, '97 killa');
    });

    it('the record of processing is for administrators and supervisors only', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/privacy/record' })).statusCode, 401);
      const w = await t.app.inject({ method: 'GET', url: '/api/privacy/record', headers: worker.headers });
      assert.equal(w.statusCode, 403);
      const a = await t.app.inject({ method: 'GET', url: '/api/privacy/record?lang=es', headers: admin.headers });
      assert.equal(a.statusCode, 200);
      assert.equal(a.json().purposes.find((p: { module: string }) => p.module === 'cases').what.length > 0, true);
    });
  });
}

describe('buildNotice', () => {
  it('says what the configuration says: controller, contact of the DPO and the deadline', async () => {
    const { buildNotice } = await import('./generate');
    const n = buildNotice(
      {
        controller: { name: 'Demo Fundación', contact: 'demo@fundacion.example' },
        dpoContact: 'dpd@fundacion.example',
        deadlineDays: 20,
        schedules: [{ recordType: 'closed_cases', months: 60, days: null, action: 'anonymise', kept: false }],
        columns: [{ table: 'persons', kind: 'sealed', fate: 'with-person' }],
      },
      'es',
    );
    assert.equal(n.controller.name, 'Demo Fundación');
    assert.match(n.howToExercise, /dpd@fundacion\.example.*20 días/);
    assert.deepEqual(n.retention[0], {
      recordType: 'closed_cases',
      label: 'Casos cerrados',
      period: '60 meses',
      action: 'anonimizar',
    });
    assert.deepEqual(n.categories[0]!.tables, [{ table: 'persons', label: 'Personas atendidas' }]);
  });

  it('names every table that holds personal data in words, in every language', async () => {
    const { buildNotice } = await import('./generate');
    const { personalColumns } = await import('../rights/index');
    for (const lang of ['es', 'en', 'qu-EC'] as const) {
      const n = buildNotice(
        {
          controller: { name: 'x', contact: 'y' },
          dpoContact: 'z',
          deadlineDays: 15,
          schedules: [],
          columns: [...personalColumns],
        },
        lang,
      );
      const tables = n.categories.flatMap((c) => c.tables);
      assert.equal(tables.length, new Set(personalColumns.map((c) => c.table)).size);
      for (const t of tables)
        assert.ok(t.label && !t.label.includes('tables.') && t.label !== t.table, `${lang}: ${t.table}`);
    }
  });
});
