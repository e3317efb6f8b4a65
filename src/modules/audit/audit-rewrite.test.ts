import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { minkaBin } from '../../../tests/support/cli';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { captureLog } from '../../../tests/support/log';
import { entryHash, entryMac, genesisHash } from './chain';
import { auditServiceOf, writeAuditCheckpoint } from './checkpoint-job';
import { checkpointDir } from './checkpoints';

const actor = { userId: 'u-1', orgId: 'o-1' };

/**
 * What someone with write access to the database (and no master key) can do: change one entry's payload, then
 * recompute every later link and hash, with plain SHA-256 (dropping the key id) or an HMAC under a key of their
 * own, and move the recorded head along.
 */
async function rewriteFrom(db: TestDb, id: number, how: 'plain' | 'wrong-key') {
  const q = db.handle.db;
  const rows = await q.selectFrom('audit_log').selectAll().orderBy('id').execute();
  const forged = randomBytes(32);
  let prev = id > 1 ? rows[id - 2]!.hash : genesisHash;
  for (const r of rows.slice(id - 1)) {
    const e = {
      ...r,
      details: Number(r.id) === id ? JSON.stringify({ i: 999, note: 'rewritten' }) : r.details,
      prev_hash: prev,
      key_id: how === 'plain' ? null : r.key_id,
    };
    const hash = how === 'plain' ? entryHash(e) : entryMac(forged, e);
    await q
      .updateTable('audit_log')
      .set({ details: e.details, prev_hash: e.prev_hash, key_id: e.key_id, hash })
      .where('id', '=', r.id)
      .execute();
    prev = hash;
  }
  const head = JSON.stringify({ id: Number(rows.at(-1)!.id), hash: prev, keyId: how === 'plain' ? null : 'v1' });
  await q.updateTable('meta').set({ value: head }).where('key', '=', 'audit_head').execute();
}

