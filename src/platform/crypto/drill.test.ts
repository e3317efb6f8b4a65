import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { taggedVoiceNote } from '../../../tests/support/media';
import { multipart } from '../../../tests/support/requests';
import { buildApp, openContext } from '../../app/index';
import { rebuildableIndexes } from '../../cli/key-indexes';
import { seedGeoDemo } from '../../modules/geo/demo';
import { GeoService } from '../../modules/geo/service';
import { fileStoreOf } from '../blobs/index';
import type { Config } from '../config';
import type { Context } from '../context';
import { createPostgresDatabase, dropPostgresDatabase } from '../db/dialect';
import type { App } from '../http/app';
import { backup, restore } from './backup';
import { FieldCrypto, keyIdOf } from './fields';
import { newMasterKey } from './keys';
import { rotDb } from './repo-rotation';
import { rotate } from './rotate';

// The backup/restore drill (issue 17, must show 5): cases with history and an attachment, a full data-key and
// index-key rotation (interrupted, then resumed), a sealed backup, a wipe, a refused wrong key, a restore.

const person = { prs_FirstName: 'Zqdrill', prs_SecondName: 'Quispe Prueba', prs_IdentityNumber: '0999999990' };
const webhookSecret = 'drill-webhook-secret';
// Mixed case: the contact's index is of its normalised form, which the rebuild must compute the same way.
const contact = { urn: 'telegram:ZqDrill42' };

