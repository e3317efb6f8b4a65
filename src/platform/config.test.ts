import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../tests/support/db';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults: port 3000 on every address, ./data, SQLite, no demo, no proxy trusted', () => {
    const c = loadConfig({});
    assert.equal(c.PORT, 3000);
    assert.equal(c.HOST, '0.0.0.0');
    assert.equal(c.dataDir, path.resolve('data'));
    assert.equal(c.sqlitePath, path.resolve('data/minka.sqlite'));
    assert.equal(c.database, 'sqlite');
    assert.equal(c.MINKA_DEMO, false);
    assert.equal(c.MINKA_TRUST_PROXY, false);
  });

  it('reads environment variables and coerces types', () => {
    const c = loadConfig({
      PORT: '8080',
      MINKA_DEMO: 'yes',
      DATABASE_URL: 'postgres://u@h/db',
      MINKA_DATA_DIR: '/tmp/x',
    });
    assert.equal(c.PORT, 8080);
    assert.equal(c.MINKA_DEMO, true);
    assert.equal(c.database, 'postgres');
    assert.equal(c.sqlitePath, '/tmp/x/minka.sqlite');
  });

  it('listens on loopback only for a demo, unless HOST says otherwise', () => {
    assert.equal(loadConfig({ MINKA_DEMO: 'yes' }).HOST, '127.0.0.1');
    assert.equal(loadConfig({ MINKA_DEMO: 'yes', HOST: '192.0.2.10' }).HOST, '192.0.2.10');
  });

  it('accepts MINKA_SEED_DEMO=false from older setups and points MINKA_SEED_DEMO=true to MINKA_DEMO', () => {
    assert.equal(loadConfig({ MINKA_SEED_DEMO: 'false' }).MINKA_DEMO, false);
    assert.throws(
      () => loadConfig({ MINKA_SEED_DEMO: 'true' }),
      (e: Error) => e instanceof ConfigError && /MINKA_DEMO=yes/.test(e.message),
    );
  });

  it('trusts proxies by hop count or by address, and refuses `true`', () => {
    const trust = (v: string) => loadConfig({ MINKA_TRUST_PROXY: v }).MINKA_TRUST_PROXY;
    assert.equal(trust('false'), false);
    assert.equal(trust('0'), false);
    assert.equal(trust('1'), 1);
    assert.equal(trust('2'), 2);
    assert.deepEqual(trust('10.0.0.5, 10.1.0.0/16,fd00::/8,loopback'), [
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['true', 'yes', '10.0.0.0/33', 'proxy.example', '10.0.0.5 10.0.0.6', '99'])
      assert.throws(
        () => trust(bad),
        (e: Error) => e instanceof ConfigError && /^invalid setting MINKA_TRUST_PROXY:/.test(e.message),
        bad,
      );
  });

  it('gives data-subject requests 15 days by default, 1 to 90 when configured', () => {
    assert.equal(loadConfig({}).MINKA_RIGHTS_DEADLINE_DAYS, 15);
    assert.equal(loadConfig({ MINKA_RIGHTS_DEADLINE_DAYS: '10' }).MINKA_RIGHTS_DEADLINE_DAYS, 10);
    for (const bad of ['0', '91', 'x'])
      assert.throws(() => loadConfig({ MINKA_RIGHTS_DEADLINE_DAYS: bad }), /MINKA_RIGHTS_DEADLINE_DAYS/);
  });

  it('names the bad setting in its error', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty' }),
      (e: Error) => e instanceof ConfigError && /^invalid setting PORT:/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://x' }),
      /invalid setting DATABASE_URL: must start with postgres/,
    );
    assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /invalid setting LOG_LEVEL/);
    assert.throws(() => loadConfig({ MINKA_DEFAULT_COUNTRY: 'ecu' }), /invalid setting MINKA_DEFAULT_COUNTRY/);
  });

  it('reads an optional JSON file that the environment overrides', () => {
    const tmp = tempDir();
    try {
      const file = path.join(tmp.dir, 'minka.json');
      writeFileSync(file, JSON.stringify({ PORT: 4000, LOG_LEVEL: 'warn' }));
      const c = loadConfig({ MINKA_CONFIG: file, LOG_LEVEL: 'error' });
      assert.equal(c.PORT, 4000);
      assert.equal(c.LOG_LEVEL, 'error');
      writeFileSync(file, JSON.stringify({ PROT: 4000 }));
      assert.throws(() => loadConfig({ MINKA_CONFIG: file }), /unknown setting PROT/);
      writeFileSync(file, '{ not json');
      assert.throws(() => loadConfig({ MINKA_CONFIG: file }), /is not valid JSON/);
      assert.throws(() => loadConfig({ MINKA_CONFIG: path.join(tmp.dir, 'none.json') }), /does not exist/);
    } finally {
      tmp.remove();
    }
  });
});

describe('business clock offset', () => {
  it('is refused in production and accepted elsewhere', () => {
    assert.throws(
      () => loadConfig({ MINKA_CLOCK_OFFSET_DAYS: '30', NODE_ENV: 'production' }),
      /MINKA_CLOCK_OFFSET_DAYS/,
    );
    assert.equal(loadConfig({ MINKA_CLOCK_OFFSET_DAYS: '30' }).MINKA_CLOCK_OFFSET_DAYS, 30);
  });
});
