import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import * as OTPAuth from 'otpauth';
import { makeOrg, makeUser, testPassword, testTotpSecret, totpNow } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { deviceDays, KnownDevices } from './known-devices';
import { accountFreeAttempts, maxDelayMs, quietMs, sourceFreeAccounts, Throttle, throttleClock } from './throttle';

/** The code of the TOTP step `steps` after the current one (the server accepts one step of drift). */
const totpAhead = (steps: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(testTotpSecret) }).generate({
    timestamp: Date.now() + steps * 30_000,
  });

const cookieOf = (res: { headers: Record<string, unknown> }, name: string) =>
  [res.headers['set-cookie']]
    .flat()
    .map(String)
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];

for (const target of dbTargets()) {
  describe(`lock-out resistance on ${target.name}`, () => {
    let t: TestApp;
    let org: string;
    const signIn = (payload: object, remoteAddress = '192.0.2.10', cookie?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload,
        remoteAddress,
        headers: cookie ? { cookie } : {},
      });

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      org = await makeOrg(t.db.ctx, '0603');
    });
    after(() => t.close());
    const stopped = Date.now();
    afterEach(() => {
      throttleClock.now = () => Date.now();
    });

    it('gives free attempts, then one per growing delay; attempts during a delay are refused uncounted', async () => {
      let now = Date.parse('2026-03-02T10:00:00Z');
      const throttle = new Throttle(t.db.handle.db, () => now);
      const pool = 'acct:growing-delays';
      for (let i = 0; i < accountFreeAttempts; i++) assert.equal(await throttle.enter(pool, null), 0);
      assert.equal(
        await throttle.enter(pool, null),
        0,
        'the attempt after the free ones goes ahead and starts a delay',
      );
      const counted = async () =>
        (await t.db.handle.db.selectFrom('auth_throttle').selectAll().where('key', '=', pool).executeTakeFirstOrThrow())
          .failures;
      assert.equal(Number(await counted()), accountFreeAttempts + 1);
      for (let i = 0; i < 20; i++) assert.equal(await throttle.enter(pool, null), 1000, 'waits out the 1 s delay');
      now += 500;
      assert.equal(await throttle.enter(pool, null), 500, 'hammering did not extend the delay');
      assert.equal(Number(await counted()), accountFreeAttempts + 1, 'refused attempts were not counted');
      now += 500;
      assert.equal(await throttle.enter(pool, null), 0);
      assert.equal(await throttle.enter(pool, null), 2000, 'the next delay is twice as long');
    });

    it('never locks an account for good: the delay stops growing at 15 minutes and a quiet spell resets it', async () => {
      let now = Date.parse('2026-03-02T12:00:00Z');
      const throttle = new Throttle(t.db.handle.db, () => now);
      const pool = 'acct:endless-abuse';
      let longest = 0;
      for (let i = 0; i < 200; i++) {
        const wait = await throttle.enter(pool, null);
        longest = Math.max(longest, wait);
        now += wait > 0 ? wait : 1; // the attacker returns the moment each delay ends
        if (wait > 0) assert.equal(await throttle.enter(pool, null), 0, 'the attempt after a delay goes ahead');
      }
      assert.equal(longest, maxDelayMs, 'delays grow to the cap and no further');
      assert.equal(await throttle.enter(pool, null), maxDelayMs);
      now += maxDelayMs + quietMs + 1;
      for (let i = 0; i < accountFreeAttempts; i++) assert.equal(await throttle.enter(pool, null), 0, 'free again');
    });

    it('slows a source that fails across many accounts, not one that fails one account often', async () => {
      const now = Date.parse('2026-03-02T14:00:00Z');
      const throttle = new Throttle(t.db.handle.db, () => now);
      const account = (i: number) => `account-${String(i).padStart(8, '0')}`;
      for (let i = 0; i < 30; i++) await throttle.failed(account(0), 'src:one-account');
      assert.equal(await throttle.enter('acct:other', 'src:one-account'), 0, 'one account guessed often');
      for (let i = 0; i < sourceFreeAccounts; i++) await throttle.failed(account(i), 'src:spraying');
      assert.equal(await throttle.enter('acct:next', 'src:spraying'), 0, 'the free accounts');
      await throttle.failed(account(sourceFreeAccounts), 'src:spraying');
      assert.equal(await throttle.enter('acct:next', 'src:spraying'), 1000, 'one account more starts a delay');
      assert.equal(await throttle.enter('acct:next', 'src:elsewhere'), 0, 'another address is not slowed');
    });

    it('1,000 wrong passwords from many sources: the owner on a known device signs in at once; replays refused', async () => {
      const owner = await makeUser(t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org, totp: true });
      const first = await signIn({ email: owner.email, password: testPassword, totp: totpNow() }, '198.51.100.7');
      assert.equal(first.statusCode, 200, first.body);
      const device = cookieOf(first, 'minka_device');
      assert.ok(device, 'a complete sign-in makes the browser known');

      // The throttle's clock stands still, so no delay runs out during the attack: the count is exact.
      throttleClock.now = () => stopped;
      const statuses: number[] = [];
      for (let batch = 0; batch < 20; batch++) {
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            signIn(
              { email: owner.email, password: `wrong guess ${batch}-${i}`, totp: '123456' },
              `10.${batch}.${i}.${(batch * 7 + i) % 250}`,
            ),
          ),
        );
        statuses.push(...answers.map((r) => r.statusCode));
      }
      assert.equal(statuses.length, 1000);
      assert.ok(
        statuses.every((s) => s === 401 || s === 429),
        'each guess is refused or delayed',
      );
      const checked = statuses.filter((s) => s === 401).length;
      assert.equal(checked, accountFreeAttempts + 1, 'the free guesses and the one that starts the delay are checked');
      const pool = await t.db.handle.db
        .selectFrom('auth_throttle')
        .selectAll()
        .where('key', '=', `acct:${t.db.ctx.crypto.blindIndex('email', owner.email.toLowerCase())}`)
        .executeTakeFirstOrThrow();
      assert.equal(Number(pool.failures), checked, 'the anonymous pool counted exactly the checked guesses');

      const stranger = await signIn({ email: owner.email, password: testPassword, totp: totpAhead(1) }, '203.0.113.9');
      assert.equal(stranger.statusCode, 429, 'a browser never seen before waits with the rest');

      const code = totpAhead(1);
      const known = await signIn({ email: owner.email, password: testPassword, totp: code }, '198.51.100.7', device);
      assert.equal(known.statusCode, 200, `the owner's known device is not delayed: ${known.body}`);
      const renewed = cookieOf(known, 'minka_device')!;
      assert.notEqual(renewed, device, 'the device token is renewed at each sign-in');

      const replay = await signIn({ email: owner.email, password: testPassword, totp: code }, '198.51.100.7', renewed);
      assert.equal(replay.statusCode, 401, 'a TOTP code works once');
      assert.equal(replay.json().code, 'invalid_credentials');
      const earlier = await signIn(
        { email: owner.email, password: testPassword, totp: totpNow() },
        '198.51.100.7',
        renewed,
      );
      assert.equal(earlier.statusCode, 401, 'a code of an earlier step than the last one used is refused too');
      const old = await signIn(
        { email: owner.email, password: testPassword, totp: totpAhead(1) },
        '198.51.100.7',
        device,
      );
      assert.equal(old.statusCode, 429, 'the replaced device token is no longer known');
    });

    it('a known device has its own limit: a stolen cookie does not give unlimited guesses', async () => {
      const owner = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const device = cookieOf(await signIn({ email: owner.email, password: testPassword }), 'minka_device');
      throttleClock.now = () => stopped;
      const other = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const guesses = await Promise.all(
        Array.from({ length: 20 }, () => signIn({ email: owner.email, password: 'a wrong one' }, '192.0.2.44', device)),
      );
      assert.equal(guesses.filter((r) => r.statusCode === 429).length, 20 - accountFreeAttempts - 1);
      const elsewhere = await signIn({ email: other.email, password: testPassword }, '192.0.2.44', device);
      assert.equal(elsewhere.statusCode, 200, "the cookie is not another account's known device");
    });

    it('a wrong password and a right password without the second factor answer alike', async () => {
      const u = await makeUser(t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org, totp: true });
      const answers = [
        await signIn({ email: u.email, password: 'not the password' }, '192.0.2.61'),
        await signIn({ email: u.email, password: testPassword }, '192.0.2.62'),
        await signIn({ email: u.email, password: testPassword, totp: '000000' }, '192.0.2.63'),
        await signIn({ email: u.email, password: testPassword, recoveryCode: 'abcd-efgh' }, '192.0.2.64'),
        await signIn({ email: 'nadie.aqui@prueba.test', password: testPassword }, '192.0.2.65'),
      ];
      const varying = new Set(['date', 'x-request-id', 'x-ratelimit-remaining', 'x-ratelimit-reset']);
      const shape = (r: (typeof answers)[number]) => ({
        status: r.statusCode,
        body: r.body,
        headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => !varying.has(k))),
      });
      for (const r of answers.slice(1)) assert.deepEqual(shape(r), shape(answers[0]!));
      assert.equal(answers[0]!.statusCode, 401);
      assert.equal(answers[0]!.json().code, 'invalid_credentials');
      assert.equal(cookieOf(answers[1]!, 'minka_session'), undefined, 'no session without the second factor');
    });

    it("keeps a person's 20 newest known devices and forgets those unused for 180 days", async () => {
      const u = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      let now = Date.parse('2026-01-05T08:00:00Z');
      const devices = new KnownDevices(t.db.handle.db, () => now);
      const cookies: string[] = [];
      for (let i = 0; i < 22; i++) {
        cookies.push(await devices.remember(u.id, null, []));
        now += 60_000;
      }
      const stored = () =>
        t.db.handle.db.selectFrom('known_devices').select('token_hash').where('user_id', '=', u.id).execute();
      assert.equal((await stored()).length, 20);
      assert.equal(await devices.match(u.id, [cookies[1]!]), null, 'the two oldest are gone');
      assert.notEqual(await devices.match(u.id, [cookies[2]!]), null, 'the third oldest is still known');
      now += deviceDays * 86_400_000;
      assert.equal(await devices.match(u.id, [cookies[21]!]), null, 'a device unused for 180 days is no longer known');
      await devices.remember(u.id, null, []);
      assert.equal((await stored()).length, 1, 'the next sign-in drops the expired ones');
    });

    it('signing out everywhere forgets the known devices', async () => {
      const u = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: org });
      const res = await signIn({ email: u.email, password: testPassword });
      const cookie = cookieOf(res, 'minka_session')!;
      const headers = { cookie, 'x-csrf-token': res.json().csrfToken };
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers, payload: {} });
      assert.equal(out.statusCode, 200);
      const left = await t.db.handle.db.selectFrom('known_devices').select('token_hash').where('user_id', '=', u.id);
      assert.equal((await left.execute()).length, 0);
    });
  });
}
