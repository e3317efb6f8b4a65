import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { captureLog } from '../../../tests/support/log';
import { checkpointJob, writeAuditCheckpoint } from './checkpoint-job';

// The checkpoint job verifies the whole chain: a node that starts within a day of the last checkpoint skips it.

for (const target of dbTargets()) {
  describe(`audit checkpoint job on ${target.name}`, () => {
    let db: TestDb;
    before(async () => {
      db = await target.open();
    });
    after(() => db.cleanup());

    it('runs at start only when no checkpoint was signed within the day, by any node or command', async () => {
      const fresh = () => checkpointJob.freshAtStart!(db.ctx);
      assert.equal(await fresh(), false, 'a database without a checkpoint');
      await writeAuditCheckpoint(db.ctx, captureLog().log);
      assert.equal(await fresh(), true, 'just signed');
      const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
      await db.ctx.db.db
        .updateTable('meta')
        .set({ value: twoDaysAgo })
        .where('key', '=', 'audit_checkpoint_at')
        .execute();
      assert.equal(await fresh(), false, 'signed two days ago');
    });
  });
}
