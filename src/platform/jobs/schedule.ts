// Pure helpers of the job runners: queue names, cron expressions, retry delays and errors safe to log or store.

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** The queue name of a job: its name in lower case with every other character a hyphen ("follow-up reminders" → "follow-up-reminders"). */
export function queueName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (!slug || slug.length > 60) throw new Error(`job name "${name}" cannot name a queue`);
  return slug;
}

/** A stable number from a name, so each job gets its own minute of the hour and periodic jobs do not all start at :00. */
function spread(name: string, modulo: number): number {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % modulo;
}

/**
 * The cron expression (UTC) that repeats a job every `everyMs`: whole minutes dividing an hour, whole hours dividing
 * a day, or one day. Throws for any other interval, so a job cannot silently run at another rhythm on PostgreSQL.
 */
export function cronFor(everyMs: number, name: string): string {
  const m = spread(name, 60);
  if (everyMs === day) return `${m} ${spread(`${name}/hour`, 24)} * * *`;
  if (everyMs % hour === 0 && 24 % (everyMs / hour) === 0) {
    const hours = everyMs / hour;
    return hours === 1 ? `${m} * * * *` : `${m} */${hours} * * *`;
  }
  if (everyMs % minute === 0 && 60 % (everyMs / minute) === 0) {
    const minutes = everyMs / minute;
    return minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`;
  }
  throw new Error(
    `job "${name}": every ${everyMs} ms is not a whole number of minutes or hours dividing an hour or a day, or one day`,
  );
}

/** The wait before retry `attempt` (1, 2, …): the first delay, doubled each time, at most an hour. */
export function retryDelayMs(attempt: number, firstSeconds: number): number {
  return Math.min(firstSeconds * 1000 * 2 ** Math.max(0, attempt - 1), hour);
}

/**
 * What may be logged or stored about a failure: the error's class, its code (an AppError's or PostgreSQL's SQLSTATE)
 * and where it was thrown. Never the message: a database error can quote the values of a row.
 */
export function errorSummary(err: unknown): { name: string; code?: string; at?: string } {
  if (!(err instanceof Error)) return { name: typeof err };
  const code = (err as { code?: unknown }).code;
  const at = err.stack
    ?.split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 3)
    .map((l) => l.trim())
    .join(' < ');
  return {
    name: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    ...(at ? { at } : {}),
  };
}
