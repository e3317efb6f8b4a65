import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { tempDir, testConfig } from '../../../tests/support/db';
import { openContext } from '../../app/index';
import { createPostgresDatabase, dropPostgresDatabase } from './dialect';
import { migrateToLatest, openDb } from './index';
import { withStartupLock } from './startup-lock';

const url = process.env.TEST_DATABASE_URL;
if (!url && process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set');

if (url) {
  describe('start-up lock on PostgreSQL', () => {
    const names: string[] = [];
    const tmp = tempDir();
    after(async () => {
      for (const n of names) await dropPostgresDatabase(url, n);
      tmp.remove();
    });
    const fresh = async () => {
      const name = `minka_lock_${process.pid}_${names.length}`;
      names.push(name);
      return createPostgresDatabase(url, name);
    };

    it('lets one node at a time through, on separate connections', async () => {
      const dbUrl = await fresh();
      const handles = [0, 1, 2].map(() => openDb({ DATABASE_URL: dbUrl, sqlitePath: '' }));
      const spans: [number, number][] = [];
      await Promise.all(
        handles.map((h) =>
          withStartupLock(h, async () => {
            const start = performance.now();
            await new Promise((r) => setTimeout(r, 60));
            spans.push([start, performance.now()]);
          }),
        ),
      );
      spans.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < spans.length; i++)
        assert.ok(spans[i]![0] >= spans[i - 1]![1], 'two nodes were inside at once');
      for (const h of handles) await h.close();
    });

    it('nodes opening a migrated, keyless database together create one data key of each kind', async () => {
      const dbUrl = await fresh();
      const h = openDb({ DATABASE_URL: dbUrl, sqlitePath: '' });
      await migrateToLatest(h.db);
      await h.close();
      const config = testConfig(tmp.dir, { DATABASE_URL: dbUrl, MINKA_MASTER_KEY: randomBytes(32).toString('base64') });
      const nodes = await Promise.all([0, 1, 2, 3].map(() => openContext(config)));
      const rows = await nodes[0]!.db.db.selectFrom('data_keys').select(['purpose']).execute();
      assert.deepEqual(rows.map((r) => r.purpose).sort(), ['field', 'index']);
      // Each node seals with the same keys, so a blind index made on one matches on another.
      assert.equal(nodes[1]!.crypto.activeKey('index'), nodes[3]!.crypto.activeKey('index'));
      for (const n of nodes) await n.db.close();
    });
  });
}
