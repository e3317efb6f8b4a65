import { sql } from 'kysely';
import type { Context } from '../../src/platform/context';
import type { JobLog } from '../../src/platform/jobs/index';

/** Polls `check` until it answers true; fails after `ms` (a safety net for a broken run, not a speed assertion). */
export async function until(what: string, check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** pg-boss timings short enough for tests. */
export const fastBoss = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 };

/** A job log that keeps its lines as JSON text, to check what was written. */
export function memoryLog(): JobLog & { lines: string[] } {
  const lines: string[] = [];
  const add = (level: string) => (obj: object, msg: string) => {
    lines.push(JSON.stringify({ level, ...obj, msg }));
  };
  return { lines, info: add('info'), warn: add('warn'), error: add('error') };
}

/** The pg-boss jobs of a queue by state (PostgreSQL only): e.g. { completed: 1 }. */
export async function bossStates(ctx: Context, queue: string): Promise<Record<string, number>> {
  const r = await sql<{ state: string; n: number }>`
    select state::text as state, count(*)::int as n from pgboss.job where name = ${queue} group by state
  `.execute(ctx.db.db);
  return Object.fromEntries(r.rows.map((x) => [x.state, Number(x.n)]));
}

/** Everything pg-boss stored about a queue's jobs (data and output), as text. */
export async function bossText(ctx: Context, queue: string): Promise<string> {
  const r = await sql<{ t: string }>`
    select coalesce(data::text, '') || ' ' || coalesce(output::text, '') as t from pgboss.job where name = ${queue}
  `.execute(ctx.db.db);
  return r.rows.map((x) => x.t).join('\n');
}
