import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { AppError, toErrorBody } from '../../platform/http/errors';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { Catalogues } from './index';
import { catalogueLists } from './vocabulary';

type Entry = {
  key: string;
  label: string;
  labels: Record<'es' | 'en' | 'qu-EC', string>;
  source: string;
  data: Record<string, unknown>;
  active: boolean;
  position: number;
};

for (const target of dbTargets()) {
  describe(`legal catalogues on ${target.name}`, () => {
    let t: TestApp;
    let admin: Signed;
    let worker: Signed;
    const call = (s: Signed, method: string, url: string, payload?: object, lang = 'es') =>
      t.app.inject({
        method: method as 'GET',
        url,
        headers: { ...s.headers, 'accept-language': lang },
        ...(payload ? { payload } : {}),
      });
    const entries = async (list: string, lang = 'es') => {
      const res = await call(worker, 'GET', `/api/catalogues/${list}`, undefined, lang);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Entry[];
    };
    const audits = (action: string) =>
      t.db.handle.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603');
      admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: '0603', orgId: org });
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
    });
    after(() => t.close());

    it('ships every list with its legal sources and labels in three languages', async () => {
      for (const list of catalogueLists) {
        const es = await entries(list, 'es');
        assert.ok(es.length > 0, `${list} has entries`);
        for (const e of es) {
          assert.ok(e.source.trim(), `${list}.${e.key} has a legal source`);
          assert.ok(e.active);
          // Every shipped entry has its own label in each language (never the bare key).
          for (const l of ['es', 'en', 'qu-EC'] as const) assert.notEqual(e.labels[l], e.key, `${list}.${e.key} ${l}`);
        }
      }
      const measures = await entries('measure_type', 'es');
      const custody = measures.find((e) => e.key === 'emergency_custody')!;
      assert.equal(custody.label, 'Custodia de emergencia');
      assert.equal(custody.source, 'CONA art. 217 num. 5');
      assert.deepEqual(custody.data, { decidedBy: 'board', ratificationDays: 3, reviewDays: 30 });
      assert.equal(
        (await entries('measure_type', 'en')).find((e) => e.key === 'emergency_custody')!.label,
        'Emergency custody',
      );
      assert.equal(
        (await entries('measure_type', 'qu-EC')).find((e) => e.key === 'emergency_custody')!.label,
        'Emergenciapak custodia',
      );
      const trafficking = (await entries('offence')).find((e) => e.key === 'coip_91')!;
      assert.equal(trafficking.label, 'Trata de personas');
      assert.equal(trafficking.source, 'COIP art. 91');
      assert.deepEqual(trafficking.data, { trafficking: true });
      assert.deepEqual((await entries('visit_schedule')).find((e) => e.key === 'reintegration')!.data, {
        months: [1, 3, 6, 12],
      });
      assert.equal((await entries('deadline')).find((e) => e.key === 'board_notification')!.data.hours, 24);
    });

    it('lets an administrator add an offence and change the visit months, audited', async () => {
      const added = await call(admin, 'POST', '/api/catalogues/offence', {
        key: 'coip_108',
        labels: { es: 'Empleo de personas para mendicidad', en: 'Use of persons for begging' },
        source: 'COIP art. 108',
        data: { trafficking: false },
      });
      assert.equal(added.statusCode, 200, added.body);
      assert.equal(added.json().label, 'Empleo de personas para mendicidad');
      const offences = await entries('offence', 'en');
      const begging = offences.find((e) => e.key === 'coip_108')!;
      assert.equal(begging.label, 'Use of persons for begging');
      // No Kichwa given: Spanish shows.
      assert.equal(begging.labels['qu-EC'], 'Empleo de personas para mendicidad');
      assert.equal(begging.source, 'COIP art. 108');
      assert.equal(begging.position, Math.max(...offences.map((e) => e.position)), 'added at the end of the list');

      const changed = await call(admin, 'PATCH', '/api/catalogues/visit_schedule/reintegration', {
        data: { months: [12, 1, 3, 6, 3, 9, 12] },
        source: 'OIM, reintegración (protocolo local 2026)',
      });
      assert.equal(changed.statusCode, 200, changed.body);
      const schedule = (await entries('visit_schedule')).find((e) => e.key === 'reintegration')!;
      assert.deepEqual(schedule.data, { months: [1, 3, 6, 9, 12] }, 'in order, each month once');
      assert.equal(schedule.source, 'OIM, reintegración (protocolo local 2026)');
      // The shipped label still shows: only what was given changed.
      assert.equal(schedule.label, 'Visitas de seguimiento de la reintegración');

      const [addedAudit] = await audits('catalogue.entry_added');
      assert.equal(addedAudit?.record_id, 'offence:coip_108');
      assert.deepEqual(JSON.parse(addedAudit!.details).key, 'coip_108');
      const [changedAudit] = await audits('catalogue.entry_changed');
      assert.equal(changedAudit?.record_id, 'visit_schedule:reintegration');
      assert.deepEqual(JSON.parse(changedAudit!.details).changed, ['source', 'data']);
    });

    it('rewords a label and goes back to the shipped one', async () => {
      const url = '/api/catalogues/measure_type/foster_care';
      const reworded = await call(admin, 'PATCH', url, { labels: { 'qu-EC': 'Shuk ayllupi kamay (prueba)' } }, 'qu-EC');
      assert.equal(reworded.statusCode, 200, reworded.body);
      assert.equal(reworded.json().label, 'Shuk ayllupi kamay (prueba)');
      const back = await call(admin, 'PATCH', url, { labels: { 'qu-EC': null } }, 'qu-EC');
      assert.equal(back.json().label, 'Shuk ayllupi acogimiento');
    });

    it('refuses bad numbers, a taken key and a missing source at their fields, changing nothing', async () => {
      const before = await entries('measure_type');
      const bad = await call(admin, 'PATCH', '/api/catalogues/measure_type/emergency_custody', {
        data: { decidedBy: 'board', ratificationDays: 0, reviewDays: 'treinta' },
      });
      assert.equal(bad.statusCode, 400, bad.body);
      const fields = (bad.json().fields as { path: string; message: string }[]).map((f) => f.path).sort();
      assert.deepEqual(fields, ['body.data.ratificationDays', 'body.data.reviewDays']);
      assert.ok((bad.json().fields as { message: string }[]).every((f) => f.message));
      const wrongList = await call(admin, 'PATCH', '/api/catalogues/visit_schedule/reintegration', {
        data: { months: [] },
      });
      assert.equal(wrongList.statusCode, 400);
      assert.equal(wrongList.json().fields[0].path, 'body.data.months');
      const noSource = await call(admin, 'POST', '/api/catalogues/offence', {
        key: 'coip_999',
        labels: { es: 'Delito de prueba' },
        source: ' ',
        data: { trafficking: false },
      });
      assert.equal(noSource.statusCode, 400);
      assert.ok((noSource.json().fields as { path: string }[]).some((f) => f.path === 'body.source'));
      const taken = await call(
        admin,
        'POST',
        '/api/catalogues/offence',
        { key: 'coip_91', labels: { es: 'Otra trata' }, source: 'COIP art. 91', data: { trafficking: true } },
        'qu-EC',
      );
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().code, 'catalogue_entry_exists');
      assert.equal(taken.json().fields[0].path, 'body.key');
      assert.match(taken.json().message, /coip_91/);
      assert.deepEqual(await entries('measure_type'), before);
      assert.equal((await entries('offence')).find((e) => e.key === 'coip_91')!.label, 'Trata de personas');
      assert.equal((await entries('visit_schedule')).length, 1);
      const missing = await call(admin, 'PATCH', '/api/catalogues/offence/coip_000', { active: false });
      assert.equal(missing.statusCode, 404);
    });

    it('keeps the lists Minka reads by key to their entries: no new key (400), no retiring (409)', async () => {
      for (const [list, data] of [
        ['deadline', { hours: 48 }],
        ['visit_schedule', { months: [2, 4] }],
      ] as const) {
        for (const lang of ['es', 'en', 'qu-EC']) {
          const added = await call(
            admin,
            'POST',
            `/api/catalogues/${list}`,
            { key: 'otra_entrada', labels: { es: 'Otra entrada' }, source: 'Protocolo local', data },
            lang,
          );
          assert.equal(added.statusCode, 400, added.body);
          assert.equal(added.json().code, 'catalogue_list_fixed');
          assert.equal(added.json().fields[0].path, 'body.key');
          assert.ok(!added.json().fields[0].message.startsWith('errors.'));
        }
        assert.ok(!(await entries(list)).some((e) => e.key === 'otra_entrada'));
      }
      const en = await call(
        admin,
        'POST',
        '/api/catalogues/deadline',
        {
          key: 'otra_entrada',
          labels: { es: 'Otra entrada' },
          source: 'Protocolo local',
          data: { hours: 48 },
        },
        'en',
      );
      assert.equal(
        en.json().fields[0].message,
        'This list holds only the entries Minka reads; change the existing one.',
      );
      for (const [list, key] of [
        ['deadline', 'board_notification'],
        ['visit_schedule', 'reintegration'],
      ] as const) {
        const retired = await call(admin, 'PATCH', `/api/catalogues/${list}/${key}`, { active: false }, 'en');
        assert.equal(retired.statusCode, 409, retired.body);
        assert.equal(retired.json().code, 'catalogue_entry_read_by_minka');
        assert.match(retired.json().message, /cannot be retired/);
        assert.ok((await entries(list)).find((e) => e.key === key)!.active, `${list}.${key} still active`);
      }
      // Their numbers still change.
      const hours = await call(admin, 'PATCH', '/api/catalogues/deadline/board_notification', { data: { hours: 24 } });
      assert.equal(hours.statusCode, 200, hours.body);
    });

    it('keeps the stages of a proceeding in a strict order among active stages (400 at the order)', async () => {
      const stages = () => entries('proceeding_stage');
      const before = await stages();
      const taken = await call(admin, 'POST', '/api/catalogues/proceeding_stage', {
        key: 'cassation',
        labels: { es: 'Casación' },
        source: 'COIP art. 656',
        data: { order: 5, prosecuted: true },
      });
      assert.equal(taken.statusCode, 400, taken.body);
      assert.equal(taken.json().code, 'catalogue_stage_order_taken');
      assert.equal(taken.json().fields[0].path, 'body.data.order');
      assert.match(taken.json().fields[0].message, /5/);
      const moved = await call(
        admin,
        'PATCH',
        '/api/catalogues/proceeding_stage/trial',
        { data: { order: 2, prosecuted: true } },
        'qu-EC',
      );
      assert.equal(moved.statusCode, 400, moved.body);
      assert.equal(moved.json().fields[0].path, 'body.data.order');
      assert.ok(!moved.json().fields[0].message.startsWith('errors.'));
      assert.deepEqual(await stages(), before, 'nothing changed');
      // A free order is taken; a retired stage's order is free; it comes back only while its order is free.
      const free = await call(admin, 'POST', '/api/catalogues/proceeding_stage', {
        key: 'cassation',
        labels: { es: 'Casación' },
        source: 'COIP art. 656',
        data: { order: 6, prosecuted: true },
      });
      assert.equal(free.statusCode, 200, free.body);
      assert.equal(
        (await call(admin, 'PATCH', '/api/catalogues/proceeding_stage/cassation', { active: false })).statusCode,
        200,
      );
      const reuse = await call(admin, 'PATCH', '/api/catalogues/proceeding_stage/appeal', {
        data: { order: 6, prosecuted: true },
      });
      assert.equal(reuse.statusCode, 200, reuse.body);
      const back = await call(admin, 'PATCH', '/api/catalogues/proceeding_stage/cassation', { active: true });
      assert.equal(back.statusCode, 400, back.body);
      assert.equal(back.json().code, 'catalogue_stage_order_taken');
      assert.equal(
        (
          await call(admin, 'PATCH', '/api/catalogues/proceeding_stage/appeal', {
            data: { order: 5, prosecuted: true },
          })
        ).statusCode,
        200,
      );
    });

    it('refuses writes to a caseworker (403), who still reads the lists', async () => {
      const post = await call(worker, 'POST', '/api/catalogues/offence', {
        key: 'coip_107',
        labels: { es: 'Adopción ilegal' },
        source: 'COIP art. 107',
        data: { trafficking: false },
      });
      assert.equal(post.statusCode, 403);
      const patch = await call(worker, 'PATCH', '/api/catalogues/offence/coip_91', { active: false });
      assert.equal(patch.statusCode, 403);
      assert.ok(!(await entries('offence')).some((e) => e.key === 'coip_107'));
      assert.ok((await entries('offence')).find((e) => e.key === 'coip_91')!.active);
    });

    it('retires an entry: still listed with its label, refused for new records in three languages', async () => {
      const res = await call(admin, 'PATCH', '/api/catalogues/offence/coip_106', { active: false });
      assert.equal(res.statusCode, 200, res.body);
      const retired = (await entries('offence')).find((e) => e.key === 'coip_106')!;
      assert.equal(retired.active, false);
      assert.equal(retired.label, 'Promesa de matrimonio o unión de hecho servil');
      const catalogues = new Catalogues(t.db.ctx);
      const refusal = await catalogues.require('offence', 'coip_106').catch((e: unknown) => e);
      assert.ok(refusal instanceof AppError);
      assert.equal(refusal.statusCode, 400);
      assert.equal(refusal.code, 'unknown_catalogue_entry');
      const messages = ['es', 'en', 'qu-EC'].map((l) => toErrorBody(refusal, l).body.message);
      for (const m of messages) assert.ok(m && !m.startsWith('errors.'), m);
      assert.equal(new Set(messages).size, 3);
      await assert.rejects(catalogues.require('offence', 'no_such_offence'), /unknown_catalogue_entry/);
      assert.equal((await catalogues.require('offence', 'coip_91')).data.trafficking, true);
      // Back in use once reactivated.
      await call(admin, 'PATCH', '/api/catalogues/offence/coip_106', { active: true });
      assert.equal((await catalogues.require('offence', 'coip_106')).key, 'coip_106');
    });
  });
}
