import type { FastifyReply } from 'fastify';
import { type ZodType, z } from 'zod';
import type { Db } from '../../platform/db/index';
import { type DivisionsFreshness, freshnessOf } from './freshness';

/**
 * Public geography answers (divisions are reference data) kept per process as the JSON text sent: each is
 * checked against its response schema once, when read from the database, not on every request. Only answers
 * about divisions that exist are kept, so the copy is at most as large as the data. See DivisionsFreshness for
 * when a kept answer is dropped.
 */
export class GeoReads {
  private readonly answers = new Map<string, string>();
  private epoch = -1;
  private readonly freshness: DivisionsFreshness;

  constructor(db: Db) {
    this.freshness = freshnessOf(db);
  }

  /**
   * The answer for `key` as JSON text, computed, checked and kept on first use or after the data changed. The reply
   * is typed JSON, so Fastify sends the text as it is; the handler returns it (typed as the schema's output, which
   * it encodes) instead of awaiting the reply, which would cost a listener on the socket per request.
   */
  async answer<S extends ZodType>(
    reply: FastifyReply,
    key: string,
    schema: S,
    load: () => Promise<z.output<S>>,
  ): Promise<z.output<S>> {
    const epoch = await this.freshness.current();
    if (epoch > this.epoch) {
      this.answers.clear();
      this.epoch = epoch;
    }
    let body = epoch === this.epoch ? this.answers.get(key) : undefined;
    if (body === undefined) {
      // What the zod serializer would do on every request: encode through the schema (refusing a wrong shape).
      body = JSON.stringify(z.encode(schema, await load()));
      // Kept only if nothing changed while it was read (an answer read before an import is not kept after it).
      if (this.freshness.peek() === epoch && this.epoch === epoch) this.answers.set(key, body);
    }
    reply.type('application/json; charset=utf-8');
    return body as z.output<S>;
  }
}
