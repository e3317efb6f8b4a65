import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as OTPAuth from 'otpauth';
import { minkaBin } from '../../../tests/support/cli';
import { tempDir } from '../../../tests/support/db';
import { createPostgresDatabase, dropPostgresDatabase } from '../../platform/db/dialect';
import { demoPassword, demoTotpSecret } from './demo';

// A canary name and identity number go in through the API; then every byte Minka wrote (database files,
// logs, a backup) is searched for them in plain text and in base64 at every alignment.
const canaryName = 'Zzyzx Canario Quishpe';
const canaryId = '9987654321';

/** The plain text and the base64 characters it produces at each of the three byte alignments. */
function forms(s: string): string[] {
  const out = [s];
  const len = Buffer.byteLength(s);
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.from(`${'x'.repeat(shift)}${s}`).toString('base64');
    out.push(b64.slice(Math.ceil(shift / 3) * 4, Math.floor((shift + len) / 3) * 4));
  }
  return out.filter((f) => f.length >= 6);
}

function assertAbsent(where: string, bytes: Buffer) {
  const text = bytes.toString('latin1');
  for (const secret of [canaryName, canaryId, 'Zzyzx']) {
    for (const f of forms(secret)) assert.ok(!text.includes(f), `${where} contains "${secret}" as "${f}"`);
  }
}

describe('canary search', () => {
  it('finds the canary in plain text and in base64 at any offset', () => {
    for (const pad of ['', 'a', 'ab', 'abc']) {
      assert.throws(
        () => assertAbsent('probe', Buffer.from(Buffer.from(`${pad}${canaryName} más`).toString('base64'))),
        /contains/,
      );
      assert.throws(() => assertAbsent('probe', Buffer.from(`${pad}${canaryId}`)), /contains/);
    }
    assert.doesNotThrow(() => assertAbsent('probe', Buffer.from('nothing personal here')));
  });
});

const targets: { name: string; url?: string }[] = [{ name: 'sqlite' }];
if (process.env.TEST_DATABASE_URL) targets.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

