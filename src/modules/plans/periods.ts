// Reporting periods of a plan: calendar years and their quarters (shared by the API and the web app).

/** The first day of a period and the first day after it (ISO dates). */
export function periodRange(period: string): [string, string] {
  const [y, q] = period.split('-Q').map(Number) as [number, number | undefined];
  if (!q) return [`${y}-01-01`, `${y + 1}-01-01`];
  const m = (q - 1) * 3 + 1;
  const next = q === 4 ? `${y + 1}-01-01` : `${y}-${String(m + 3).padStart(2, '0')}-01`;
  return [`${y}-${String(m).padStart(2, '0')}-01`, next];
}

/** The quarters and years a plan covers, in order. */
export function planPeriods(plan: { year_from: number; year_to: number }): { year: string; quarters: string[] }[] {
  const out = [];
  for (let y = plan.year_from; y <= plan.year_to; y++)
    out.push({ year: String(y), quarters: [1, 2, 3, 4].map((q) => `${y}-Q${q}`) });
  return out;
}
