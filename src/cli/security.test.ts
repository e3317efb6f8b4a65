import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { minkaBin } from '../../tests/support/cli';
import { tempDir, testConfig } from '../../tests/support/db';
import { openContext } from '../app/index';

describe('minka keys rotate, backup and restore', () => {
  let tmp: ReturnType<typeof tempDir>;
  const minka = (...args: string[]) =>
    spawnSync(process.execPath, [minkaBin, ...args], {
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
    assert.equal(before.length, 13, 'one demo account per role, three caseworkers, two supervisors');
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

  it('rotates data and index keys from the command line, pausing and resuming, and reports unfinished work', async () => {
    const before = await names();
    const paused = minka('keys', 'rotate', '--data', '--offline', '--batch-size', '1', '--max-batches', '2');
    assert.equal(paused.status, 0, paused.stderr);
    assert.match(paused.stdout, /data rotation paused after 2 batches/);
    assert.match(minka('keys', 'status').stdout, /unfinished data rotation since .*rows, 2 batches/);
    const resumed = minka('keys', 'rotate', '--data', '--index', '--offline');
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.match(resumed.stdout, /resuming the data rotation/);
    assert.match(resumed.stdout, /data rotation done/);
    assert.match(resumed.stdout, /index rotation done/);
    assert.doesNotMatch(minka('keys', 'status').stdout, /unfinished/);
    assert.deepEqual(await names(), before);
    assert.match(minka('keys', 'rotate', '--data', '--batch-size', '0').stderr, /--batch-size must be a whole number/);
  });

  it('backs up into one sealed archive and restores it only with --force over existing data', async () => {
    const backup = path.join(tmp.dir, 'b.minka-backup');
    const made = minka('backup', '--out', backup);
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /sealed with master key v2-[0-9a-f]{16}/);
    assert.equal(statSync(backup).mode & 0o777, 0o600);
    assert.match(minka('backup', '--out', backup).stderr, /already exists/);
    const ctx = await openContext(testConfig(tmp.dir));
    await ctx.db.db.deleteFrom('user_roles').execute();
    await ctx.db.close();
    assert.match(minka('restore', backup).stderr, /pass --force/);
    const wrongKey = path.join(tmp.dir, 'wrong.key');
    writeFileSync(wrongKey, `v2:${randomBytes(32).toString('base64')}\n`);
    assert.match(minka('restore', backup, '--force', '--key-file', wrongKey).stderr, /sealed with master key v2-/);
    const r = minka('restore', backup, '--force');
    assert.equal(r.status, 0, r.stderr);
    const after = await openContext(testConfig(tmp.dir));
    assert.equal((await after.db.db.selectFrom('user_roles').selectAll().execute()).length, 13);
    await after.db.close();
  });
});
