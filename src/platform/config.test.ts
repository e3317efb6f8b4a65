import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../tests/support/db';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults: port 3000, ./data, SQLite, demo seed on', () => {
    const c = loadConfig({});
    assert.equal(c.PORT, 3000);
    assert.equal(c.dataDir, path.resolve('data'));
    assert.equal(c.sqlitePath, path.resolve('data/minka.sqlite'));
    assert.equal(c.database, 'sqlite');
    assert.equal(c.MINKA_SEED_DEMO, true);
  });

  it('reads environment variables and coerces types', () => {
    const c = loadConfig({
      PORT: '8080',
      MINKA_SEED_DEMO: 'false',
      DATABASE_URL: 'postgres://u@h/db',
      MINKA_DATA_DIR: '/tmp/x',
    });
    assert.equal(c.PORT, 8080);
    assert.equal(c.MINKA_SEED_DEMO, false);
    assert.equal(c.database, 'postgres');
    assert.equal(c.sqlitePath, '/tmp/x/minka.sqlite');
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
