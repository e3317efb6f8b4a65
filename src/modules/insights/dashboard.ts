// A dashboard response built from the cube, every number under disclosure control unless the viewer may see
// exact counts. Rules (see disclosure.ts): a count is published only when it is at least k and differs by 0 or
// at least k from every wider count it is nested in (the same key for every ancestor division, all years and
// everyone, and the total); cells that partition the total (single-valued breakdowns, the time series) also get
// complementary suppression. Categories come in a fixed order (never by size, which would rank hidden cells).
import type { Box, Cube, Dimension } from './cube';
import { dimensions, multiValued } from './cube';
import { type Cell, protectPartition, publishable } from './disclosure';
import { ageBands } from './facts';

export interface DashboardQuery {
  country: string;
  division: string | null;
  year: number | null;
  minor: boolean | null;
}
export interface DashboardOptions {
  k: number;
  exact: boolean;
  /** Division labels by code, for the map and the routes. */
  labels: ReadonlyMap<string, string>;
  /** Cantons (level 2) to show on the map, with their codes; those without facts count 0. */
  areas: readonly string[];
}
type Keyed<T> = T & Cell;
export interface Dashboard {
  k: number;
  exact: boolean;
  filters: { year: number | null; division: string | null; minor: boolean | null };
  years: number[];
  total: Cell;
  series: { unit: 'month' | 'year'; points: Keyed<{ period: string }>[] };
  breakdowns: { dimension: Dimension; multi: boolean; cells: Keyed<{ key: string }>[] }[];
  map: { country: string; level: 2; parent: string | null; areas: Keyed<{ code: string; label: string }>[] };
  routes: Keyed<{ from: string; fromLabel: string; to: string }>[];
}

const minorBands: ReadonlySet<string> = new Set(['0--8', '9--17']);
const hide: Cell = { value: null, suppressed: true };

