import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractText, getDocumentProxy } from 'unpdf';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

const pdfText = async (bytes: Buffer) =>
  (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;

for (const target of dbTargets()) {
  describe(`referral sheet (PDF) on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed;
    let supervisor: Signed;
    let outsider: Signed;
    let providerId = '';
    const post = (s: Signed, url: string, payload: object = {}) =>
      t.app.inject({ method: 'POST', url, payload, headers: s.headers });
    const open = async (first: string) =>
      (
        await post(worker, '/api/cases', {
          division: { country: 'EC', code: '010104' },
          person: { prs_FirstName: first, prs_SecondName: 'Hoja Prueba', prs_Gender: 'Feminine' },
          local_AgeAtIntake: 34,
        })
      ).json().id as string;

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0101', 'Fundación Hoja (prueba)');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0101', orgId: org });
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0101', orgId: org });
      outsider = await signInNewUser(t.app, t.db.ctx, {
        role: 'caseworker',
        scope: '0606',
        orgId: await makeOrg(t.db.ctx, '0606'),
      });
      const admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: 'EC', orgId: org });
      providerId = (
        await post(admin, '/api/directory', {
          name: 'Centro Externo de Salud (prueba)',
          country: 'EC',
          division: '0101',
          services: ['Health', 'local_Psychosocial'],
          contact: '07 111 1111 (prueba)',
        })
      ).json().id;
    });
    after(() => t.close());

    it('prints who is referred, for what and by whom when the person consented, and audits the download', async () => {
      const caseId = await open('Zoila');
      await post(worker, `/api/cases/${caseId}/consents`, { scope: 'Services', givenBy: 'Self' });
      const sent = await post(worker, `/api/cases/${caseId}/referrals`, {
        providerId,
        services: ['Health', 'local_Psychosocial'],
        details: 'Cita el martes a las 9',
      });
      assert.equal(sent.statusCode, 200, sent.body);
      const res = await t.app.inject({ url: `/api/referrals/${sent.json().id}/sheet`, headers: worker.headers });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(String(res.headers['content-disposition']), /derivacion-CUE-\d{4}-\d{4}\.pdf/);
      const text = await pdfText(res.rawPayload);
      for (const expected of [
        'Hoja de derivación',
        'Zoila Hoja Prueba',
        'Centro Externo de Salud (prueba)',
        '07 111 1111 (prueba)',
        'Fundación Hoja (prueba)',
        'Salud, Apoyo psicosocial',
        'Cita el martes a las 9',
        'Femenino',
        '34',
      ])
        assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
      const history = (await t.app.inject({ url: `/api/cases/${caseId}/history`, headers: worker.headers })).json();
      assert.ok(history.actions.some((h: { action: string }) => h.action === 'referral.sheet_downloaded'));
      // Withdrawing the consent takes the name off the sheet from then on.
      const consents = (await t.app.inject({ url: `/api/cases/${caseId}`, headers: worker.headers })).json().consents;
      await post(worker, `/api/cases/${caseId}/consents/${consents[0].id}/withdraw`);
      const after = await t.app.inject({ url: `/api/referrals/${sent.json().id}/sheet`, headers: worker.headers });
      assert.ok(!(await pdfText(after.rawPayload)).includes('Zoila'), 'no name once consent is withdrawn');
      const en = await t.app.inject({ url: `/api/referrals/${sent.json().id}/sheet?lang=en`, headers: worker.headers });
      assert.ok((await pdfText(en.rawPayload)).includes('Referral sheet'));
      assert.equal(
        (await t.app.inject({ url: `/api/referrals/${sent.json().id}/sheet`, headers: outsider.headers })).statusCode,
        404,
      );
    });

    it('leaves the name out when a supervisor referred without consent', async () => {
      const caseId = await open('Yolanda');
      const sent = await post(supervisor, `/api/cases/${caseId}/referrals`, {
        providerId,
        services: ['Health'],
        override: { reason: 'Atención de salud urgente (prueba)' },
      });
      assert.equal(sent.statusCode, 200, sent.body);
      const res = await t.app.inject({ url: `/api/referrals/${sent.json().id}/sheet`, headers: worker.headers });
      const text = await pdfText(res.rawPayload);
      assert.ok(!text.includes('Yolanda'), 'no name without consent');
      assert.ok(text.includes('no dio su consentimiento'));
      assert.ok(!text.includes('Atención de salud urgente'), 'the override reason stays inside Minka');
      await post(supervisor, `/api/referrals/${sent.json().id}/revoke`);
      const revoked = await t.app.inject({ url: `/api/referrals/${sent.json().id}/sheet`, headers: worker.headers });
      assert.equal(revoked.json().code, 'referral_not_live');
    });
  });
}
