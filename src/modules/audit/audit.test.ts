import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { minkaBin } from '../../../tests/support/cli';
import { dbTargets, type TestDb, tempDir, testConfig } from '../../../tests/support/db';
import { captureLog } from '../../../tests/support/log';
import { decodeMail, smtpSink } from '../../../tests/support/smtp';
import { openContext } from '../../app/index';
import { loadMasterKey, newMasterKey } from '../../platform/crypto/keys';
import { entryHash, genesisHash } from './chain';
import { auditServiceOf, writeAuditCheckpoint } from './checkpoint-job';
import { carryAuditKeys } from './keys';
import { AuditChainBroken, AuditService } from './service';

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
    const verify = () => auditServiceOf(db.ctx).verify();

    it('chains entries and verifies them', async () => {
      await fill(db, 6);
      const rows = await q().selectFrom('audit_log').selectAll().orderBy('id').execute();
      assert.deepEqual(
        rows.map((r) => Number(r.id)),
        [1, 2, 3, 4, 5, 6],
      );
      for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prev_hash, rows[i - 1]!.hash);
      assert.ok(
        rows.every((r) => r.key_id === 'v1' && r.hash !== entryHash(r)),
        'MACs, not plain hashes',
      );
      const r = await verify();
      assert.deepEqual([r.ok, r.checked, r.legacy, r.keyedFrom], [true, 6, 0, 1]);
    });

    it('verifying gives the event loop a turn between batches (better-sqlite3 would otherwise block the server)', async () => {
      let served = false;
      setImmediate(() => {
        served = true;
      });
      await verify();
      assert.equal(served, true);
    });

    it('a new service records its first entry inside the caller transaction (its keys open through it)', async () => {
      const master = loadMasterKey({
        dataDir: db.config.dataDir,
        envKey: db.config.MINKA_MASTER_KEY,
        create: false,
      }).key;
      const fresh = new AuditService(db.ctx.db.db, master);
      await db.ctx.db.db.transaction().execute((trx) => fresh.record({ actor, action: 'test.in-transaction' }, trx));
      assert.deepEqual([(await verify()).ok, (await verify()).checked], [true, 7]);
    });

    it('serialises concurrent appends into one chain', async () => {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => db.ctx.audit.record({ actor, action: 'test.concurrent', details: { i } })),
      );
      assert.deepEqual([(await verify()).ok, (await verify()).checked], [true, 17]);
    });

    it('names a changed entry', async () => {
      await q().updateTable('audit_log').set({ details: '{"i":99}' }).where('id', '=', 3).execute();
      const r = await verify();
      assert.equal(r.ok, false);
      const at = (await q().selectFrom('audit_log').select('at').where('id', '=', 3).executeTakeFirstOrThrow()).at;
      assert.deepEqual(r.firstBroken, {
        id: 3,
        at,
        code: 'changed',
        reason: 'MAC does not match the entry content (entry was changed)',
      });
    });

    it('continues the chain under the next master key once the audit keys are carried over', async () => {
      await q().updateTable('audit_log').set({ details: '{"i":2}' }).where('id', '=', 3).execute();
      const v1 = loadMasterKey({ dataDir: db.config.dataDir, envKey: db.config.MINKA_MASTER_KEY, create: false }).key;
      const v2 = newMasterKey(2);
      const before = await new AuditService(db.ctx.db.db, v2).verify();
      assert.deepEqual([before.firstBroken?.id, before.firstBroken?.code], [1, 'unknown_key']);
      await carryAuditKeys(db.ctx.db.db, v1, v2);
      const next = new AuditService(db.ctx.db.db, v2);
      await next.record({ actor, action: 'test.after-rotation' });
      const last = await q().selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.equal(last.key_id, 'v2');
      const r = await next.verify();
      assert.deepEqual([r.ok, r.checked], [true, 18]);

      // A second rotation carries both earlier keys; a slot written without the key is ignored, not fatal.
      const v3 = newMasterKey(3);
      await carryAuditKeys(db.ctx.db.db, v2, v3);
      const ring = JSON.parse(
        (await q().selectFrom('meta').select('value').where('key', '=', 'audit_keyring').executeTakeFirstOrThrow())
          .value,
      );
      ring['v9@v3'] = { master: 3, key: Buffer.alloc(60).toString('base64') };
      await q()
        .updateTable('meta')
        .set({ value: JSON.stringify(ring) })
        .where('key', '=', 'audit_keyring')
        .execute();
      const third = new AuditService(db.ctx.db.db, v3);
      await third.record({ actor, action: 'test.after-second-rotation' });
      const r3 = await third.verify();
      assert.deepEqual([r3.ok, r3.checked], [true, 19]);
    });
  });

  describe(`an audit chain from before the keyed MAC, on ${target.name}`, () => {
    let db: TestDb;
    before(async () => {
      db = await target.open();
    });
    after(() => db.cleanup());

    it('keeps its plain-hash part, starts the keyed chain at the first checkpoint and anchors the old part in it', async () => {
      const q = db.handle.db;
      // Entries as an installation before migration 0017 wrote them: plain SHA-256, no key id.
      let prev = genesisHash;
      for (let id = 1; id <= 5; id++) {
        const e = {
          id,
          at: new Date(Date.UTC(2025, 0, id)).toISOString(),
          actor_user_id: 'u-1',
          actor_org_id: 'o-1',
          action: 'test.old',
          record_type: null,
          record_id: `r${id}`,
          fields: null,
          details: JSON.stringify({ id }),
          request_id: null,
          prev_hash: prev,
          key_id: null,
        };
        prev = entryHash(e);
        await q
          .insertInto('audit_log')
          .values({ ...e, hash: prev })
          .execute();
      }
      await q
        .updateTable('meta')
        .set({ value: JSON.stringify({ id: 5, hash: prev }) })
        .where('key', '=', 'audit_head')
        .execute();
      const dir = `${db.config.dataDir}/audit-checkpoints`;
      const cp = await auditServiceOf(db.ctx).checkpoint(dir);
      assert.deepEqual([cp.body.entryId, cp.body.keyedFrom], [7, 6]);
      const marker = await q.selectFrom('audit_log').selectAll().where('id', '=', 6).executeTakeFirstOrThrow();
      assert.equal(marker.action, 'audit.chain_keyed');
      assert.deepEqual(JSON.parse(marker.details), { legacyEntries: 5, legacyHead: prev });
      const ok = await auditServiceOf(db.ctx).verify({ checkpointDir: dir });
      assert.deepEqual([ok.ok, ok.checked, ok.legacy, ok.keyedFrom], [true, 7, 5, 6]);

      // Rewriting an old entry and recomputing the old plain hashes breaks the first MAC, which covers the old head.
      const rows = await q.selectFrom('audit_log').selectAll().where('id', '<=', 5).orderBy('id').execute();
      let p = rows[0]!.hash;
      for (const r of rows.slice(1)) {
        const e = { ...r, prev_hash: p, details: r.id === 2 ? '{"id":99}' : r.details };
        p = entryHash(e);
        await q
          .updateTable('audit_log')
          .set({ details: e.details, prev_hash: e.prev_hash, hash: p })
          .where('id', '=', r.id)
          .execute();
      }
      await q.updateTable('audit_log').set({ prev_hash: p }).where('id', '=', 6).execute();
      const broken = await auditServiceOf(db.ctx).verify({ checkpointDir: dir });
      assert.deepEqual([broken.ok, broken.firstBroken?.id, broken.firstBroken?.code], [false, 6, 'changed']);
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
    spawnSync(process.execPath, [minkaBin, 'audit', 'verify'], {
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
    assert.match(
      r.stdout,
      /^audit chain intact: 5 entries \(0 plain-hash entries before the keyed chain, keyed with HMAC-SHA256 from entry 1\)\n/,
    );
  });

  const cases: [string, string[], RegExp][] = [
    [
      'a changed entry',
      ["UPDATE audit_log SET action = 'test.other' WHERE id = 2"],
      /^minka: audit chain broken at entry 2 \(written [0-9T:.Z-]+\): MAC does not match/,
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
      /^minka: audit chain broken at entry 2 \(written [^)]+\): previous-hash link/,
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

describe('checkpoints e-mailed to the auditor', () => {
  it('sends each signed checkpoint with its signature and public key, and says so when the chain is broken', async () => {
    const [target] = dbTargets();
    const sink = await smtpSink();
    const db = await target!.open({ MINKA_SMTP_URL: sink.url, MINKA_AUDIT_EMAIL: 'auditoria@prueba.test' });
    try {
      await fill(db, 3);
      const { log, lines } = captureLog();
      const file = await writeAuditCheckpoint(db.ctx, log);
      assert.equal(sink.messages.length, 1);
      const mail = decodeMail(sink.messages[0]!);
      assert.match(mail, /To: auditoria@prueba\.test/);
      assert.match(mail, /Minka: punto de control de auditor.a, entrada 4/);
      assert.ok(mail.includes(readFileSync(file, 'utf8').trim()), 'the signed bytes');
      assert.ok(mail.includes(readFileSync(file.replace(/\.json$/, '.sig')).toString('base64')), 'the signature');
      assert.match(mail, /BEGIN PUBLIC KEY/);

      await db.handle.db.updateTable('audit_log').set({ action: 'test.other' }).where('id', '=', 2).execute();
      await assert.rejects(writeAuditCheckpoint(db.ctx, log), AuditChainBroken);
      assert.equal(sink.messages.length, 2);
      assert.match(decodeMail(sink.messages[1]!), /la cadena de auditor.a est. rota/);
      assert.match(lines.at(-1)!, /"level":50.*"brokenAt":2.*"msg":"audit chain broken: no checkpoint signed"/);
    } finally {
      await db.cleanup();
      await sink.close();
    }
  });
});
