// The business clock: what "now" is for due dates, overdue work and the records' timestamps. It runs on the system
// clock, shifted by MINKA_CLOCK_OFFSET_DAYS when a test or a rehearsal needs to see what happens after a deadline
// (a production installation refuses the setting). Sessions, one-time codes and rate limits keep the system clock.
let offsetMs = 0;

/** Shifts the business clock by whole days (0 = the system clock). */
export function setClockOffsetDays(days: number): void {
  offsetMs = days * 86_400_000;
}

/** The business clock's current time, in milliseconds. */
export const nowMs = (): number => Date.now() + offsetMs;

/** The business clock's current time. */
export const now = (): Date => new Date(nowMs());

/** The business clock's current date (UTC, YYYY-MM-DD). */
export const todayIso = (): string => now().toISOString().slice(0, 10);
