import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Context } from './context';

/** One HTTP plugin of a module, mounted under its prefix. */
export interface MountedRoutes {
  plugin: FastifyPluginAsync;
  prefix?: string;
}

/** Work the serving process repeats; it runs once at start and then every `everyMs`. */
export interface Job {
  name: string;
  everyMs: number;
  run(ctx: Context): Promise<unknown>;
}

/**
 * What a module gives the platform: its HTTP routes (and request hooks that must run before any route),
 * its periodic jobs and its demo data. The platform builds a server from these and knows no module by name.
 */
export interface ModuleDescriptor {
  name: string;
  /** Request hooks and decorations every later module relies on (e.g. the signed-in session). */
  hooks?(app: FastifyInstance, ctx: Context): void | Promise<void>;
  /** The module's route plugins, given the context they serve. */
  routes?(ctx: Context): MountedRoutes[];
  jobs?: Job[];
  /** Demo data: runs once per database, in module order, when demo seeding is on. */
  seed?(ctx: Context): Promise<void>;
}
