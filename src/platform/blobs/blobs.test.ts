import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dbTargets, type TestDb, tempDir } from '../../../tests/support/db';
import { type BlobStore, chunkBytes, DatabaseStore, DirectoryStore, fileStoreOf, localFilesDir } from './index';

// The attachments store on both engines: whole files back, chunk rows as expected, writes all-or-nothing, and the
// directory store for a shared mount. Files through the HTTP API on two nodes: nodes.test.ts.

const sizes = [0, 1, chunkBytes, chunkBytes + 1, 3 * 1024 * 1024 + 17];

/** What every store must do, whatever keeps the bytes. */
function behaves(name: string, open: () => BlobStore) {
  it(`${name}: gives back exactly what was put, at every size`, async () => {
    const store = open();
    for (const n of sizes) {
      const id = `case-${randomUUID()}`;
      const bytes = randomBytes(n);
      await store.put(id, bytes);
      assert.ok((await store.get(id))!.equals(bytes), `${n} bytes`);
      assert.ok((await store.head(id, 64))!.equals(bytes.subarray(0, 64)));
    }
    assert.equal(await store.get(`case-${randomUUID()}`), null);
    assert.equal(await store.head(`case-${randomUUID()}`, 64), null);
  });

  it(`${name}: add never overwrites, replace never creates, put replaces`, async () => {
    const store = open();
    const id = randomUUID();
    const [a, b, c] = [randomBytes(chunkBytes * 2 + 5), randomBytes(10), randomBytes(chunkBytes + 3)];
    assert.equal(await store.replace(id, a), false);
    assert.equal(await store.get(id), null, 'replace created nothing');
    assert.equal(await store.add(id, a), true);
    assert.equal(await store.add(id, b), false);
    assert.ok((await store.get(id))!.equals(a), 'the first add is kept');
    assert.equal(await store.replace(id, c), true);
    assert.ok((await store.get(id))!.equals(c));
    await store.put(id, b);
    assert.ok((await store.get(id))!.equals(b), 'a shorter file leaves no chunk of the longer one behind');
  });

  it(`${name}: two nodes adding the same id at once: one writes, the other finds it`, async () => {
    const [one, two] = [open(), open()];
    const id = randomUUID();
    const bytes = randomBytes(chunkBytes + 100);
    const r = await Promise.all([one.add(id, bytes), two.add(id, bytes)]);
    assert.deepEqual(r.sort(), [false, true]);
    assert.ok((await one.get(id))!.equals(bytes));
  });

  it(`${name}: deletes, lists in pages and counts`, async () => {
    const store = open();
    const before = await store.count();
    const ids = Array.from({ length: 5 }, () => `plan-${randomUUID()}`).sort();
    for (const id of ids) await store.put(id, randomBytes(chunkBytes + 1));
    assert.equal(await store.count(), before + 5);
    const seen: string[] = [];
    for (let page = await store.list('', 2); page.length; page = await store.list(page.at(-1)!, 2)) seen.push(...page);
    assert.deepEqual(
      seen.filter((s) => ids.includes(s)),
      ids,
    );
    assert.deepEqual(seen, [...seen].sort(), 'ascending');
    await store.delete([ids[0]!, ids[1]!, `plan-${randomUUID()}`]);
    assert.equal(await store.get(ids[0]!), null);
    assert.equal(await store.count(), before + 3);
  });

  it(`${name}: refuses an id that could name a path`, async () => {
    const store = open();
    for (const bad of ['../x', 'a/b', '', '.hidden', 'x.bin'])
      await assert.rejects(store.put(bad, Buffer.from('x')), /not a blob id/);
  });
}

