import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, makeUser, signIn, testPassword, totpNow } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { decodeMail, smtpSink } from '../../../tests/support/smtp';
import { t as translate } from '../../platform/i18n/index';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

for (const target of dbTargets()) {
  describe(`sign-in and sessions on ${target.name}`, () => {
    let t: TestApp;
    let org: string;
    const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, payload, headers });

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      org = await makeOrg(t.db.ctx, '0603');
    });
    after(() => t.close());

    it('signs in with a password, sets a strict HttpOnly cookie and stores only the token hash', async () => {
      const u = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const res = await post('/api/auth/sign-in', { email: u.email.toUpperCase(), password: testPassword });
      assert.equal(res.statusCode, 200);
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, /^minka_session=[\w-]{43}; /);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      const token = cookie.split(';')[0]!.split('=')[1]!;
      const stored = await t.db.handle.db.selectFrom('sessions').select('token_hash').execute();
      assert.ok(stored.every((s) => s.token_hash !== token && s.token_hash.length === 64));
      assert.equal(res.json().user.secondFactor, 'not_required');
    });

    it('answers a wrong password or unknown account the same way', async () => {
      const u = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const wrong = await post('/api/auth/sign-in', { email: u.email, password: 'not the password' });
      const unknown = await post('/api/auth/sign-in', { email: 'nadie@prueba.test', password: 'not the password' });
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(wrong.json(), unknown.json());
      assert.equal(wrong.json().code, 'invalid_credentials');
    });

    it('asks an enrolled user for the TOTP in the same step; without it or with a wrong one, invalid credentials', async () => {
      const u = await makeUser(t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org, totp: true });
      const without = await post('/api/auth/sign-in', { email: u.email, password: testPassword });
      const wrong = await post('/api/auth/sign-in', { email: u.email, password: testPassword, totp: '000000' });
      for (const res of [without, wrong]) {
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().code, 'invalid_credentials');
      }
      const ok = await post('/api/auth/sign-in', { email: u.email, password: testPassword, totp: totpNow() });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().user.secondFactor, 'enabled');
    });

    it('makes a personal-data role enrol TOTP before anything else, then gives single-use recovery codes', async () => {
      const u = await makeUser(t.db.ctx, { role: 'triage_officer', scope: '0603', orgId: org });
      const s = await signIn(t.app, u.email);
      const session = await t.app.inject({ url: '/api/auth/session', headers: s.headers });
      assert.equal(session.json().user.secondFactor, 'enrolment_required');
      const blocked = await t.app.inject({ url: '/api/admin/organisations', headers: s.headers });
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().code, 'second_factor_enrolment_required');
      const setup = await post('/api/auth/totp/setup', {}, s.headers);
      assert.equal(setup.statusCode, 200);
      const { secret, uri, qrSvg } = setup.json();
      assert.match(uri, /^otpauth:\/\/totp\/Minka:/);
      assert.match(qrSvg, /^<svg/);
      assert.equal((await post('/api/auth/totp/confirm', { code: '123456' }, s.headers)).statusCode, 400);
      const confirm = await post('/api/auth/totp/confirm', { code: totpNow(secret) }, s.headers);
      assert.equal(confirm.statusCode, 200);
      const codes: string[] = confirm.json().recoveryCodes;
      assert.equal(codes.length, 10);
      assert.equal((await t.app.inject({ url: '/api/admin/organisations', headers: s.headers })).statusCode, 200);
      const withCode = await post('/api/auth/sign-in', {
        email: u.email,
        password: testPassword,
        recoveryCode: codes[0],
      });
      assert.equal(withCode.statusCode, 200);
      const again = await post('/api/auth/sign-in', { email: u.email, password: testPassword, recoveryCode: codes[0] });
      assert.equal(again.json().code, 'invalid_credentials', 'a recovery code works once');
    });

    it('requires the CSRF token on cookie-authenticated writes', async () => {
      const u = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const s = await signIn(t.app, u.email);
      const noToken = await post('/api/auth/sign-out', {}, { cookie: s.cookie });
      assert.equal(noToken.statusCode, 403);
      assert.equal(noToken.json().code, 'csrf_failed');
      const badToken = await post('/api/auth/sign-out', {}, { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) });
      assert.equal(badToken.statusCode, 403);
      assert.equal((await post('/api/auth/sign-out', {}, s.headers)).statusCode, 200);
      assert.equal(
        (await t.app.inject({ url: '/api/auth/session', headers: s.headers })).statusCode,
        401,
        'signed out',
      );
    });

    it('signs out everywhere, and an administrator can revoke a session', async () => {
      const u = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const a = await signIn(t.app, u.email);
      const b = await signIn(t.app, u.email);
      assert.equal((await post('/api/auth/sign-out-everywhere', {}, a.headers)).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/api/auth/session', headers: b.headers })).statusCode, 401);

      const c = await signIn(t.app, u.email);
      const admin = await makeUser(t.db.ctx, { role: 'administrator', scope: 'EC', orgId: org, totp: true });
      const as = await signIn(t.app, admin.email, { totp: totpNow() });
      const list = await t.app.inject({ url: `/api/admin/users/${u.id}/sessions`, headers: as.headers });
      assert.equal(list.json().length, 1);
      assert.equal((await post(`/api/admin/sessions/${list.json()[0].id}/revoke`, {}, as.headers)).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/api/auth/session', headers: c.headers })).statusCode, 401);
    });

    it('expires idle sessions and sessions past their absolute limit', async () => {
      const u = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const idle = await signIn(t.app, u.email);
      const old = new Date(Date.now() - 31 * 60_000).toISOString();
      await t.db.handle.db.updateTable('sessions').set({ last_seen_at: old }).where('user_id', '=', u.id).execute();
      assert.equal((await t.app.inject({ url: '/api/auth/session', headers: idle.headers })).statusCode, 401);
      const abs = await signIn(t.app, u.email);
      await t.db.handle.db
        .updateTable('sessions')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('user_id', '=', u.id)
        .execute();
      assert.equal((await t.app.inject({ url: '/api/auth/session', headers: abs.headers })).statusCode, 401);
    });

    it('throttles 50 wrong passwords against one account while another account signs in normally', async () => {
      const victim = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const other = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const burst = await Promise.all(
        Array.from({ length: 50 }, () =>
          post('/api/auth/sign-in', { email: victim.email, password: 'guess-guess-guess' }),
        ),
      );
      const codes = burst.map((r) => r.statusCode);
      const throttled = codes.filter((c) => c === 429).length;
      assert.ok(
        throttled >= 44,
        `only the 5 free attempts and the one that starts the delay are checked (429s: ${throttled})`,
      );
      assert.ok(codes.every((c) => c === 401 || c === 429));
      const limited = burst.find((r) => r.statusCode === 429)!.json();
      assert.equal(limited.code, 'too_many_attempts');
      assert.match(limited.message, /Espere \d+ segundos/);
      const ok = await post('/api/auth/sign-in', { email: other.email, password: testPassword });
      assert.equal(ok.statusCode, 200, 'another account from the same address is not locked out');
    });

    it('ends the session cookie with the browser unless "remember this device" is chosen', async () => {
      const u = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const cookies = (res: { headers: Record<string, unknown> }) => [res.headers['set-cookie']].flat().map(String);
      const session = (res: { headers: Record<string, unknown> }) =>
        cookies(res).find((c) => c.startsWith('minka_session='))!;
      const plain = await post('/api/auth/sign-in', { email: u.email, password: testPassword });
      assert.doesNotMatch(session(plain), /Expires|Max-Age/i, 'a browser-session cookie');
      const remembered = await post('/api/auth/sign-in', { email: u.email, password: testPassword, remember: true });
      const expires = /Expires=([^;]+)/.exec(session(remembered))?.[1];
      assert.equal(new Date(expires!).toISOString().slice(0, 16), remembered.json().expiresAt.slice(0, 16));
      const device = cookies(plain).find((c) => c.startsWith('minka_device='))!;
      assert.match(
        device,
        /^minka_device=[\w-]{43}; Max-Age=15552000; Path=\/api\/auth\/sign-in; HttpOnly; Secure; SameSite=Strict$/,
      );
      const token = device.split(';')[0]!.split('=')[1]!;
      const stored = await t.db.handle.db.selectFrom('known_devices').selectAll().where('user_id', '=', u.id).execute();
      assert.equal(stored.length, 2);
      assert.ok(stored.every((d) => d.token_hash.length === 64 && d.token_hash !== token));
      assert.deepEqual(Object.keys(stored[0]!).sort(), ['created_at', 'token_hash', 'user_id'], 'nothing personal');
    });

    it('deactivating a user ends their sessions', async () => {
      const u = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const s = await signIn(t.app, u.email);
      const admin = await makeUser(t.db.ctx, { role: 'administrator', scope: '06', orgId: org, totp: true });
      const as = await signIn(t.app, admin.email, { totp: totpNow() });
      const res = await post(`/api/admin/users/${u.id}/deactivate`, {}, as.headers);
      assert.equal(res.json().status, 'deactivated');
      assert.equal((await t.app.inject({ url: '/api/auth/session', headers: s.headers })).statusCode, 401);
      assert.equal((await post('/api/auth/sign-in', { email: u.email, password: testPassword })).statusCode, 401);
    });

    it('invites by a one-time link that sets a password once, and enforces the password policy', async () => {
      const admin = await makeUser(t.db.ctx, { role: 'administrator', scope: 'EC', orgId: org, totp: true });
      const as = await signIn(t.app, admin.email, { totp: totpNow() });
      const inv = await post(
        '/api/admin/users',
        {
          email: 'nueva.persona@prueba.test',
          name: 'Nueva Persona Prueba',
          organisationId: org,
          roles: ['municipal_planner'],
          scope: { country: 'EC', code: '0603' },
        },
        as.headers,
      );
      assert.equal(inv.statusCode, 200, inv.body);
      const { link, user } = inv.json();
      assert.equal(user.status, 'invited');
      assert.match(link.url, /\/invite#[\w-]{43}$/);
      const token = link.url.split('#')[1];
      assert.equal((await post('/api/auth/link', { token, password: 'short' })).statusCode, 400);
      const weak = await post('/api/auth/link', { token, password: 'nueva.persona-2027' });
      assert.equal(weak.json().code, 'weak_password');
      assert.equal((await post('/api/auth/link', { token, password: 'a long and unusual phrase' })).statusCode, 200);
      assert.equal(
        (await post('/api/auth/link', { token, password: 'another long phrase here' })).json().code,
        'link_invalid',
      );
      assert.equal(
        (await post('/api/auth/sign-in', { email: 'nueva.persona@prueba.test', password: 'a long and unusual phrase' }))
          .statusCode,
        200,
      );
    });
  });
}

