import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { bossStates, bossText, fastBoss, memoryLog, until } from '../../../tests/support/jobs';
import { openContext } from '../../app/index';
import type { Context } from '../context';
import { appTables } from '../crypto/repo-backup';
import type { ModuleDescriptor, QueuedJob } from '../module';
import { type JobRunner, startJobs } from './index';

// The job runners behind one interface: on SQLite in-process timers and a stored queue, on PostgreSQL pg-boss.

const hour = 3_600_000;

/** A module with one queued job whose handler the test gives. */
const withQueued = (job: QueuedJob<{ n: string }>): ModuleDescriptor[] => [{ name: 'probe', queued: [job as never] }];

for (const target of dbTargets()) {
  describe(`job runner on ${target.name}`, () => {
    let db: TestDb;
    const runners: JobRunner[] = [];
    const start = async (ctx: Context, modules: ModuleDescriptor[], work = true, log = memoryLog()) => {
      const r = await startJobs(ctx, modules, log, { work, boss: fastBoss });
      runners.push(r);
      return r;
    };
    before(async () => {
      db = await target.open();
    });
    after(async () => {
      for (const r of runners) await r.stop(100).catch(() => undefined);
      await db.cleanup();
    });

    it('runs a queued job once, and one stopped mid-way by a shutdown runs again when a runner starts', async () => {
      const ran: string[] = [];
      let hang = true;
      const job: QueuedJob<{ n: string }> = {
        name: 'probe resume',
        retryDelaySeconds: 1,
        run: async (_ctx, data, signal) => {
          ran.push(data.n);
          if (data.n === 'slow' && hang) {
            hang = false;
            // Stops only when told to, as an import does between batches.
            await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
          }
        },
      };
      const first = await start(db.ctx, withQueued(job));
      await first.enqueue('probe resume', { n: 'quick' });
      await first.enqueue('probe resume', { n: 'slow' });
      await until('the slow job starts', () => ran.includes('slow'));
      await first.stop(50);
      assert.deepEqual(ran.sort(), ['quick', 'slow']);
      const other = await openContext(db.config);
      try {
        const second = await start(other, withQueued(job));
        await until('the stopped job runs again', () => ran.filter((n) => n === 'slow').length === 2);
        await second.stop();
        assert.deepEqual(ran.sort(), ['quick', 'slow', 'slow'], 'the finished job did not run again');
      } finally {
        await other.db.close();
      }
    });

    it('retries a failing job with a growing delay, and logs and stores no more than the error’s class and code', async () => {
      let calls = 0;
      const log = memoryLog();
      const job: QueuedJob<{ n: string }> = {
        name: 'probe retry',
        retryDelaySeconds: 1,
        run: async () => {
          calls++;
          if (calls < 3) throw Object.assign(new Error('Zqsecreto Persona Ficticia'), { code: 'E_PROBE' });
        },
      };
      const r = await start(db.ctx, withQueued(job), true, log);
      await r.enqueue('probe retry', { n: 'x' });
      await until('the third attempt succeeds', () => calls === 3);
      await r.stop();
      const failures = log.lines.filter((l) => l.includes('job failed'));
      assert.equal(failures.length, 2);
      for (const l of failures) {
        assert.match(l, /E_PROBE/);
        assert.doesNotMatch(l, /Zqsecreto|Persona/);
      }
      if (target.name === 'postgres') assert.doesNotMatch(await bossText(db.ctx, 'probe-retry'), /Zqsecreto|Persona/);
      else {
        const rows = await db.ctx.db.db.selectFrom('job_queue').selectAll().where('name', '=', 'probe retry').execute();
        assert.deepEqual(
          rows.map((x) => [x.state, Number(x.attempts)]),
          [['done', 3]],
        );
        assert.doesNotMatch(JSON.stringify(rows), /Zqsecreto|Persona/);
      }
    });

    it('waits for a running job when it stops', async () => {
      let finished = false;
      let started = false;
      const job: QueuedJob<{ n: string }> = {
        name: 'probe graceful',
        run: async () => {
          started = true;
          await new Promise((r) => setTimeout(r, 300));
          finished = true;
        },
      };
      const r = await start(db.ctx, withQueued(job));
      await r.enqueue('probe graceful', { n: 'x' });
      await until('the job starts', () => started);
      await r.stop(10_000);
      assert.ok(finished, 'stop() returned before the running job finished');
    });

    it('with MINKA_JOBS=false runs no job but still queues them for the nodes that do', async () => {
      let periodic = 0;
      const ran: string[] = [];
      const modules: ModuleDescriptor[] = [
        {
          name: 'probe',
          jobs: [{ name: 'probe web tick', everyMs: hour, run: async () => periodic++ }],
          queued: [{ name: 'probe web', run: async (_c: Context, d: { n: string }) => void ran.push(d.n) } as never],
        },
      ];
      const web = await start(db.ctx, modules, false);
      await web.enqueue('probe web', { n: 'from the web node' });
      const other = await openContext(db.config);
      try {
        const worker = await start(other, [{ name: 'probe', queued: modules[0]!.queued }]);
        await until('the worker runs the queued job', () => ran.length === 1);
        await worker.stop();
      } finally {
        await other.db.close();
      }
      await web.stop();
      assert.deepEqual(ran, ['from the web node']);
      assert.equal(periodic, 0, 'the web-only node ran its periodic job');
    });

    if (target.name === 'postgres')
      it('two nodes starting at once on an empty database install the queue once and run a start-up job once', async () => {
        const fresh = await target.open();
        const second = await openContext(fresh.config);
        try {
          let ticks = 0;
          const modules: ModuleDescriptor[] = [
            { name: 'probe', jobs: [{ name: 'probe tick', everyMs: hour, run: async () => void ticks++ }] },
          ];
          const [a, b] = await Promise.all([start(fresh.ctx, modules), start(second, modules)]);
          await until(
            'the start-up run completes',
            async () => (await bossStates(fresh.ctx, 'probe-tick')).completed === 1,
          );
          await Promise.all([a.stop(), b.stop()]);
          assert.equal(ticks, 1);
          assert.deepEqual(await bossStates(fresh.ctx, 'probe-tick'), { completed: 1 });
          // pg-boss's tables (schema pgboss) are not Minka's data: backups and key rotations leave them out.
          const tables = await appTables(fresh.ctx.db.db);
          assert.ok(tables.includes('job_queue'));
          for (const theirs of ['job', 'queue', 'schedule', 'version', 'archive']) assert.ok(!tables.includes(theirs));
        } finally {
          await second.db.close();
          await fresh.cleanup();
        }
      });
  });
}
