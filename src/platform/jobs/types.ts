import type { QueuedJob } from '../module';

/** Where the runners write: one line per failure, with the job's name and the error's class and code only. */
export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What each runner (in-process for SQLite, pg-boss for PostgreSQL) does. */
export interface RunnerCore {
  start(): Promise<void>;
  /** Stores a queued job; `def` names its handler when the runner was not given it at start. */
  enqueue(name: string, data: object, def?: QueuedJob<never>): Promise<void>;
  stop(graceMs: number): Promise<void>;
}
