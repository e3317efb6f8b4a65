import type { Context } from '../context';
import type { ModuleDescriptor, QueuedJob } from '../module';
import { type BossOptions, BossRunner } from './boss';
import { LocalRunner } from './local';
import type { JobLog, RunnerCore } from './types';

export { bossSchema } from './boss';
export { cronFor, errorSummary, queueName } from './schedule';
export type { JobLog } from './types';

/** The jobs of one process: what the server starts and stops. */
export interface JobRunner {
  /** Queues a job by name (one of the modules' `queued` jobs); it runs on a node that runs jobs. */
  enqueue(name: string, data: object): Promise<void>;
  /** Stops taking jobs and waits up to `graceMs` (default half of MINKA_SHUTDOWN_GRACE_SECONDS) for running ones. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartJobsOptions {
  /** Whether this process runs jobs (default MINKA_JOBS); without, it only queues them. */
  work?: boolean;
  /** pg-boss timings (tests shorten them). */
  boss?: BossOptions;
}

// The runner serving each open database, so a service can queue work with only its context.
const runners = new WeakMap<object, RunnerCore>();
const inline = new WeakMap<object, LocalRunner>();

/**
 * Starts the modules' jobs for this process. On PostgreSQL through pg-boss (schema `pgboss` in the same database):
 * each periodic job runs once per period across all nodes, the run at start once across nodes, queued jobs once,
 * failures retried with backoff. On SQLite (one node) on in-process timers, with queued jobs stored in `job_queue`
 * so a restart resumes them. With MINKA_JOBS=false the process runs none, and can still queue them.
 */
export async function startJobs(
  ctx: Context,
  modules: readonly ModuleDescriptor[],
  log: JobLog,
  opts: StartJobsOptions = {},
): Promise<JobRunner> {
  const spec = {
    work: opts.work ?? ctx.config.MINKA_JOBS,
    periodic: modules.flatMap((m) => m.jobs ?? []),
    queued: modules.flatMap((m) => m.queued ?? []),
  };
  const core: RunnerCore =
    ctx.db.engine === 'postgres'
      ? new BossRunner(ctx, log, { ...spec, boss: opts.boss })
      : new LocalRunner(ctx, log, spec);
  await core.start();
  runners.set(ctx.db, core);
  if (!spec.work) log.info({}, 'this process runs no jobs (MINKA_JOBS=false)');
  return {
    enqueue: (name, data) => core.enqueue(name, data),
    // Half the shutdown grace: requests drain in the other half, and what still runs is handed back (failed for a
    // pg-boss retry on another node, or left queued for the next start) before the process must exit.
    stop: async (graceMs = (ctx.config.MINKA_SHUTDOWN_GRACE_SECONDS * 1000) / 2) => {
      if (runners.get(ctx.db) === core) runners.delete(ctx.db);
      await core.stop(graceMs);
    },
  };
}

/**
 * Queues `job` with `data` (ids only: it is stored in plain text). Where no runner serves this database (a command
 * or a test that opened it without a server) the job is stored and run in this process.
 */
export async function enqueue<D extends object>(ctx: Context, job: QueuedJob<D>, data: D): Promise<void> {
  const def = job as unknown as QueuedJob<never>;
  const runner = runners.get(ctx.db);
  if (runner) return runner.enqueue(job.name, data, def);
  let local = inline.get(ctx.db);
  if (!local) {
    local = new LocalRunner(ctx, silent, { work: true, periodic: [], queued: [], only: new Set() });
    inline.set(ctx.db, local);
  }
  await local.enqueue(job.name, data, def);
}

const silent: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