for (const target of dbTargets()) {
  describe(`audit chain rewritten with database access only, on ${target.name}`, () => {
    let db: TestDb;
    let dir: string;
    const fill = async (n: number) => {
      for (let i = 0; i < n; i++)
        await db.ctx.audit.record({ actor, action: 'test.event', recordId: `r${i}`, details: { i } });
    };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [minkaBin, 'audit', ...args], {
        env: {
          ...process.env,
          MINKA_DATA_DIR: db.config.dataDir,
          DATABASE_URL: db.config.DATABASE_URL ?? '',
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
      });
    const entryAt = async (id: number) =>
      (await db.handle.db.selectFrom('audit_log').select('at').where('id', '=', id).executeTakeFirstOrThrow()).at;

    before(async () => {
      db = await target.open();
      dir = checkpointDir(db.config);
    });
    after(() => db.cleanup());
    beforeEach(async () => {
      // Each test starts from a fresh chain: 8 entries, a signed checkpoint (entry 9), 4 entries after it.
      await db.handle.db.deleteFrom('audit_log').execute();
      await db.handle.db
        .updateTable('meta')
        .set({ value: JSON.stringify({ id: 0, hash: genesisHash }) })
        .where('key', '=', 'audit_head')
        .execute();
      rmSync(dir, { recursive: true, force: true });
      await fill(8);
      const { log, lines } = captureLog();
      await writeAuditCheckpoint(db.ctx, log);
      assert.equal(lines.length, 1, 'one log line per checkpoint');
      assert.match(lines[0]!, /"msg":"audit checkpoint signed"/);
      assert.match(lines[0]!, /"entryId":9/);
      await fill(4);
    });

    it('an untouched chain verifies against its checkpoints, by API service and by the command line', async () => {
      const r = await auditServiceOf(db.ctx).verify({ checkpointDir: dir, requireDir: true });
      assert.equal(r.ok, true);
      assert.equal(r.checked, 13);
      assert.equal(r.keyedFrom, 1);
      assert.equal(r.checkpoints.checked, 1);
      assert.deepEqual(r.checkpoints.problems, []);
      const run = cli('verify', '--checkpoints', dir);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^audit chain intact: 13 entries/);
      assert.match(run.stdout, /checkpoints: 1 signed heads still in the chain \(latest: entry 9,/);
    });

    it('checkpoints are files 0600 in a 0700 directory, verifiable with the public key beside them alone', () => {
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      const files = readdirSync(dir);
      for (const f of files) assert.equal(statSync(path.join(dir, f)).mode & 0o777, 0o600, f);
      const json = files.find((f) => f.endsWith('.json'))!;
      const body = readFileSync(path.join(dir, json));
      assert.equal(JSON.parse(body.toString()).entryId, 9);
      const pub = createPublicKey(readFileSync(path.join(dir, 'audit-signing-v1.pem')));
      assert.equal(verify(null, body, pub, readFileSync(path.join(dir, json.replace('.json', '.sig')))), true);
    });

    for (const how of ['plain', 'wrong-key'] as const) {
      it(`a consistent rewrite from entry 5 (${how === 'plain' ? 'plain SHA-256' : 'HMAC under a guessed key'}) is reported at entry 5`, async () => {
        const at5 = await entryAt(5);
        await rewriteFrom(db, 5, how);
        const r = await auditServiceOf(db.ctx).verify({ checkpointDir: dir, requireDir: true });
        assert.equal(r.ok, false);
        assert.equal(r.firstBroken?.id, 5);
        assert.equal(r.firstBroken?.at, at5);
        assert.equal(r.firstBroken?.code, how === 'plain' ? 'downgraded' : 'changed');
        const run = cli('verify', '--checkpoints', dir);
        assert.equal(run.status, 1);
        assert.match(
          run.stderr,
          new RegExp(`^minka: audit chain broken at entry 5 \\(written ${at5.replace(/[.]/g, '\\.')}\\)`),
        );
      });
    }

    it('a rewrite of the whole chain in plain hashes is caught by the signed checkpoint', async () => {
      await rewriteFrom(db, 1, 'plain');
      const r = await auditServiceOf(db.ctx).verify({ checkpointDir: dir, requireDir: true });
      assert.equal(r.firstBroken?.id, 1);
      assert.equal(r.firstBroken?.code, 'downgraded');
      // Without the checkpoint such a chain would look like an intact pre-upgrade one: the checkpoint is the anchor.
      assert.equal((await auditServiceOf(db.ctx).verify()).ok, true);
    });

    it('deleting the entries after a checkpoint is reported', async () => {
      await db.handle.db.deleteFrom('audit_log').where('id', '>=', 9).execute();
      const rows = await db.handle.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
      const head = { id: 8, hash: rows.at(-1)!.hash, keyId: 'v1' };
      await db.handle.db
        .updateTable('meta')
        .set({ value: JSON.stringify(head) })
        .where('key', '=', 'audit_head')
        .execute();
      const r = await auditServiceOf(db.ctx).verify({ checkpointDir: dir, requireDir: true });
      assert.equal(r.firstBroken?.id, 9);
      assert.equal(r.firstBroken?.code, 'truncated');
    });

    it('a forged checkpoint (altered head, or signed with a key of its own) is reported and fails the check', async () => {
      const json = readdirSync(dir).find((f) => f.endsWith('.json'))!;
      const body = JSON.parse(readFileSync(path.join(dir, json), 'utf8'));
      writeFileSync(path.join(dir, json), `${JSON.stringify({ ...body, mac: 'f'.repeat(64) })}\n`);
      const r = await auditServiceOf(db.ctx).verify({ checkpointDir: dir, requireDir: true });
      assert.equal(r.ok, false);
      assert.equal(r.firstBroken, undefined);
      assert.deepEqual(
        r.checkpoints.problems.map((p) => [p.file, p.code]),
        [[json, 'bad_signature']],
      );
      const run = cli('verify', '--checkpoints', dir);
      assert.equal(run.status, 1);
      assert.match(run.stderr, new RegExp(`checkpoint ${json}: signature does not match`));

      // A forger with a key pair of their own replaces the public key file and signs a head of their choosing.
      const own = generateKeyPairSync('ed25519');
      writeFileSync(path.join(dir, 'audit-signing-v1.pem'), own.publicKey.export({ type: 'spki', format: 'pem' }));
      const forged = Buffer.from(`${JSON.stringify({ ...body, entryId: 12, mac: 'e'.repeat(64) })}\n`);
      writeFileSync(path.join(dir, 'checkpoint-forged-12.json'), forged);
      writeFileSync(path.join(dir, 'checkpoint-forged-12.sig'), sign(null, forged, own.privateKey));
      const again = await auditServiceOf(db.ctx).verify({ checkpointDir: dir, requireDir: true });
      assert.deepEqual(
        again.checkpoints.problems.map((p) => [p.file, p.code]).sort(),
        [
          ['checkpoint-forged-12.json', 'bad_signature'],
          [json, 'bad_signature'],
        ].sort(),
      );
    });
  });
}
