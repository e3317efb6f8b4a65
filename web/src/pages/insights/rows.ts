import type { Section } from './csv';
import type { useLabels } from './labels';
import { protectionRows } from './Protection';
import type { Dashboard, Row } from './types';

type Labels = ReturnType<typeof useLabels>;

/** Every figure of the dashboard as labelled rows, one section per chart (the order of the page). */
export function sections(
  data: Dashboard,
  l: Labels,
  totalLabel: string,
  kindLabel: (kind: string) => string = (kind) => kind,
): Section[] {
  const out: Section[] = [
    { section: 'total', rows: [{ key: 'total', label: totalLabel, ...data.total }] },
    { section: 'series', rows: data.series.points.map((p) => ({ ...p, key: p.period, label: l.period(p.period) })) },
    { section: 'map', rows: data.map.areas.map((a) => ({ ...a, key: a.code })) },
    {
      section: 'routes',
      rows: data.routes.map(
        (r): Row => ({
          key: `${r.from}>${r.to}`,
          label: `${l.place(r.from, r.fromLabel)} → ${l.country(r.to)}`,
          value: r.value,
          suppressed: r.suppressed,
        }),
      ),
    },
  ];
  for (const b of data.breakdowns)
    out.push({ section: b.dimension, rows: b.cells.map((c) => ({ ...c, label: l.key(b.dimension, c.key) })) });
  if (data.protection.rows.length)
    out.push({ section: 'protection', rows: protectionRows(data.protection, kindLabel) });
  return out;
}
