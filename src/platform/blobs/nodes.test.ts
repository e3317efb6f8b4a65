import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets, tempDir, testConfig } from '../../../tests/support/db';
import { taggedPhoto } from '../../../tests/support/media';
import { multipart, openTestCase } from '../../../tests/support/requests';
import { buildApp, openContext } from '../../app/index';
import { seedGeoDemo } from '../../modules/geo/demo';
import { GeoService } from '../../modules/geo/service';
import type { Context } from '../context';
import type { App } from '../http/app';
import { DatabaseStore, fileStoreOf, localFilesDir } from './index';

// Attachments through the HTTP API on two nodes, as behind a load balancer: each node its own openContext over the
// same database. On PostgreSQL the second node also has its own data folder (its own disk), as it would on its own
// machine; SQLite is one node's file, so there the two contexts share it.

interface Node {
  app: App;
  ctx: Context;
  close(): Promise<void>;
}

/** A second node over the first one's database (and master key), with the given settings. */
async function secondNode(first: TestApp, overrides: Record<string, string> = {}): Promise<Node> {
  const a = first.db.config;
  const own = tempDir('minka-node-b-');
  const config = a.DATABASE_URL
    ? testConfig(own.dir, {
        DATABASE_URL: a.DATABASE_URL,
        MINKA_MASTER_KEY_FILE: path.join(a.dataDir, 'master.key'),
        ...overrides,
      })
    : { ...a, ...testConfig(a.dataDir, overrides) };
  const ctx = await openContext(config);
  const app = await buildApp({ ...ctx, webDir: null, logLevel: 'silent' });
  await app.ready();
  return {
    app,
    ctx,
    close: async () => {
      await app.close();
      await ctx.db.close();
      own.remove();
    },
  };
}

for (const target of dbTargets()) {
  for (const store of ['database', 'directory'] as const) {
    describe(`attachments on two nodes, ${store} store, ${target.name}`, () => {
      const shared = tempDir('minka-shared-files-');
      const settings: Record<string, string> =
        store === 'directory' ? { MINKA_FILE_STORE: 'directory', MINKA_FILES_DIR: shared.dir } : {};
      let a: TestApp;
      let b: Node;
      let worker: Signed;
      let caseId = '';
      let photo: Buffer;
      const upload = async (app: App) => {
        const m = await multipart(photo, 'foto.jpg');
        const res = await app.inject({
          method: 'POST',
          url: `/api/cases/${caseId}/files`,
          payload: m.payload,
          headers: { ...worker.headers, 'content-type': m.type },
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json().id as string;
      };
      const download = (app: App, id: string) =>
        app.inject({ url: `/api/cases/${caseId}/files/${id}`, headers: worker.headers });

      before(async () => {
        photo = await taggedPhoto();
        a = await openTestApp(target, settings as never);
        // What each node's services see (openTestApp applies the settings to the app's context only).
        Object.assign(a.db.config, settings);
        await seedGeoDemo(new GeoService(a.db.handle.db));
        const org = await makeOrg(a.db.ctx, '0603');
        worker = await signInNewUser(a.app, a.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
        caseId = await openTestCase(a, worker, { code: '0603', first: 'Dos', second: 'Nodos Prueba', age: 30 });
        b = await secondNode(a, settings);
      });
      after(async () => {
        await b.close();
        await a.close();
        shared.remove();
      });

      it('a file uploaded through one node downloads through the other, both ways', async () => {
        const first = await upload(a.app);
        const there = await download(b.app, first);
        assert.equal(there.statusCode, 200);
        assert.ok(there.rawPayload.equals((await download(a.app, first)).rawPayload));
        assert.match(there.rawPayload.toString('latin1'), /^\xff\xd8.*\xff\xd9$/s, 'a whole JPEG');
        const second = await upload(b.app);
        assert.equal((await download(a.app, second)).statusCode, 200);
        const inDb = await new DatabaseStore(a.db.handle.db).get(`case-${first}`);
        if (store === 'database') assert.ok(inDb, 'in the database');
        else {
          assert.equal(inDb, null, 'not in the database');
          assert.ok(existsSync(path.join(shared.dir, `case-${first}.bin`)), 'in the shared folder');
        }
        assert.ok(!existsSync(path.join(localFilesDir(a.db.config), `case-${first}.bin`)), 'not on a local disk');
      });

      it("a file an earlier version left in a node's own folder is still served, and moved in for every node", async () => {
        const id = await upload(a.app);
        const files = fileStoreOf(a.db.ctx);
        // As the earlier version stored it: sealed, in the node's <data dir>/attachments.
        const sealed = (await files.get(`case-${id}`))!;
        await files.store.delete([`case-${id}`]);
        const local = localFilesDir(a.db.config);
        mkdirSync(local, { recursive: true, mode: 0o700 });
        writeFileSync(path.join(local, `case-${id}.bin`), sealed, { mode: 0o600 });
        const expected = (await download(a.app, id)).rawPayload;
        assert.match(expected.toString('latin1'), /^\xff\xd8/, 'served from the old folder');
        if (target.name === 'postgres')
          assert.equal((await download(b.app, id)).statusCode, 500, "another node's disk is not this one's");
        const moved = await files.moveLocalFiles();
        assert.deepEqual(moved, { moved: 1, present: 0 });
        assert.deepEqual(readdirSync(local), []);
        assert.ok((await download(b.app, id)).rawPayload.equals(expected), 'the other node serves it now');
        assert.ok((await download(a.app, id)).rawPayload.equals(expected));
      });
    });
  }
}
