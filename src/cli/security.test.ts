import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir, testConfig } from '../../tests/support/db';
import { openContext } from '../app/index';

const root = new URL('../..', import.meta.url).pathname;

describe('minka keys rotate, backup and restore', () => {
  let tmp: ReturnType<typeof tempDir>;
  const minka = (...args: string[]) =>
    spawnSync(process.execPath, [`${root}bin/minka.js`, ...args], {
      env: { ...process.env, MINKA_DATA_DIR: tmp.dir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
  const names = async () => {
    const ctx = await openContext(testConfig(tmp.dir));
    try {
      const rows = await ctx.db.db.selectFrom('users').select(['id', 'name_enc']).orderBy('id').execute();
      return rows.map((r) => ctx.crypto.decrypt(r.name_enc, { table: 'users', row: r.id, column: 'name' }));
    } finally {
      await ctx.db.close();
    }
  };

  before(() => {
    tmp = tempDir();
    const r = minka('seed', '--demo');
    assert.equal(r.status, 0, r.stderr);
  });
  after(() => tmp.remove());

  it('rotates the master key: everything still reads, and the old key is refused with a clear message', async () => {
    const before = await names();
    assert.equal(before.length, 12, 'one demo account per role, three caseworkers, two supervisors');
    const keyFile = path.join(tmp.dir, 'master.key');
    const oldKey = path.join(tmp.dir, 'old.key');
    copyFileSync(keyFile, oldKey);
    const r = minka('keys', 'rotate');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /rewrapped 2 data keys from master key v1 .* to v2/);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.notEqual(readFileSync(keyFile, 'utf8'), readFileSync(oldKey, 'utf8'));
    assert.deepEqual(await names(), before);
    assert.equal(minka('audit', 'verify').status, 0);

    const newKey = path.join(tmp.dir, 'new.key');
    copyFileSync(keyFile, newKey);
    copyFileSync(oldKey, keyFile);
    const refused = minka('audit', 'verify');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^minka: the master key from .*master\.key does not open the encrypted data/);
    await assert.rejects(names(), /does not open the encrypted data/);
    copyFileSync(newKey, keyFile);
    assert.deepEqual(await names(), before);
  });

  it('backs up and restores the database', async () => {
    const backup = path.join(tmp.dir, 'b.sqlite');
    assert.equal(minka('backup', '--out', backup).status, 0);
    assert.match(minka('backup', '--out', backup).stderr, /already exists/);
    const ctx = await openContext(testConfig(tmp.dir));
    await ctx.db.db.deleteFrom('user_roles').execute();
    await ctx.db.close();
    assert.match(minka('restore', '--from', backup).stderr, /pass --force/);
    const r = minka('restore', '--from', backup, '--force');
    assert.equal(r.status, 0, r.stderr);
    const after = await openContext(testConfig(tmp.dir));
    assert.equal((await after.db.db.selectFrom('user_roles').selectAll().execute()).length, 12);
    await after.db.close();
  });
});
