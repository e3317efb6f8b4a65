import PgBoss from 'pg-boss';
import type { Context } from '../context';
import type { Job, QueuedJob } from '../module';
import { withAdvisoryLock } from './repo';
import { cronFor, errorSummary, queueName } from './schedule';
import type { JobLog, RunnerCore } from './types';

type AnyQueued = QueuedJob<never>;

/** Settings tests shorten (polling, retry delays); production uses the defaults. */
export interface BossOptions {
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
}

/** pg-boss keeps its tables in this schema of Minka's database; it creates and upgrades them itself. */
export const bossSchema = 'pgboss';
const periodicExpireSeconds = 3600;
const queuedExpireSeconds = 15 * 60;
// Completed jobs stay in the job table two days, so a start-up run's throttle slot (up to a day) holds across nodes.
const archiveSeconds = 2 * 86_400;

/** A sanitised failure for pg-boss to store (it keeps what a handler throws): the job, the error's class and code. */
class JobFailed extends Error {
  override name = 'JobFailed';
}

/**
 * Jobs on PostgreSQL through pg-boss: every node may queue; nodes that run jobs (`work`) poll the queues, so each
 * job runs on one node. Periodic jobs are cron schedules (pg-boss sends each once per period across nodes), and the
 * run at start is a send throttled to one per period, so N nodes starting together run it once. Failures are
 * retried with a doubling delay; a node that dies mid-job leaves it active until it expires, then it is retried.
 */
export class BossRunner implements RunnerCore {
  private readonly boss: PgBoss;
  private readonly abort = new AbortController();
  private readonly workers = new Map<string, string>();
  private readonly defs = new Map<string, AnyQueued>();

  constructor(
    private readonly ctx: Context,
    private readonly log: JobLog,
    private readonly opts: { work: boolean; periodic: Job[]; queued: AnyQueued[]; boss?: BossOptions },
  ) {
    for (const q of opts.queued) this.defs.set(q.name, q);
    const url = ctx.config.DATABASE_URL;
    if (!url) throw new Error('the pg-boss job runner needs DATABASE_URL');
    this.boss = new PgBoss({
      connectionString: url,
      schema: bossSchema,
      application_name: 'minka-jobs',
      max: 3,
      migrate: true,
      // Maintenance (expiring the jobs of dead nodes) and cron only where jobs run; each takes its own turn in SQL.
      supervise: opts.work,
      schedule: opts.work,
      archiveCompletedAfterSeconds: archiveSeconds,
      archiveFailedAfterSeconds: archiveSeconds,
      ...(opts.boss?.maintenanceIntervalSeconds
        ? { maintenanceIntervalSeconds: opts.boss.maintenanceIntervalSeconds }
        : {}),
    });
    this.boss.on('error', (err) => this.log.error({ error: errorSummary(err) }, 'job queue error'));
  }

  async start(): Promise<void> {
    // pg-boss installs its schema under its own advisory lock, so nodes starting together on an empty database
    // install it once; the queues are created under ours (two nodes creating different queues at once can deadlock).
    await this.boss.start();
    await this.ensureQueues();
    if (!this.opts.work) return;
    const known = new Set<string>();
    for (const job of this.opts.periodic) {
      const q = queueName(job.name);
      known.add(q);
      const options = { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: periodicExpireSeconds };
      await this.boss.schedule(q, cronFor(job.everyMs, job.name), {}, { ...options, tz: 'UTC' });
      await this.work(q, job.name, () => job.run(this.ctx));
      // Once across the nodes per period: the first node's send takes the slot, the others' sends are refused.
      const fresh = job.freshAtStart ? await job.freshAtStart(this.ctx).catch(() => false) : false;
      if (!fresh)
        await this.boss.send(q, {}, { ...options, singletonSeconds: Math.min(job.everyMs / 1000, archiveSeconds) });
    }
    // A job that no longer exists must not keep being scheduled.
    for (const s of await this.boss.getSchedules()) if (!known.has(s.name)) await this.boss.unschedule(s.name);
    for (const def of this.defs.values())
      await this.work(queueName(def.name), def.name, (data) => def.run(this.ctx, data as never, this.abort.signal));
  }

  private async ensureQueues() {
    const wanted = [
      ...this.opts.periodic.map((j) => ({ name: queueName(j.name), policy: 'short' as const })),
      ...this.opts.queued.map((j) => ({ name: queueName(j.name), policy: 'standard' as const })),
    ];
    const have = new Set((await this.boss.getQueues()).map((q) => q.name));
    const missing = wanted.filter((q) => !have.has(q.name));
    if (!missing.length) return;
    await withAdvisoryLock(this.ctx.db.db, 'minka:job-queues', async () => {
      // Periodic queues are "short": at most one run waits, however long no node runs jobs.
      for (const q of missing) await this.boss.createQueue(q.name, { name: q.name, policy: q.policy });
    });
  }

  private async work(queue: string, name: string, run: (data: object) => Promise<unknown>) {
    const id = await this.boss.work<object>(
      queue,
      { batchSize: 1, pollingIntervalSeconds: this.opts.boss?.pollingIntervalSeconds ?? 2 },
      async (jobs) => {
        for (const job of jobs) {
          try {
            await run(job.data ?? {});
          } catch (err) {
            const error = errorSummary(err);
            this.log.error({ job: name, error }, 'job failed');
            throw new JobFailed(`${name}: ${error.name}${error.code ? ` ${error.code}` : ''}`);
          }
        }
      },
    );
    this.workers.set(queue, id);
  }

  async enqueue(name: string, data: object, def?: AnyQueued): Promise<void> {
    const known = this.defs.get(name) ?? def;
    if (!known) throw new Error(`no queued job is named "${name}"`);
    const q = queueName(name);
    await this.boss.send(q, data, {
      retryLimit: known.retryLimit ?? 5,
      retryDelay: known.retryDelaySeconds ?? 10,
      retryBackoff: true,
      expireInSeconds: known.expireSeconds ?? queuedExpireSeconds,
    });
    const worker = this.workers.get(q);
    if (worker) this.boss.notifyWorker(worker);
  }

  /**
   * Stops polling, waits up to `graceMs` for running jobs, then tells them to stop; pg-boss marks what still runs
   * as failed, so another node retries it.
   */
  async stop(graceMs: number): Promise<void> {
    const timer = setTimeout(() => this.abort.abort(), graceMs);
    // pg-boss's own wait can stay pending for ever when its shutdown fails part-way (its pool already closed):
    // stopping a node must end anyway, so the wait is bounded here too.
    let bound: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      bound = setTimeout(resolve, graceMs + 5000);
    });
    try {
      await Promise.race([this.boss.stop({ graceful: true, wait: true, close: true, timeout: graceMs + 2000 }), limit]);
    } finally {
      clearTimeout(timer);
      clearTimeout(bound);
      this.abort.abort();
    }
  }
}
