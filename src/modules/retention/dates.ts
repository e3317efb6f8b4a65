// Calendar arithmetic on ISO dates (YYYY-MM-DD, UTC) for the retention schedules.

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The date `months` calendar months after `day` (the last day of a shorter month when the day does not exist). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return iso(first);
}

/** The date `days` days after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return iso(new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + days * 86_400_000));
}

/** The later of two ISO dates. */
export const later = (a: string, b: string) => (a > b ? a : b);
