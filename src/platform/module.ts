import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Context } from './context';

/** One HTTP plugin of a module, mounted under its prefix. */
export interface MountedRoutes {
  plugin: FastifyPluginAsync;
  prefix?: string;
}

/**
 * Work repeated every `everyMs`, by one node at a time (src/platform/jobs): once soon after start, then on its
 * interval. Its effects must be idempotent: a run may be retried, and two runs may meet across a restart.
 */
export interface Job {
  name: string;
  everyMs: number;
  run(ctx: Context): Promise<unknown>;
  /** True when the start-up run is not needed (e.g. a recent run's result exists); checked before each start-up run. */
  freshAtStart?(ctx: Context): Promise<boolean>;
}

/**
 * Work a service asks for (e.g. an HTCDS import): stored, run once by any node that runs jobs, retried when it
 * fails or its node dies. `data` is stored in plain text: ids only, never personal data.
 */
export interface QueuedJob<D = Record<string, unknown>> {
  name: string;
  /** Stops early (between batches) when `signal` aborts: the job is then retried elsewhere or after a restart. */
  run(ctx: Context, data: D, signal: AbortSignal): Promise<void>;
  /** Longest one run may take before another node takes the job over (default 15 minutes). */
  expireSeconds?: number;
  /** Retries after a failure (default 5), the first after `retryDelaySeconds` (default 10), then doubling. */
  retryLimit?: number;
  retryDelaySeconds?: number;
}

/**
 * What a module gives the platform: its HTTP routes (and request hooks that must run before any route),
 * its periodic and queued jobs and its demo data. The platform builds a server from these and knows no module by name.
 */
export interface ModuleDescriptor {
  name: string;
  /** Request hooks and decorations every later module relies on (e.g. the signed-in session). */
  hooks?(app: FastifyInstance, ctx: Context): void | Promise<void>;
  /** The module's route plugins, given the context they serve. */
  routes?(ctx: Context): MountedRoutes[];
  jobs?: Job[];
  /** Jobs its services queue (src/platform/jobs `enqueue`); every node that runs jobs can take them. */
  queued?: QueuedJob<never>[];
  /** Demo data: runs once per database, in module order, when demo seeding is on. */
  seed?(ctx: Context): Promise<void>;
}
