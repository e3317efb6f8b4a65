import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dbTargets, type TestDb, tempDir } from '../../../tests/support/db';
import { openFileStore } from '../blobs/index';
import { openCrypto } from '../context';
import { FieldCrypto, unwrapKey, wrapKey } from './fields';
import { KeyError, loadMasterKey, newMasterKey, parseEnvKey } from './keys';
import { rotDb } from './repo-rotation';
import { rotate } from './rotate';

describe('master key', () => {
  it('is created once with mode 0600 and read back', () => {
    const tmp = tempDir();
    try {
      const a = loadMasterKey({ dataDir: tmp.dir, create: true });
      assert.equal(a.created, true);
      assert.equal(statSync(path.join(tmp.dir, 'master.key')).mode & 0o777, 0o600);
      const b = loadMasterKey({ dataDir: tmp.dir, create: true });
      assert.equal(b.created, false);
      assert.deepEqual(b.key, a.key);
    } finally {
      tmp.remove();
    }
  });

  it('refuses a missing key when it may not create one, and a malformed environment key', () => {
    const tmp = tempDir();
    try {
      assert.throws(() => loadMasterKey({ dataDir: tmp.dir, create: false }), KeyError);
      assert.equal(existsSync(path.join(tmp.dir, 'master.key')), false);
      assert.throws(() => parseEnvKey('v1:c2hvcnQ='), /32 bytes/);
      assert.equal(parseEnvKey(`v7:${Buffer.alloc(32, 1).toString('base64')}`).version, 7);
    } finally {
      tmp.remove();
    }
  });

  it('wraps data keys so that only the same master key and version open them', () => {
    const m1 = newMasterKey(1);
    const dk = Buffer.alloc(32, 9);
    const w = wrapKey(m1, 'k1', dk);
    assert.deepEqual(unwrapKey(m1, 'k1', w), dk);
    assert.throws(() => unwrapKey(newMasterKey(1), 'k1', w), KeyError);
    assert.throws(() => unwrapKey(m1, 'k2', w), KeyError, 'bound to the key id');
  });
});

for (const target of dbTargets()) {
  describe(`field encryption on ${target.name}`, () => {
    let db: TestDb;
    before(async () => {
      db = await target.open();
    });
    after(() => db.cleanup());
    const ctxA = { table: 'users', row: 'r1', column: 'name' };

    it('round-trips text and bytes and never shows the plain text', () => {
      const c = db.ctx.crypto;
      const sealed = c.encrypt('Zzcanario Prueba', ctxA);
      assert.doesNotMatch(sealed, /Zzcanario/);
      assert.doesNotMatch(sealed, new RegExp(Buffer.from('Zzcanario').toString('base64').slice(0, 10)));
      assert.notEqual(c.encrypt('Zzcanario Prueba', ctxA), sealed, 'a fresh IV each time');
      assert.equal(c.decrypt(sealed, ctxA), 'Zzcanario Prueba');
      const file = Buffer.from('%PDF fake attachment');
      assert.deepEqual(c.decryptBytes(c.encryptBytes(file, ctxA), ctxA), file);
    });

    it('binds a value to its table, row and column, and detects tampering', () => {
      const c = db.ctx.crypto;
      const sealed = c.encrypt('0912345678', ctxA);
      assert.throws(() => c.decrypt(sealed, { ...ctxA, row: 'r2' }));
      assert.throws(() => c.decrypt(sealed, { ...ctxA, column: 'email' }));
      const parts = sealed.split('.');
      const data = Buffer.from(parts[3]!, 'base64');
      data[0] = data[0]! ^ 1;
      parts[3] = data.toString('base64');
      assert.throws(() => c.decrypt(parts.join('.'), ctxA));
    });

    it('gives stable, keyed blind indexes per purpose', () => {
      const c = db.ctx.crypto;
      assert.equal(c.blindIndex('identity', '9912345678'), c.blindIndex('identity', '9912345678'));
      assert.notEqual(c.blindIndex('identity', '9912345678'), c.blindIndex('email', '9912345678'));
      assert.notEqual(c.blindIndex('identity', '9912345678'), c.blindIndex('identity', '9912345679'));
      assert.doesNotMatch(c.blindIndex('identity', '9912345678'), /9912345678/);
    });

    it('rewraps under a new master key: data still reads, indexes stay, the old key is refused', async () => {
      const c = db.ctx.crypto;
      const sealed = c.encrypt('Zzcanario', ctxA);
      const index = c.blindIndex('identity', 'X1');
      const { master: old } = await openCrypto(db.config, db.handle);
      const next = newMasterKey(old.version + 1);
      await c.rewrap(next);
      const reopened = await FieldCrypto.open(db.handle.db, next);
      assert.equal(reopened.decrypt(sealed, ctxA), 'Zzcanario');
      assert.equal(reopened.blindIndex('identity', 'X1'), index);
      await assert.rejects(FieldCrypto.open(db.handle.db, old), KeyError);
      await assert.rejects(FieldCrypto.open(db.handle.db, { ...old, version: next.version }), /does not open data key/);
    });

    it('a process left on the previous master key stops sealing when a rotation adds a key it cannot open', async () => {
      const other = await target.open();
      try {
        const server = other.ctx.crypto;
        const { master } = await openCrypto(other.config, other.handle);
        // `keys rotate --master` then `keys rotate --data`, run by another process while this one keeps serving.
        const cli = await FieldCrypto.open(other.handle.db, master);
        await cli.rewrap(newMasterKey(master.version + 1));
        const earlier = server.encrypt('Zzcanario', ctxA);
        const opts = { waitMs: 0, maxBatches: 0, files: openFileStore(other.config, other.handle.db), indexes: [] };
        await rotate(rotDb(other.handle.db), cli, 'data', opts);
        await assert.rejects(server.refresh(), /is wrapped by master key v2, but the key given is v1/);
        // Not under the retired key the rotation will destroy: what it sealed would become unreadable.
        assert.throws(() => server.encrypt('Zzcanario', ctxA), /is not open: restart with the current master key/);
        assert.equal(server.decrypt(earlier, ctxA), 'Zzcanario', 'what it sealed before still reads');
      } finally {
        await other.cleanup();
      }
    });
  });
}
