import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets } from '../../../../tests/support/db';
import { caseCount, installation, upload } from '../../../../tests/support/htcds';
import { fastBoss, memoryLog, until } from '../../../../tests/support/jobs';
import { openContext } from '../../../app/index';
import type { Context } from '../../../platform/context';
import { startJobs } from '../../../platform/jobs/index';
import type { QueuedJob } from '../../../platform/module';
import { HtcdsImports, insightsModule } from '../index';
import { templateHeader } from './fields';
import { htcdsImportJob, ImportRun } from './import-run';

// An HTCDS import is a job: it survives the death of the process running it and imports every row exactly once.

const rows = 12;

/** A clean file of `rows` made-up people, every other one with consent to data processing; one is a child. */
function cleanFile(tag: string): Buffer {
  const line = (cells: Record<string, string>) =>
    templateHeader.map((h, i) => (i === 0 ? '' : (cells[h] ?? ''))).join(',');
  const body = Array.from({ length: rows }, (_, i) =>
    line({
      prs_FirstName: `Fila${tag}${String.fromCharCode(65 + i)}`,
      prs_SecondName: `Ficticia Zq${tag}${i}`,
      prs_Birthdate: i === 0 ? '2014-03-04' : `19${70 + i}-0${(i % 9) + 1}-1${i % 9}`,
      cas_Status: 'Active',
      con_Consent: i % 2 === 0 ? 'si' : '',
    }),
  );
  return Buffer.from([templateHeader.join(','), ...body].join('\n'));
}

for (const target of dbTargets()) {
  describe(`HTCDS import as a job on ${target.name}`, { timeout: 240_000 }, () => {
    let b: Awaited<ReturnType<typeof installation>>;
    let other: Context;
    before(async () => {
      b = await installation(target);
      // Another node on PostgreSQL; on SQLite (one node) the same process again after a restart.
      other = target.name === 'postgres' ? await openContext(b.t.db.config) : b.t.db.ctx;
    });
    after(async () => {
      if (other !== b.t.db.ctx) await other.db.close();
      await b.t.close();
    });

    const uploaded = async (tag: string) => {
      const res = await upload(b.t, b.supervisor, cleanFile(tag), `${tag}.csv`);
      assert.equal(res.statusCode, 200, res.body);
      const job = res.json();
      assert.deepEqual([job.valid, job.errors.length], [rows, 0]);
      return job.id as string;
    };
    const status = async (id: string) =>
      (await b.t.app.inject({ url: `/api/insights/htcds/imports/${id}`, headers: b.supervisor.headers })).json();
    /** Every row of the import taken once, each with its own case, finished, and each case's audit entries once. */
    const importedOnce = async (id: string) => {
      const db = b.t.db.ctx.db.db;
      const taken = await db.selectFrom('htcds_import_rows').selectAll().where('import_id', '=', id).execute();
      assert.equal(taken.length, rows);
      assert.deepEqual([...new Set(taken.map((r) => r.state))], ['done']);
      const caseIds = taken.map((r) => r.case_id!);
      assert.equal(new Set(caseIds).size, rows);
      const opened = await db
        .selectFrom('audit_log')
        .select('record_id')
        .where('action', '=', 'case.opened')
        .where('record_id', 'in', caseIds)
        .execute();
      assert.equal(opened.length, rows);
      const finished = await db
        .selectFrom('audit_log')
        .select('record_id')
        .where('action', '=', 'case.imported')
        .where('record_id', 'in', caseIds)
        .execute();
      assert.equal(finished.length, rows);
      const consents = await db
        .selectFrom('consents')
        .select(['case_id', 'given_by'])
        .where('case_id', 'in', caseIds)
        .execute();
      assert.equal(consents.length, rows / 2);
      const child = taken.find((r) => r.row_no === 2)!;
      assert.equal(Number(child.minor), 1);
      assert.deepEqual(
        consents.filter((c) => c.case_id === child.case_id).map((c) => c.given_by),
        ['Guardian'],
      );
      const committed = await db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'htcds.import.committed')
        .where('record_id', '=', id)
        .execute();
      assert.equal(committed.length, 1);
    };

    it('an import whose runner dies after two batches resumes from there and imports every row once', async () => {
      const id = await uploaded('A');
      const casesBefore = await caseCount(b.t);
      let died = false;
      // Ends the hung run once the runner has let go of it, as the operating system does with a dead process's work.
      let release: (e: Error) => void = () => undefined;
      // A runner that imports two batches of three rows and then hangs, deaf to shutdown, as a process that died.
      const dying: QueuedJob<{ id: string; requestId?: string }> = {
        ...htcdsImportJob,
        retryDelaySeconds: 1,
        run: async (ctx, data) => {
          await new ImportRun(ctx).work(data.id, { batchSize: 3, maxBatches: 2, requestId: data.requestId });
          died = true;
          await new Promise((_, reject) => {
            release = reject;
          });
        },
      };
      const first = await startJobs(b.t.db.ctx, [{ name: 'insights', queued: [dying as never] }], memoryLog(), {
        boss: fastBoss,
      });
      const commit = await b.t.app.inject({
        method: 'POST',
        url: `/api/insights/htcds/imports/${id}/commit`,
        headers: b.supervisor.headers,
        payload: {},
      });
      assert.equal(commit.statusCode, 200, commit.body);
      await until('two batches are imported', () => died);
      await first.stop(50);
      release(new Error('the process is gone'));
      const midway = await status(id);
      assert.deepEqual([midway.status, midway.processed, midway.imported], ['running', 6, 6]);
      assert.equal(await caseCount(b.t), casesBefore + 6);

      const second = await startJobs(other, [insightsModule], memoryLog(), { boss: fastBoss });
      try {
        await until('the import finishes', async () => (await status(id)).status !== 'running');
      } finally {
        await second.stop();
      }
      const done = await status(id);
      assert.deepEqual([done.status, done.processed, done.imported, done.errors.length], ['done', rows, rows, 0]);
      assert.equal(await caseCount(b.t), casesBefore + rows);
      await importedOnce(id);
    });

    it('two runs of one import at once (a job retried while its first run still works) import every row once', async () => {
      const id = await uploaded('B');
      const casesBefore = await caseCount(b.t);
      // Committed without queueing a job: the two runs below are the only ones.
      await b.t.db.ctx.db.db.updateTable('htcds_imports').set({ status: 'running' }).where('id', '=', id).execute();
      await Promise.all([
        new ImportRun(b.t.db.ctx).work(id, { batchSize: 2 }),
        new ImportRun(other).work(id, { batchSize: 5 }),
      ]);
      const done = await status(id);
      assert.deepEqual([done.status, done.processed, done.imported], ['done', rows, rows]);
      assert.equal(await caseCount(b.t), casesBefore + rows);
      await importedOnce(id);
    });

    it('the hourly clean-up queues again an import whose job was lost, which then finishes', async () => {
      const id = await uploaded('C');
      const casesBefore = await caseCount(b.t);
      // Running for an hour without progress and without a job: its node died and its job with it.
      await b.t.db.ctx.db.db
        .updateTable('htcds_imports')
        .set({ status: 'running', updated_at: new Date(Date.now() - 3_600_000).toISOString() })
        .where('id', '=', id)
        .execute();
      await new HtcdsImports(b.t.db.ctx).expire();
      await until('the import finishes', async () => (await status(id)).status !== 'running');
      assert.equal((await status(id)).status, 'done');
      assert.equal(await caseCount(b.t), casesBefore + rows);
      await importedOnce(id);
    });
  });
}
