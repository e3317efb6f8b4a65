import { randomUUID } from 'node:crypto';
import type { Context } from '../context';
import { nowIso } from '../db/index';
import type { Job, QueuedJob } from '../module';
import * as repo from './repo';
import { errorSummary, retryDelayMs } from './schedule';
import type { JobLog, RunnerCore } from './types';

const pollMs = 15_000;
const keepEndedMs = 7 * 86_400_000;
/** A periodic run that fails is retried this many times (30 s, 60 s, …) before waiting for its next turn. */
const periodicRetries = 2;

type AnyQueued = QueuedJob<never>;

/**
 * Jobs of a single-node installation (SQLite): periodic jobs on in-process timers (once at start, then on their
 * interval), queued jobs stored in `job_queue` and run one at a time, so a restart resumes them. With `work` off it
 * only stores queued jobs; with `only` it runs nothing but the jobs it queued itself (a command or a test that
 * queues work without a server).
 */
export class LocalRunner implements RunnerCore {
  private readonly abort = new AbortController();
  private readonly running = new Set<Promise<unknown>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly defs = new Map<string, AnyQueued>();
  private stopping = false;
  private draining: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly ctx: Context,
    private readonly log: JobLog,
    private readonly opts: { work: boolean; periodic: Job[]; queued: AnyQueued[]; only?: Set<string> },
  ) {
    for (const q of opts.queued) this.defs.set(q.name, q);
  }

  private get db() {
    return this.ctx.db.db;
  }

  async start(): Promise<void> {
    if (!this.opts.work) return;
    if (!this.opts.only) {
      // One node: whatever the table says is active was running in a process that is gone.
      await repo.requeueActive(this.db, nowIso());
      await repo.deleteEnded(this.db, new Date(Date.now() - keepEndedMs).toISOString());
      this.every(() => this.kick(), pollMs);
    }
    for (const job of this.opts.periodic) this.periodic(job);
    this.kick();
  }

  async enqueue(name: string, data: object, def?: AnyQueued): Promise<void> {
    if (def && !this.defs.has(name)) this.defs.set(name, def);
    if (!this.defs.has(name)) throw new Error(`no queued job is named "${name}"`);
    const id = randomUUID();
    const now = nowIso();
    await repo.insertJob(this.db, {
      id,
      name,
      data: JSON.stringify(data),
      state: 'queued',
      run_after: now,
      error: null,
      created_at: now,
      updated_at: now,
    });
    this.opts.only?.add(id);
    this.kick();
  }

  /** Stops the timers, waits up to `graceMs` for running jobs, then tells them to stop (they resume on next start). */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await settledWithin([...this.running], graceMs);
    this.abort.abort();
    // Aborted jobs stop at their next batch; a job that does not is left active and taken up again at the next start.
    await settledWithin([...this.running], Math.min(graceMs, 2000));
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => undefined);
    return p;
  }

  private every(fn: () => void, ms: number) {
    const t = setInterval(fn, ms);
    t.unref();
    this.timers.add(t);
  }

  private later(fn: () => void, ms: number) {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private periodic(job: Job) {
    let busy = false;
    const run = (attempt = 0) => {
      if (busy || this.stopping) return;
      busy = true;
      const p = job
        .run(this.ctx)
        .then(
          () => undefined,
          (err) => {
            this.log.error({ job: job.name, attempt: attempt + 1, error: errorSummary(err) }, 'job failed');
            if (attempt < periodicRetries) this.later(() => run(attempt + 1), retryDelayMs(attempt + 1, 30));
          },
        )
        .finally(() => {
          busy = false;
        });
      this.track(p);
    };
    // Once at start (so a restarted server does not wait an hour for reminders) unless a recent run makes it moot.
    const fresh = job.freshAtStart ? job.freshAtStart(this.ctx).catch(() => false) : Promise.resolve(false);
    this.track(fresh.then((skip) => (skip ? undefined : run())));
    this.every(() => run(), job.everyMs);
  }

  private kick() {
    if (!this.opts.work || this.stopping) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.track(
      this.drain()
        .catch((err) => this.log.error({ error: errorSummary(err) }, 'job queue failed'))
        .finally(() => {
          this.draining = null;
          if (this.again) {
            this.again = false;
            this.kick();
          }
        }),
    );
  }

  private async drain() {
    const names = [...this.defs.keys()];
    const only = this.opts.only ? [...this.opts.only] : undefined;
    while (!this.stopping) {
      const [next] = await repo.dueJobs(this.db, names, nowIso(), 1, only);
      if (!next) break;
      if (await repo.claimJob(this.db, next.id, nowIso())) await this.runOne(next);
    }
    if (this.stopping) return;
    const due = await repo.nextDue(this.db, names);
    if (due) this.later(() => this.kick(), Math.max(0, Date.parse(due) - Date.now()) + 50);
  }

  private async runOne(job: { id: string; name: string; data: string; attempts: number }) {
    const def = this.defs.get(job.name)!;
    const attempts = Number(job.attempts) + 1;
    try {
      await def.run(this.ctx, JSON.parse(job.data) as never, this.abort.signal);
      await repo.settleJob(this.db, job.id, { state: 'done', error: null }, nowIso());
      this.opts.only?.delete(job.id);
    } catch (err) {
      const error = errorSummary(err);
      if (this.abort.signal.aborted) {
        // Stopped by a shutdown, not failed: it runs again at the next start without spending an attempt.
        await repo
          .settleJob(this.db, job.id, { state: 'queued', run_after: nowIso(), attempts: attempts - 1 }, nowIso())
          .catch(() => undefined);
        return;
      }
      const final = attempts > (def.retryLimit ?? 5);
      this.log.error({ job: job.name, attempt: attempts, final, error }, 'job failed');
      const at = new Date(Date.now() + retryDelayMs(attempts, def.retryDelaySeconds ?? 10)).toISOString();
      await repo.settleJob(
        this.db,
        job.id,
        final
          ? { state: 'failed', error: JSON.stringify(error).slice(0, 200) }
          : { state: 'queued', run_after: at, error: JSON.stringify(error).slice(0, 200) },
        nowIso(),
      );
      if (final) this.opts.only?.delete(job.id);
    }
  }
}

/** Waits for the promises to settle, or `ms`, whichever comes first. */
async function settledWithin(all: Promise<unknown>[], ms: number): Promise<void> {
  if (!all.length) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled(all),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