/** Orders the categories of a dimension: vocabulary order for age bands, alphabetical otherwise, Unknown last. */
function order(dim: Dimension, keys: string[]): string[] {
  const rank = (k: string) =>
    k === 'Unknown' ? Number.MAX_SAFE_INTEGER : dim === 'ageBand' ? (ageBands as readonly string[]).indexOf(k) : 0;
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Builds the dashboard for one filter combination. */
export function buildDashboard(cube: Cube, q: DashboardQuery, o: DashboardOptions): Dashboard {
  const node = cube.nodeOf(q.country, q.division) ?? -1;
  const box: Box = { node, year: q.year ?? 0, minor: q.minor === null ? 0 : q.minor ? 1 : 2 };
  // Every box this one is nested in, itself included.
  const wider = (b: Box): Box[] => {
    const out: Box[] = [];
    for (const n of b.node >= 0 ? cube.chain(b.node) : [-1])
      for (const year of new Set([b.year, 0]))
        for (const minor of new Set<0 | 1 | 2>([b.minor, 0])) out.push({ node: n, year, minor });
    return out;
  };
  const cell = (b: Box, key: string): Cell => {
    const v = cube.count(b, key);
    if (o.exact) return { value: v, suppressed: false };
    const w: number[] = [];
    for (const g of wider(b)) {
      w.push(cube.count(g, 'total'));
      if (key !== 'total') w.push(cube.count(g, key));
      // Everyone in a child age band is a minor: the band is nested in the minors too.
      if (key.startsWith('ageBand:') && minorBands.has(key.slice(8)) && g.minor === 0) {
        w.push(cube.count({ ...g, minor: 1 }, 'total'));
        w.push(cube.count({ ...g, minor: 1 }, key));
      }
    }
    return publishable(v, w, o.k) ? { value: v, suppressed: false } : hide;
  };
  /** Cells partitioning `total` get complementary suppression on top of their own rule. */
  const partition = (b: Box, keys: string[]): Cell[] => {
    const cells = keys.map((k) => cell(b, k));
    if (o.exact) return cells;
    const values = keys.map((k) => cube.count(b, k));
    const remainder = cube.count(b) - values.reduce((s, v) => s + v, 0);
    const p = protectPartition(
      values,
      cells.map((c) => c.suppressed),
      o.k,
      remainder,
    );
    return cells.map((c, i) => (p.hidden[i] ? hide : c));
  };

  // A category is listed only when the whole country has at least k people in it over all years: listing a
  // rare one (a single citizenship, a single route) would by itself say that someone exists.
  const root = cube.nodeOf(q.country) ?? -1;
  const listed = (key: string | Box) =>
    o.exact || (typeof key === 'string' ? cube.count({ node: root, year: 0, minor: 0 }, key) : cube.count(key)) >= o.k;

  const total = cell(box, 'total');
  const years = cube.yearList().filter((y) => listed({ node: root, year: y, minor: 0 }));
  const periods =
    q.year === null
      ? years.map((y) => ({ period: String(y), key: `year:${y}` }))
      : Array.from({ length: 12 }, (_, i) => {
          const period = `${q.year}-${String(i + 1).padStart(2, '0')}`;
          return { period, key: `month:${period}` };
        });
  const seriesCells = partition(
    box,
    periods.map((p) => p.key),
  );

  const breakdowns = dimensions.map((dimension) => {
    const keys = order(
      dimension,
      cube.keysWith(`${dimension}:`).filter((k) => listed(`${dimension}:${k}`)),
    );
    const full = keys.map((k) => `${dimension}:${k}`);
    const multi = multiValued.has(dimension);
    const cells = multi ? full.map((k) => cell(box, k)) : partition(box, full);
    return { dimension, multi, cells: keys.map((key, i) => ({ key, ...cells[i]! })) };
  });

  // Map: the cantons inside the filter, each a box of its own (nested in the filter's box).
  const areaBoxes = o.areas.map((code) => ({
    node: cube.nodeOf(q.country, code) ?? -1,
    year: box.year,
    minor: box.minor,
  }));
  const areaCells = areaBoxes.map((b) =>
    b.node < 0 ? (o.exact ? { value: 0, suppressed: false } : hide) : cell(b, 'total'),
  );
  const mapCells = (() => {
    if (o.exact || node < 0) return areaCells;
    const values = areaBoxes.map((b) => (b.node < 0 ? 0 : cube.count(b)));
    const inFilter = cube.count(box);
    const p = protectPartition(
      values,
      areaCells.map((c) => c.suppressed),
      o.k,
      Math.max(0, inFilter - values.reduce((s, v) => s + v, 0)),
    );
    return areaCells.map((c, i) => (p.hidden[i] ? hide : c));
  })();

  const routes = cube
    .keysWith('route:')
    .filter((r) => listed(`route:${r}`))
    .sort()
    .map((r) => {
      const [from = '', to = ''] = r.split('>');
      return { from, fromLabel: o.labels.get(from) ?? from, to, ...cell(box, `route:${r}`) };
    });

  return {
    k: o.k,
    exact: o.exact,
    filters: { year: q.year, division: q.division, minor: q.minor },
    years,
    total: node < 0 ? (o.exact ? { value: 0, suppressed: false } : hide) : total,
    series: {
      unit: q.year === null ? 'year' : 'month',
      points: periods.map((p, i) => ({ period: p.period, ...(node < 0 ? hide : seriesCells[i]!) })),
    },
    breakdowns:
      node < 0 ? breakdowns.map((b) => ({ ...b, cells: b.cells.map((c) => ({ ...c, ...hide })) })) : breakdowns,
    map: {
      country: q.country,
      level: 2,
      parent: q.division,
      areas: o.areas.map((code, i) => ({ code, label: o.labels.get(code) ?? code, ...mapCells[i]! })),
    },
    routes: node < 0 ? [] : routes,
  };
}
