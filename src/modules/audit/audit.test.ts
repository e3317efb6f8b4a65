import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { dbTargets, type TestDb, tempDir, testConfig } from '../../../tests/support/db';
import { openContext } from '../../app/index';
import { AuditService } from './service';

const root = new URL('../../..', import.meta.url).pathname;
const actor = { userId: 'u-1', orgId: 'o-1' };

async function fill(db: TestDb, n: number) {
  for (let i = 0; i < n; i++)
    await db.ctx.audit.record({
      actor,
      action: 'test.event',
      recordType: 'thing',
      recordId: `r${i}`,
      details: { i },
      requestId: `req-${i}`,
    });
}

for (const target of dbTargets()) {
  describe(`audit chain on ${target.name}`, () => {
    let db: TestDb;
    before(async () => {
      db = await target.open();
    });
    after(() => db.cleanup());
    const q = () => db.handle.db;

    it('chains entries and verifies them', async () => {
      await fill(db, 6);
      const rows = await q().selectFrom('audit_log').selectAll().orderBy('id').execute();
      assert.deepEqual(
        rows.map((r) => Number(r.id)),
        [1, 2, 3, 4, 5, 6],
      );
      for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prev_hash, rows[i - 1]!.hash);
      assert.deepEqual(await new AuditService(db.ctx.db.db).verify(), { ok: true, checked: 6 });
    });

    it('serialises concurrent appends into one chain', async () => {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => db.ctx.audit.record({ actor, action: 'test.concurrent', details: { i } })),
      );
      assert.deepEqual(await new AuditService(db.ctx.db.db).verify(), { ok: true, checked: 16 });
    });

    it('names a changed entry', async () => {
      await q().updateTable('audit_log').set({ details: '{"i":99}' }).where('id', '=', 3).execute();
      const r = await new AuditService(db.ctx.db.db).verify();
      assert.equal(r.ok, false);
      assert.deepEqual(r.firstBroken, { id: 3, reason: 'hash does not match the entry content (entry was changed)' });
    });
  });
}

describe('minka audit verify (CLI) on tampered chains', () => {
  let tmp: ReturnType<typeof tempDir>;
  before(() => {
    tmp = tempDir();
  });
  after(() => tmp.remove());

  const verify = () =>
    spawnSync(process.execPath, [`${root}bin/minka.js`, 'audit', 'verify'], {
      env: { ...process.env, MINKA_DATA_DIR: tmp.dir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
  const tamper = (sql: string[]) => {
    const raw = new SQLite(`${tmp.dir}/minka.sqlite`);
    for (const s of sql) raw.prepare(s).run();
    raw.close();
  };
  const fresh = async () => {
    tmp.remove();
    tmp = tempDir();
    const ctx = await openContext(testConfig(tmp.dir));
    for (let i = 0; i < 5; i++)
      await ctx.audit.record({ actor, action: 'test.event', recordId: `r${i}`, details: { i } });
    await ctx.db.close();
  };

  it('passes on an intact chain', async () => {
    await fresh();
    const r = verify();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'audit chain intact: 5 entries\n');
  });

  const cases: [string, string[], RegExp][] = [
    [
      'a changed entry',
      ["UPDATE audit_log SET action = 'test.other' WHERE id = 2"],
      /^minka: audit chain broken at entry 2: hash does not match/,
    ],
    [
      'a deleted entry',
      ['DELETE FROM audit_log WHERE id = 3'],
      /^minka: audit chain broken at entry 3: entry is missing/,
    ],
    [
      'a deleted last entry',
      ['DELETE FROM audit_log WHERE id = 5'],
      /^minka: audit chain broken at entry 5: chain ends before the recorded head/,
    ],
    [
      'two reordered entries',
      [
        'UPDATE audit_log SET id = 100 WHERE id = 2',
        'UPDATE audit_log SET id = 2 WHERE id = 4',
        'UPDATE audit_log SET id = 4 WHERE id = 100',
      ],
      /^minka: audit chain broken at entry 2: /,
    ],
  ];
  for (const [what, sql, expected] of cases) {
    it(`fails and names ${what}`, async () => {
      await fresh();
      tamper(sql);
      const r = verify();
      assert.equal(r.status, 1);
      assert.match(r.stderr, expected);
    });
  }
});