for (const target of targets) {
  describe(`personal data at rest on ${target.name}`, () => {
    let tmp: ReturnType<typeof tempDir>;
    let server: ChildProcess;
    let logs = '';
    let base = '';
    let env: Record<string, string>;
    const dbName = `minka_canary_${randomBytes(3).toString('hex')}`;

    before(async () => {
      tmp = tempDir();
      env = {
        MINKA_DATA_DIR: tmp.dir,
        LOG_LEVEL: 'trace',
        MINKA_SECURE_COOKIES: 'false',
        PORT: '0',
        HOST: '127.0.0.1',
      };
      if (target.url) env.DATABASE_URL = await createPostgresDatabase(target.url, dbName);
      server = spawn(process.execPath, [minkaBin, 'serve', '--demo'], { env: { ...process.env, ...env } });
      base = await new Promise((resolve, reject) => {
        const onData = (d: Buffer) => {
          logs += d.toString();
          const m = logs.match(/serving on http:\/\/localhost:(\d+)/);
          if (m) resolve(`http://127.0.0.1:${m[1]}`);
        };
        server.stdout?.on('data', onData);
        server.stderr?.on('data', onData);
        server.on('exit', (c) => reject(new Error(`server exited ${c}: ${logs}`)));
      });
    });
    after(async () => {
      tmp.remove();
      if (target.url) await dropPostgresDatabase(target.url, dbName);
    });

    it('stores the canary so an authorized user reads it, and nothing else shows it', async () => {
      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(demoTotpSecret) }).generate();
      const signIn = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@minka.demo', password: demoPassword, totp }),
      });
      assert.equal(signIn.status, 200);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const headers = { cookie, 'x-csrf-token': (await signIn.json()).csrfToken, 'content-type': 'application/json' };
      const orgs = await (await fetch(`${base}/api/admin/organisations`, { headers })).json();
      const invite = await fetch(`${base}/api/admin/users`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          email: 'zzyzx.canario@minka.demo',
          name: canaryName,
          identityNumber: canaryId,
          organisationId: orgs[0].id,
          roles: ['caseworker'],
          scope: { country: 'EC', code: '0606' },
        }),
      });
      assert.equal(invite.status, 200);
      const { user } = await invite.json();
      const read = await (await fetch(`${base}/api/admin/users/${user.id}`, { headers })).json();
      assert.equal(read.name, canaryName);
      assert.equal(read.identityNumber, canaryId);
      const found = await (
        await fetch(`${base}/api/admin/users/search`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ identityNumber: canaryId }),
        })
      ).json();
      assert.deepEqual(
        found.map((u: { id: string }) => u.id),
        [user.id],
        'the blind index finds it',
      );
      // The same canary as a victim's name, identity number and story, and as a public report's text.
      const worker = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'tecnico.guamote@minka.demo',
          password: demoPassword,
          totp: new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(demoTotpSecret) }).generate(),
        }),
      });
      const wHeaders = {
        cookie: worker.headers.get('set-cookie')!.split(';')[0]!,
        'x-csrf-token': (await worker.json()).csrfToken,
        'content-type': 'application/json',
      };
      const opened = await fetch(`${base}/api/cases`, {
        method: 'POST',
        headers: wHeaders,
        body: JSON.stringify({
          division: { country: 'EC', code: '0606' },
          person: { prs_FirstName: canaryName, prs_IdentityNumber: canaryId },
          local_AgeAtIntake: 15,
          events: [{ hte_Type: 'Recruitment', hte_Description: `${canaryName} fue captada` }],
        }),
      });
      assert.equal(opened.status, 200);
      const kase = await (await fetch(`${base}/api/cases/${(await opened.json()).id}`, { headers: wHeaders })).json();
      assert.equal(kase.person.prs_FirstName, canaryName);
      assert.equal(kase.person.prs_IdentityNumber, canaryId);
      // Corrections and additions keep old and new values (and the reason) in the case history: encrypted too.
      const corrected = await fetch(`${base}/api/cases/${kase.id}/person`, {
        method: 'PATCH',
        headers: wHeaders,
        body: JSON.stringify({
          version: kase.person.version,
          fields: { prs_FirstName: 'Otra Prueba', prs_SecondName: canaryName },
          reason: `Se escribió ${canaryName} por error`,
        }),
      });
      assert.equal(corrected.status, 200, await corrected.clone().text());
      const added = await fetch(`${base}/api/cases/${kase.id}/perpetrators`, {
        method: 'POST',
        headers: wHeaders,
        body: JSON.stringify({ per_FirstName: canaryName, per_RoleDetails: `Cédula ${canaryId}` }),
      });
      assert.equal(added.status, 200, await added.clone().text());
      const history = await (await fetch(`${base}/api/cases/${kase.id}/history`, { headers: wHeaders })).json();
      assert.ok(JSON.stringify(history).includes(canaryName), 'the history shows the values to the case team');
      assert.ok(JSON.stringify(history).includes(canaryId));
      const form = await (await fetch(`${base}/report`)).text();
      const token = form.match(/name="token" value="([^"]+)"/)![1]!;
      const reported = await fetch(`${base}/report`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          token,
          what: `Vimos a ${canaryName}, cédula ${canaryId}`,
          contact: canaryId,
        }).toString(),
      });
      assert.equal(reported.status, 200);

      await new Promise<void>((resolve) => {
        server.removeAllListeners('exit');
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      });

      const backup = path.join(tmp.dir, 'backup.bin');
      const b = spawnSync(process.execPath, [minkaBin, 'backup', '--out', backup], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      assert.equal(b.status, 0, b.stderr);

      assert.ok(logs.includes('"msg":"incoming request"'), 'request logging was on');
      assertAbsent('the logs', Buffer.from(logs));
      assertAbsent('the backup', readFileSync(backup));
      // Every file the data folder holds, attachments and audit checkpoints included.
      const files = readdirSync(tmp.dir, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile() && f.name !== 'backup.bin')
        .map((f) => path.join(f.parentPath, f.name));
      if (!target.url) assert.ok(files.includes(path.join(tmp.dir, 'minka.sqlite')));
      for (const f of files) assertAbsent(path.relative(tmp.dir, f), readFileSync(f));

      // Prove the search would have found it: the plain forms are in a decrypted response.
      assert.ok(JSON.stringify(read).includes(canaryName));
    });
  });
}
