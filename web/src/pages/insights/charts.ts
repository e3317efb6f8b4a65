// ECharts options for the dashboard. A suppressed cell is drawn as a grey hatched bar as tall as k (the most
// it could be) and labelled "< k", so it is never mistaken for zero.

import { formatNumber } from '../../format';
import type { EChartsOption } from './echarts';
import type { Row } from './types';

export const colors = { value: '#1c7ed6', suppressed: '#dee2e6', hatch: 'rgba(33,37,41,0.45)', empty: '#f1f3f5' };
export const hatch = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [2, 4],
  rotation: Math.PI / 4,
  color: colors.hatch,
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

interface Datum {
  value: number;
  text: string;
  note: string;
  itemStyle?: object;
}

const datum = (r: Row, k: number, note: string): Datum =>
  r.suppressed || r.value === null
    ? { value: k, text: `< ${k}`, note, itemStyle: { color: colors.suppressed, borderColor: '#adb5bd', decal: hatch } }
    : { value: r.value, text: formatNumber(r.value), note: '' };

/** Tooltip text of one datum: the label, "< k" or the number, and the note on hidden small numbers. */
export const tooltip = (name: string, d: { text?: string; note?: string } | undefined) =>
  `${escapeHtml(name)}: <b>${escapeHtml(d?.text ?? '')}</b>${d?.note ? `<br/><small>${escapeHtml(d.note)}</small>` : ''}`;

const base = {
  tooltip: {
    trigger: 'item',
    confine: true,
    formatter: (p: { name: string; data?: Datum }) => tooltip(p.name, p.data),
  },
} as const;

/** Bars along the categories (used for time), each labelled with its number or "< k". */
export function columnOption(rows: Row[], k: number, note: string): EChartsOption {
  return {
    ...base,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        itemStyle: { color: colors.value },
        label: { show: rows.length <= 24, position: 'top', formatter: (p: { data: Datum }) => p.data.text },
        data: rows.map((r) => datum(r, k, note)),
      },
    ],
  };
}

/** Horizontal bars, one per category, in the order given (first on top). */
export function barOption(rows: Row[], k: number, note: string): EChartsOption {
  // Room for the longest category name (about 6.5 px a character at 12 px), truncated beyond 180 px.
  const labelWidth = Math.min(180, Math.max(48, 6.5 * Math.max(...rows.map((r) => r.label.length))));
  return {
    ...base,
    grid: { left: labelWidth + 12, right: 48, top: 8, bottom: 24, outerBoundsMode: 'none' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisLabel: { width: labelWidth, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: colors.value },
        label: { show: true, position: 'right', formatter: (p: { data: Datum }) => p.data.text },
        data: rows.map((r) => datum(r, k, note)),
      },
    ],
  };
}

/** Height in pixels that fits horizontal bars for so many rows. */
export const barHeight = (n: number) => Math.max(140, n * 28 + 40);

/** Rows ordered largest first; suppressed cells after the published ones, "not recorded" last. */
export function byValue(rows: Row[], unknown: string): Row[] {
  const rank = (r: Row) => (r.key === unknown ? 2 : r.suppressed ? 1 : 0);
  return [...rows].sort((a, b) => rank(a) - rank(b) || (b.value ?? 0) - (a.value ?? 0));
}
