import type { FastifyReply } from 'fastify';
import { type ZodType, z } from 'zod';
import type { Db } from '../../platform/db/index';
import * as repo from './repo';

/**
 * How long a node answers from its copy before asking the database whether the divisions changed. An import in
 * this process is seen at once; one in another process (`minka geo import`, another node) within this time.
 */
export const defaultRecheckMs = 2_000;

// Bumped by an import through any GeoService on the same database handle, so this process never waits for a recheck.
const generations = new WeakMap<object, number>();
const generationOf = (db: object) => generations.get(db) ?? 0;

/** Marks every cached answer read through this database handle as old (called after an import commits). */
export function forgetGeoReads(db: object): void {
  generations.set(db, generationOf(db) + 1);
}

/**
 * Public geography answers (divisions are reference data) kept per process as the JSON text sent: each is
 * checked against its response schema once, when read from the database, not on every request. Only answers
 * about divisions that exist are kept, so the copy is at most as large as the data.
 */
export class GeoReads {
  private readonly answers = new Map<string, string>();
  // Bumped whenever the copy is dropped: an answer read from the database before that is not kept.
  private epoch = 0;
  private generation = -1;
  private version: string | null | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly recheckMs = defaultRecheckMs,
  ) {}

  /** Sends the answer for `key`, computing, checking and keeping it on first use or after the data changed. */
  async send(reply: FastifyReply, key: string, schema: ZodType, load: () => Promise<unknown>): Promise<void> {
    await this.fresh();
    let body = this.answers.get(key);
    if (body === undefined) {
      const epoch = this.epoch;
      // What the zod serializer would do on every request: encode through the schema (refusing a wrong shape).
      body = JSON.stringify(z.encode(schema, await load()));
      if (epoch === this.epoch && generationOf(this.db) === this.generation) this.answers.set(key, body);
    }
    // A string is sent as it is (no serializer); awaiting the reply tells Fastify the handler answered.
    await reply.type('application/json; charset=utf-8').send(body);
  }

  private async fresh(): Promise<void> {
    const generation = generationOf(this.db);
    if (generation !== this.generation) {
      this.drop();
      this.generation = generation;
    }
    if (Date.now() - this.checkedAt < this.recheckMs) return;
    this.checking ??= this.recheck().finally(() => {
      this.checking = null;
    });
    await this.checking;
  }

  private async recheck(): Promise<void> {
    const version = await repo.divisionsVersion(this.db);
    this.checkedAt = Date.now();
    if (version !== this.version) {
      this.drop();
      this.version = version;
    }
  }

  private drop(): void {
    this.answers.clear();
    this.epoch++;
  }
}
