import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dbTargets, type TestDb, tempDir } from '../../../tests/support/db';
import { openContext } from '../../app/index';
import { chunkBytes, DatabaseStore, fileStoreOf, localFilesDir } from '../blobs/index';
import type { Context } from '../context';
import { openCrypto } from '../context';
import { createPostgresDatabase, dropPostgresDatabase } from '../db/dialect';
import { extractArchive } from './archive';
import { backup, restore } from './backup';
import { FieldCrypto, keyIdOf } from './fields';
import type { MasterKey } from './keys';
import { rotDb } from './repo-rotation';
import { rotate } from './rotate';

// Key rotation and backup/restore with attachments in each store: a file larger than many chunks in the store, and
// one an earlier version left in the node's own folder. Rotation re-seals both (moving the old one in); a backup
// carries both, a PostgreSQL one in parts; a restore after a wipe gives both back, readable.

const placeOf = (id: string) => ({ table: 'case_files', row: id, column: 'data' });

for (const target of dbTargets()) {
  for (const store of ['database', 'directory'] as const) {
    describe(`attachments through key rotation and backup, ${store} store, ${target.name}`, () => {
      const shared = tempDir('minka-shared-files-');
      const settings: Record<string, string> =
        store === 'directory' ? { MINKA_FILE_STORE: 'directory', MINKA_FILES_DIR: shared.dir } : {};
      let db: TestDb;
      let ctx: Context;
      let master: MasterKey;
      // Larger than one backup part once in base64 (PostgreSQL), and than one read of chunks.
      const big = { id: randomUUID(), plain: randomBytes(7 * 1024 * 1024 + 3) };
      const old = { id: randomUUID(), plain: randomBytes(chunkBytes + 9) };
      const readBack = async (c: Context, f: { id: string; plain: Buffer }) =>
        c.crypto.decryptBytes((await fileStoreOf(c).get(`case-${f.id}`))!, placeOf(f.id));

      before(async () => {
        db = await target.open(settings);
        ctx = db.ctx;
        master = (await openCrypto(db.config, db.handle)).master;
        await fileStoreOf(ctx).put(`case-${big.id}`, ctx.crypto.encryptBytes(big.plain, placeOf(big.id)));
        const local = localFilesDir(db.config);
        mkdirSync(local, { recursive: true, mode: 0o700 });
        writeFileSync(path.join(local, `case-${old.id}.bin`), ctx.crypto.encryptBytes(old.plain, placeOf(old.id)));
      });
      let closed = false;
      after(async () => {
        if (!closed) await ctx.db.close();
        const url = db.config.DATABASE_URL;
        if (url) await dropPostgresDatabase(process.env.TEST_DATABASE_URL!, new URL(url).pathname.slice(1));
        rmSync(db.config.dataDir, { recursive: true, force: true });
        shared.remove();
      });

      it('a data-key rotation re-seals every stored file and moves in the ones left in the old folder', async () => {
        const before = ctx.crypto.activeKey('field');
        const crypto = await FieldCrypto.open(ctx.db.db, master);
        const r = await rotate(rotDb(ctx.db.db), crypto, 'data', {
          waitMs: 0,
          batchSize: 1,
          files: fileStoreOf(ctx),
          indexes: [],
        });
        assert.equal(r.done, true);
        await ctx.crypto.refresh();
        const now = ctx.crypto.activeKey('field');
        assert.notEqual(now, before);
        assert.deepEqual(readdirSync(localFilesDir(db.config)), [], 'the old folder is empty');
        for (const f of [big, old]) {
          const stored = (await fileStoreOf(ctx).store.get(`case-${f.id}`))!;
          assert.equal(keyIdOf(stored), now, 'in the store, under the new key');
          assert.ok((await readBack(ctx, f)).equals(f.plain));
        }
        await assert.rejects(
          rotate(rotDb(ctx.db.db), crypto, 'data', { waitMs: 0, indexes: [] }),
          /needs the attachments store; nothing was changed/,
        );
      });

      it('a backup carries the files, and a restore after a wipe gives them back readable', async () => {
        // One more file left in the old folder after the rotation: it travels too.
        const late = { id: randomUUID(), plain: randomBytes(1000) };
        writeFileSync(
          path.join(localFilesDir(db.config), `case-${late.id}.bin`),
          ctx.crypto.encryptBytes(late.plain, placeOf(late.id)),
        );
        const out = path.join(db.config.dataDir, 'files.minka-backup');
        const summary = await backup(db.config, ctx.db, master, out);
        assert.equal(summary.files, 3);
        const look = mkdtempSync(path.join(db.config.dataDir, '.look-'));
        const { names } = extractArchive(out, master, look);
        rmSync(look, { recursive: true });
        if (target.name === 'postgres')
          assert.ok(names.includes('tables/blob_chunks.000002.jsonl') === (store === 'database'), 'in parts');
        assert.ok(names.includes(`attachments/case-${late.id}.bin`));

        // The wipe: database, the store's folder and the node's folder.
        await ctx.db.close();
        closed = true;
        if (db.config.DATABASE_URL)
          await createPostgresDatabase(
            process.env.TEST_DATABASE_URL!,
            new URL(db.config.DATABASE_URL).pathname.slice(1),
          );
        else
          for (const f of readdirSync(db.config.dataDir))
            if (f.startsWith('minka.sqlite')) rmSync(path.join(db.config.dataDir, f));
        rmSync(shared.dir, { recursive: true, force: true });
        rmSync(localFilesDir(db.config), { recursive: true, force: true });

        assert.deepEqual(await restore(db.config, master, out, {}), { engine: target.name, files: 3 });
        ctx = await openContext(db.config);
        closed = false;
        for (const f of [big, old, late]) assert.ok((await readBack(ctx, f)).equals(f.plain), 'readable again');
        assert.ok(!existsSync(localFilesDir(db.config)), "the node's old folder is not used again");
        if (store === 'database') assert.ok(await new DatabaseStore(ctx.db.db).get(`case-${late.id}`), 'moved in');
        else assert.ok(existsSync(path.join(shared.dir, `case-${late.id}.bin`)), 'in the shared folder');
      });
    });
  }
}