for (const target of dbTargets()) {
  describe(`backup and restore drill on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed & { orgId: string; userId: string };
    let caseId = '';
    let fileId = '';
    let config: Config;
    let handles: { close(): Promise<void> }[] = [];
    const sealedAttachment = async (ctx: Context) => (await fileStoreOf(ctx).get(`case-${fileId}`))!;
    const call = (app: App, who: Signed, method: string, url: string, payload?: object) =>
      app.inject({ method: method as 'GET', url, headers: who.headers, ...(payload ? { payload } : {}) });
    // The rotation runs as `minka keys rotate` would: its own crypto over the same database.
    const fromContact = (body: object) => {
      const raw = JSON.stringify({ contact, ...body });
      const mac = createHmac('sha256', webhookSecret).update(raw).digest('hex');
      return t.app.inject({
        method: 'POST',
        url: '/api/reports/webhook/rapidpro',
        payload: raw,
        headers: { 'content-type': 'application/json', 'x-minka-signature': `sha256=${mac}` },
      });
    };
    const rotator = async (ctx: Context) => FieldCrypto.open(ctx.db.db, (await keyOf(ctx)).master);
    const keyOf = async (ctx: Context) => {
      const { openCrypto } = await import('../context');
      return openCrypto(ctx.config, ctx.db);
    };

    before(async () => {
      t = await openTestApp(target, { MINKA_WEBHOOK_SECRET: webhookSecret });
      config = t.db.config;
      handles = [t.db.handle];
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
      for (const [i, first] of ['Zqotra', 'Zqmas', 'Zquna'].entries())
        await call(t.app, worker, 'POST', '/api/cases', {
          division: { country: 'EC', code: '0603' },
          person: { prs_FirstName: first, prs_SecondName: `Prueba ${i}` },
          local_AgeAtIntake: 20 + i,
        });
      const opened = await call(t.app, worker, 'POST', '/api/cases', {
        division: { country: 'EC', code: '0603' },
        person,
        local_AgeAtIntake: 15,
      });
      assert.equal(opened.statusCode, 200, opened.body);
      caseId = opened.json().id;
      const changed = await call(t.app, worker, 'POST', `/api/cases/${caseId}/safeguards`, {
        guardian: 'Zqtutora de prueba',
        bestInterest: 'Volver con su familia (prueba)',
      });
      assert.equal(changed.statusCode, 200, changed.body);
      const m = await multipart(taggedVoiceNote(), 'zqnota.wav');
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/files`,
        payload: m.payload,
        headers: { ...worker.headers, 'content-type': m.type },
      });
      assert.equal(up.statusCode, 200, up.body);
      fileId = up.json().id;
      const reported = await fromContact({ results: { what: { value: 'Zqdenuncia de prueba' } } });
      assert.equal(reported.statusCode, 200, reported.body);
    });
    after(async () => {
      await t.app.close();
      for (const h of handles) await h.close();
      if (config.DATABASE_URL)
        await dropPostgresDatabase(process.env.TEST_DATABASE_URL!, new URL(config.DATABASE_URL).pathname.slice(1));
      rmSync(config.dataDir, { recursive: true, force: true });
    });

    it('re-seals every value and file under a new data key, resuming after an interruption, reads working throughout', async () => {
      const ctx = t.db.ctx;
      const oldKey = ctx.crypto.activeKey('field');
      const crypto = await rotator(ctx);
      const opts = { waitMs: 0, batchSize: 2, files: fileStoreOf(ctx), indexes: [] };
      // Stopped after each batch, as a crash would, until some values have moved.
      let moved = 0;
      let runs = 0;
      while (moved === 0) {
        const step = await rotate(rotDb(ctx.db.db), crypto, 'data', { ...opts, maxBatches: 1 });
        assert.equal(step.done, false);
        moved += step.changed;
        runs++;
      }
      const saved = await rotDb(ctx.db.db).selectFrom('key_rotations').selectAll().executeTakeFirstOrThrow();
      assert.equal(saved.batches, runs, 'each batch is recorded');
      assert.equal(saved.finished_at, null);
      const newKey = saved.new_key_id;
      const users = await ctx.db.db.selectFrom('users').select('name_enc').execute();
      assert.ok(
        users.some((u) => keyIdOf(u.name_enc) === oldKey),
        'others are still under the old one',
      );
      // The running server loads the new key (as its refresh timer does) and reads values under both keys.
      await ctx.crypto.refresh();
      assert.equal((await call(t.app, worker, 'GET', `/api/cases/${caseId}`)).json().person.prs_FirstName, 'Zqdrill');

      // A value sealed with the old key in a column outside the `_enc` rule keeps the old key alive.
      const stray = { key: 'zq-stray', value: `enc1.${oldKey}.x.y`, updated_at: new Date().toISOString() };
      await ctx.db.db.insertInto('meta').values(stray).execute();
      await assert.rejects(
        rotate(rotDb(ctx.db.db), crypto, 'data', opts),
        /meta\.value holds values sealed with an old/,
      );
      assert.ok(await ctx.db.db.selectFrom('data_keys').where('id', '=', oldKey).select('id').executeTakeFirst());
      await ctx.db.db.deleteFrom('meta').where('key', '=', 'zq-stray').execute();
      const second = await rotate(rotDb(ctx.db.db), crypto, 'data', opts);
      assert.equal(second.resumed, true);
      assert.equal(second.done, true);
      await ctx.crypto.refresh();
      const keys = await ctx.db.db.selectFrom('data_keys').select(['id', 'purpose']).execute();
      assert.ok(!keys.some((k) => k.id === oldKey), 'the old data key is destroyed');
      for (const u of await ctx.db.db.selectFrom('users').select('name_enc').execute())
        assert.equal(keyIdOf(u.name_enc), newKey);
      const changes = await ctx.db.db.selectFrom('record_changes').select('values_enc').execute();
      assert.ok(changes.length > 0 && changes.every((c) => !c.values_enc || keyIdOf(c.values_enc) === newKey));
      assert.equal(keyIdOf(await sealedAttachment(ctx)), newKey, 'the attachment is re-sealed too');
    });

    it('recomputes every blind index under a new index key, resuming after an interruption', async () => {
      const ctx = t.db.ctx;
      const crypto = await rotator(ctx);
      const opts = { waitMs: 0, batchSize: 2, indexes: rebuildableIndexes };
      const unlisted = rebuildableIndexes.filter((s) => !('column' in s && s.column === 'contact_index'));
      await assert.rejects(
        rotate(rotDb(ctx.db.db), crypto, 'index', { ...opts, indexes: unlisted }),
        /no rebuild is listed for the blind index reports\.contact_index; nothing was changed/,
      );
      await ctx.crypto.refresh();
      assert.equal(ctx.crypto.keysOf('index').length, 1, 'a refused rotation stores no key');
      assert.equal((await rotate(rotDb(ctx.db.db), crypto, 'index', { ...opts, maxBatches: 2 })).done, false);
      // Mid-rebuild, a server that has loaded the new key still finds people indexed under the old one.
      await ctx.crypto.refresh();
      assert.equal(ctx.crypto.keysOf('index').length, 2);
      const byName = (await call(t.app, worker, 'POST', '/api/cases/search', { name: 'kispe' })).json();
      assert.ok(
        byName.items.some((i: { id: string }) => i.id === caseId),
        'found by name during the rebuild',
      );
      const byId = await call(t.app, worker, 'POST', '/api/persons/candidates', { prs_IdentityNumber: '0999999990' });
      assert.match(byId.body, /Zqdrill/, 'found by identity number during the rebuild');
      const r = await rotate(rotDb(ctx.db.db), crypto, 'index', opts);
      assert.deepEqual([r.resumed, r.done], [true, true]);
      await ctx.crypto.refresh();
      assert.equal(ctx.crypto.keysOf('index').length, 1, 'the old index key is destroyed');
      const followUp = await fromContact({ input: { text: 'Zqseguimiento' } });
      assert.equal(followUp.json().continued, true, "the contact's open report is found under the new index key");
      const me = await ctx.db.db
        .selectFrom('users')
        .select(['email_index', 'email_enc', 'id'])
        .where('id', '=', worker.userId)
        .executeTakeFirstOrThrow();
      const email = ctx.crypto.decrypt(me.email_enc, { table: 'users', row: me.id, column: 'email' });
      assert.equal(me.email_index, ctx.crypto.blindIndex('email', email.trim().toLowerCase()));
    });

    it('backs up into one sealed file, refuses a wrong key, and restores cases, history and files after a wipe', async () => {
      const out = path.join(config.dataDir, 'drill.minka-backup');
      const ctx = t.db.ctx;
      const { master } = await keyOf(ctx);
      const summary = await backup(config, ctx.db, master, out);
      assert.equal(statSync(out).mode & 0o777, 0o600);
      assert.equal(summary.files, 1);
      assert.doesNotMatch(readFileSync(out).toString('latin1'), /Zqdrill|Zqtutora|0999999990|Quispe/);
      await assert.rejects(backup(config, ctx.db, master, out), /already exists/);

      // Wipe: the database and the attachments go; the master key is kept (elsewhere, in a real installation).
      await t.app.close();
      await ctx.db.close();
      handles = [];
      if (config.DATABASE_URL) {
        const u = new URL(config.DATABASE_URL);
        await createPostgresDatabase(process.env.TEST_DATABASE_URL!, u.pathname.slice(1));
      } else
        for (const f of readdirSync(config.dataDir))
          if (f.startsWith('minka.sqlite')) rmSync(path.join(config.dataDir, f));
      rmSync(path.join(config.dataDir, 'attachments'), { recursive: true, force: true });

      await assert.rejects(
        restore(config, newMasterKey(master.version), out, {}),
        /sealed with master key .*nothing was changed/,
      );
      assert.ok(!existsSync(path.join(config.dataDir, 'attachments')), 'a wrong key changes nothing');
      if (!config.DATABASE_URL) assert.ok(!existsSync(config.sqlitePath));

      assert.deepEqual(await restore(config, master, out, {}), { engine: target.name, files: 1 });
      await assert.rejects(restore(config, master, out, {}), /pass --force/, 'never over existing data');

      const back = await openContext(config);
      handles = [back.db];
      assert.ok(keyIdOf(await sealedAttachment(back)), 'the attachment is back in the store');
      const app = await buildApp({ ...back, webDir: null, logLevel: 'silent' });
      await app.ready();
      t = { ...t, app };
      const again = await signInNewUser(app, back, { role: 'caseworker', scope: '0603', orgId: worker.orgId });
      const c = (await call(app, again, 'GET', `/api/cases/${caseId}`)).json();
      assert.equal(c.person.prs_FirstName, 'Zqdrill');
      const history = (await call(app, again, 'GET', `/api/cases/${caseId}/history`)).json();
      assert.ok(
        history.changes.some((h: { fields: { field: string }[] }) =>
          h.fields.some((f) => f.field === 'local_Guardian'),
        ),
        'the history came back',
      );
      const down = await call(app, again, 'GET', `/api/cases/${caseId}/files/${fileId}`);
      assert.equal(down.statusCode, 200);
      assert.equal(down.rawPayload.subarray(0, 4).toString('latin1'), 'RIFF', 'the attachment decrypts');
      const byName = (await call(app, again, 'POST', '/api/cases/search', { name: 'kispe' })).json();
      assert.ok(
        byName.items.some((i: { id: string }) => i.id === caseId),
        'the phonetic index finds the case',
      );
      const byId = (
        await call(app, again, 'POST', '/api/persons/candidates', { prs_IdentityNumber: '0999-999-990' })
      ).json();
      assert.ok(JSON.stringify(byId).includes('Zqdrill'), 'the identity index finds the person');

      // A wrong key with --force over live data is refused before anything changes.
      await assert.rejects(
        restore(config, newMasterKey(master.version), out, { force: true }),
        /sealed with master key/,
      );
      assert.equal((await call(app, again, 'GET', `/api/cases/${caseId}`)).json().person.prs_FirstName, 'Zqdrill');
    });
  });
}