describe('invitation e-mail', () => {
  it('e-mails the one-time link when SMTP is configured, and says so', async () => {
    const [target] = dbTargets();
    const sink = await smtpSink();
    const t = await openTestApp(target!, { MINKA_SMTP_URL: sink.url, MINKA_PUBLIC_URL: 'https://minka.example.org' });
    try {
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603');
      const admin = await makeUser(t.db.ctx, { role: 'administrator', scope: 'EC', orgId: org, totp: true });
      const as = await signIn(t.app, admin.email, { totp: totpNow() });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: as.headers,
        payload: {
          email: 'correo.prueba@prueba.test',
          name: 'Correo Prueba',
          organisationId: org,
          roles: ['municipal_planner'],
          scope: { country: 'EC', code: '0603' },
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      const { link } = res.json();
      assert.equal(link.emailed, true);
      assert.match(link.url, /^https:\/\/minka\.example\.org\/invite#/);
      assert.equal(sink.messages.length, 1);
      assert.match(sink.messages[0]!, /Invitaci/);
      assert.ok(sink.messages[0]!.replace(/=\n/g, '').includes(link.url.split('#')[1]), 'the mail carries the link');

      // Language follows the person: an invitation in English, and a reset link in the language she then chose.
      const english = await t.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: as.headers,
        payload: {
          email: 'correo.ingles@prueba.test',
          name: 'Correo Ingles',
          organisationId: org,
          roles: ['municipal_planner'],
          scope: { country: 'EC', code: '0603' },
          language: 'en',
        },
      });
      assert.equal(english.statusCode, 200, english.body);
      assert.match(sink.messages[1]!, /Subject: .*Minka/);
      assert.match(sink.messages[1]!.replace(/=\n/g, ''), /invit/i);
      assert.doesNotMatch(sink.messages[1]!, /Invitaci=C3=B3n|Invitación/);
      const id = english.json().user.id;
      await t.db.handle.db.updateTable('users').set({ language: 'qu-EC' }).where('id', '=', id).execute();
      const reset = await t.app.inject({
        method: 'POST',
        url: `/api/admin/users/${id}/password-reset`,
        headers: as.headers,
      });
      assert.equal(reset.statusCode, 200, reset.body);
      const kichwa = translate('qu-EC', 'mail.resetSubject');
      assert.notEqual(kichwa, translate('es', 'mail.resetSubject'), 'the reset subject has a Kichwa text');
      assert.ok(decodeMail(sink.messages[2]!).includes(kichwa), 'the reset e-mail is in Kichwa');
    } finally {
      await t.close();
      await sink.close();
    }
  });
});