for (const target of dbTargets()) {
  describe(`attachments store on ${target.name}`, () => {
    let db: TestDb;
    before(async () => {
      db = await target.open();
    });
    after(() => db.cleanup());

    behaves('database', () => new DatabaseStore(db.handle.db));

    it('database: a file is chunk rows of at most 256 KiB, and deleting it removes them all', async () => {
      const store = new DatabaseStore(db.handle.db);
      const id = `case-${randomUUID()}`;
      const bytes = randomBytes(9 * chunkBytes + 1000);
      await store.put(id, bytes);
      const rows = await db.handle.db
        .selectFrom('blob_chunks')
        .select(['seq', 'bytes'])
        .where('blob_id', '=', id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.seq),
        [...Array(10).keys()],
      );
      assert.ok(rows.every((r) => r.bytes.length <= chunkBytes));
      assert.ok(Buffer.concat(rows.map((r) => r.bytes)).equals(bytes));
      // More chunks than one read takes: read page by page from one snapshot.
      assert.ok((await store.get(id))!.equals(bytes));
      await store.delete([id]);
      const left = await db.handle.db.selectFrom('blob_chunks').select('seq').where('blob_id', '=', id).execute();
      assert.equal(left.length, 0);
    });

    it('the configured store with an old local folder: its files are read, deleted and moved in once', async () => {
      const files = fileStoreOf(db.ctx);
      assert.equal(files.kind, 'database');
      const local = localFilesDir(db.config);
      const old = Array.from({ length: 3 }, () => ({ id: randomUUID(), bytes: randomBytes(chunkBytes + 7) }));
      mkdirSync(local, { recursive: true, mode: 0o700 });
      for (const f of old) writeFileSync(path.join(local, `${f.id}.bin`), f.bytes, { mode: 0o600, flag: 'wx' });
      writeFileSync(path.join(local, 'notes.txt'), 'not an attachment');
      assert.ok((await files.get(old[0]!.id))!.equals(old[0]!.bytes), 'read from the old folder');
      await files.delete([old[2]!.id]);
      assert.ok(!existsSync(path.join(local, `${old[2]!.id}.bin`)), 'deleted there too');
      // Two nodes over one shared folder move at once: each file lands once.
      const moved = await Promise.all([fileStoreOf(db.ctx).moveLocalFiles(), fileStoreOf(db.ctx).moveLocalFiles()]);
      assert.equal(moved[0].moved + moved[1].moved, 2);
      assert.deepEqual(readdirSync(local), ['notes.txt']);
      const store = new DatabaseStore(db.handle.db);
      for (const f of old.slice(0, 2)) assert.ok((await store.get(f.id))!.equals(f.bytes), 'in the database now');
      assert.deepEqual(await files.moveLocalFiles(), { moved: 0, present: 0 }, 'idempotent');
    });
  });
}

describe('directory store', () => {
  const tmp = tempDir('minka-blobs-');
  after(() => tmp.remove());
  const dir = path.join(tmp.dir, 'shared', 'files');

  behaves('directory', () => new DirectoryStore(dir));

  it('keeps each file as <id>.bin, mode 0600 in a 0700 folder, and leaves no temporary file', async () => {
    const store = new DirectoryStore(dir);
    const id = `case-${randomUUID()}`;
    await store.put(id, randomBytes(100));
    assert.equal(statSync(path.join(dir, `${id}.bin`)).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.deepEqual(
      readdirSync(dir).filter((n) => !n.endsWith('.bin')),
      [],
    );
  });

  it('is chosen by MINKA_FILE_STORE=directory, in MINKA_FILES_DIR or else the old attachments folder', () => {
    const db = { db: undefined as never };
    const base = { dataDir: tmp.dir, MINKA_FILES_DIR: undefined };
    const own = fileStoreOf({ config: { ...base, MINKA_FILE_STORE: 'directory' }, db });
    assert.equal((own.store as DirectoryStore).dir, localFilesDir(base));
    assert.equal(own.local, null, 'the old folder is the store: nothing to move');
    const shared = fileStoreOf({ config: { ...base, MINKA_FILE_STORE: 'directory', MINKA_FILES_DIR: dir }, db });
    assert.equal((shared.store as DirectoryStore).dir, dir);
    assert.equal(shared.local?.dir, localFilesDir(base));
  });
});
