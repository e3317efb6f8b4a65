import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Kysely, sql } from 'kysely';
import { tempDir } from '../../../tests/support/db';
import { sqliteDialect } from './dialect';

// SQLite connections keep prepared statements by their SQL (Kysely would prepare each query again): a kept
// statement must give the same answers as a fresh one, after a stream of it and once evicted.
describe('SQLite statements kept by their SQL', () => {
  it('answers a query again after a stream of it ended early, and after many distinct ones', async () => {
    const tmp = tempDir();
    const db = new Kysely<{ t: { id: number; v: string } }>({
      dialect: sqliteDialect(`${tmp.dir}/s.sqlite`).dialect,
    });
    try {
      await db.schema.createTable('t').addColumn('id', 'integer').addColumn('v', 'text').execute();
      await db
        .insertInto('t')
        .values([1, 2, 3].map((id) => ({ id, v: `v${id}` })))
        .execute();
      const all = () => db.selectFrom('t').selectAll().where('id', '>', 0).orderBy('id').execute();
      const stream = () => db.selectFrom('t').selectAll().where('id', '>', 0).orderBy('id').stream();
      assert.equal((await all()).length, 3);
      // A stream left early, then the same query read whole and streamed again.
      for await (const row of stream()) {
        assert.equal(row.id, 1);
        break;
      }
      assert.equal((await all()).length, 3);
      const seen: number[] = [];
      for await (const row of stream()) seen.push(row.id);
      assert.deepEqual(seen, [1, 2, 3]);
      for (let i = 0; i < 600; i++) {
        const r = await sql<{ n: number }>`select ${sql.lit(i)} + count(*) as n from t`.execute(db);
        assert.equal(r.rows[0]?.n, i + 3);
      }
      await db.updateTable('t').set({ v: 'changed' }).where('id', '=', 2).execute();
      assert.equal((await all())[1]?.v, 'changed');
    } finally {
      await db.destroy();
      tmp.remove();
    }
  });
});
