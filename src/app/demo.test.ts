import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../tests/support/app';
import { dbTargets, type TestDb, tempDir } from '../../tests/support/db';
import { initInstallation } from '../cli/init';
import { type Config, ConfigError } from '../platform/config';
import { putMeta } from '../platform/db/repo';
import { isLoopback } from '../platform/server';
import { seedDemo, startServer } from './index';

const noSharedData = tempDir('minka-no-shared-');
after(() => noSharedData.remove());

/** The test database's configuration as `minka serve` would read it, with the given changes. */
const serving = (db: TestDb, changes: Partial<Config>): Config => ({
  ...db.config,
  PORT: 0,
  MINKA_SHARED_DATA: noSharedData.dir,
  ...changes,
});

describe('loopback addresses', () => {
  it('tells the addresses only this machine reaches from the others', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])
      assert.ok(isLoopback(h), h);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'minka.example.org', '128.0.0.1'])
      assert.ok(!isLoopback(h), h);
  });
});

for (const target of dbTargets()) {
  describe(`a demo on ${target.name}`, () => {
    let db: TestDb;
    before(async () => {
      db = await target.open();
    });
    after(() => db.cleanup());

    it('refuses a network address unless MINKA_DEMO_PUBLIC says so, naming the setting', async () => {
      await assert.rejects(
        startServer(serving(db, { MINKA_DEMO: true, HOST: '0.0.0.0' })),
        (e: Error) => e instanceof ConfigError && /MINKA_DEMO_PUBLIC=yes/.test(e.message),
      );
    });

    it('listens on loopback, lists its accounts and marks the report pages as a demo', async () => {
      const running = await startServer(serving(db, { MINKA_DEMO: true, HOST: '127.0.0.1' }), { logLevel: 'silent' });
      try {
        assert.equal((running.app.server.address() as AddressInfo).address, '127.0.0.1');
        const demo = await fetch(`${running.url}/api/auth/demo`);
        assert.equal(demo.status, 200);
        assert.ok(((await demo.json()) as { users: unknown[] }).users.length >= 12);
        const page = await (await fetch(`${running.url}/report?lang=en`)).text();
        assert.match(page, /<aside class="demo" aria-label="Demo notice">Demo: fake data\./);
      } finally {
        await running.close();
      }
    });

    it('is refused as a real installation: demo accounts never serve as real ones', async () => {
      await assert.rejects(
        startServer(serving(db, { MINKA_DEMO: false, HOST: '127.0.0.1' })),
        (e: Error) => e instanceof ConfigError && /MINKA_DEMO=yes/.test(e.message) && /minka init/.test(e.message),
      );
    });
  });

  describe(`a real installation on ${target.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    it('starts with no accounts, answers 404 for the demo accounts and shows no demo notice', async () => {
      assert.equal(await t.db.handle.db.selectFrom('users').select('id').executeTakeFirst(), undefined);
      assert.equal((await t.app.inject({ url: '/api/auth/demo' })).statusCode, 404);
      assert.doesNotMatch((await t.app.inject({ url: '/report' })).body, /class="demo"/);
    });

    it('gets its first administrator from minka init, once, and never takes demo data after that', async () => {
      const r = await initInstallation(t.db.ctx, {
        email: 'ana.admin@prueba.test',
        name: 'Ana Prueba Admin',
        organisation: 'GAD Prueba',
      });
      assert.match(r.url, /^http:\/\/localhost:\d+\/invite#[\w-]{20,}$/);
      assert.equal(r.divisionsLoaded, false);
      const roles = await t.db.handle.db.selectFrom('user_roles').select('role_key').execute();
      assert.deepEqual(
        roles.map((x) => x.role_key),
        ['administrator'],
      );
      await assert.rejects(
        initInstallation(t.db.ctx, { email: 'otra@prueba.test', name: 'Otra Prueba', organisation: 'GAD Prueba' }),
        /already has an administrator/,
      );
      await assert.rejects(seedDemo(t.db.ctx), /accounts of a real installation/);
      assert.equal((await t.db.handle.db.selectFrom('users').select('id').execute()).length, 1);
    });
  });

  describe(`minka init on ${target.name}`, () => {
    let db: TestDb;
    before(async () => {
      db = await target.open();
    });
    after(() => db.cleanup());

    it('refuses a database with demo data and a demo configuration', async () => {
      await assert.rejects(
        initInstallation(
          { ...db.ctx, config: { ...db.config, MINKA_DEMO: true } },
          {
            email: 'a@prueba.test',
            name: 'A Prueba',
            organisation: 'O',
          },
        ),
        /MINKA_DEMO is on/,
      );
      await putMeta(db.handle.db, 'demo_seed:geo', 'x', new Date().toISOString());
      await assert.rejects(
        initInstallation(db.ctx, { email: 'a@prueba.test', name: 'A Prueba', organisation: 'O' }),
        /holds demo data/,
      );
    });
  });
}
