// A dashboard response read from the cube. Viewers without exact counts get every cell as the current release
// publishes it (release.ts, over protect.ts's one suppression pattern), so a cell is hidden in every response or
// in none. Categories come in a fixed
// order (never by size, which would rank hidden cells).
import type { Box, Cube, Dimension } from './cube';
import { dimensions, multiValued } from './cube';
import type { Cell } from './disclosure';
import { ageBands } from './facts';
import { type ProtectionKind, protectionKinds } from './protection';

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
  /** A release's published value per cell (-1 suppressed), for viewers without exact counts (release.ts). */
  published?: Int32Array;
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
  /** People by the year a protection or justice event happened to them (rows) and its kind (columns). */
  protection: { kinds: ProtectionKind[]; rows: { year: number; cells: Keyed<{ kind: ProtectionKind }>[] }[] };
}

const hide: Cell = { value: null, suppressed: true };

/** Orders the categories of a dimension: vocabulary order for age bands, alphabetical otherwise, Unknown last. */
function order(dim: Dimension, keys: string[]): string[] {
  const rank = (k: string) =>
    k === 'Unknown' ? Number.MAX_SAFE_INTEGER : dim === 'ageBand' ? (ageBands as readonly string[]).indexOf(k) : 0;
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Builds the dashboard for one filter combination; without `published`, a protected viewer sees nothing. */
export function buildDashboard(cube: Cube, q: DashboardQuery, o: DashboardOptions): Dashboard {
  const node = cube.nodeOf(q.country, q.division) ?? -1;
  const box: Box = { node, year: q.year ?? 0, minor: q.minor === null ? 0 : q.minor ? 1 : 2 };
  const cell = (b: Box, key = 'total'): Cell => {
    if (o.exact) return { value: cube.count(b, key), suppressed: false };
    const i = cube.index(b, key);
    const v = i < 0 || !o.published ? -1 : o.published[i]!;
    return v < 0 ? hide : { value: v, suppressed: false };
  };

  // A category is listed only when the whole country has at least k people in it over all years: listing a
  // rare one (a single citizenship, a single route) would by itself say that someone exists. Exact viewers see
  // the categories present in their own division.
  const root = cube.nodeOf(q.country) ?? -1;
  const listed = (key: string) =>
    o.exact
      ? node >= 0 && cube.count({ node, year: 0, minor: 0 }, key) > 0
      : cube.count({ node: root, year: 0, minor: 0 }, key) >= o.k;
  const years = cube
    .yearList()
    .filter((y) =>
      o.exact ? cube.count({ node, year: y, minor: 0 }) > 0 : cube.count({ node: root, year: y, minor: 0 }) >= o.k,
    );
  const series =
    q.year === null
      ? years.map((y) => ({ period: String(y), ...cell({ ...box, year: y }) }))
      : Array.from({ length: 12 }, (_, i) => {
          const period = `${q.year}-${String(i + 1).padStart(2, '0')}`;
          return { period, ...cell(box, `month:${period}`) };
        });

  const breakdowns = dimensions.map((dimension) => {
    const keys = order(
      dimension,
      cube.keysWith(`${dimension}:`).filter((k) => listed(`${dimension}:${k}`)),
    );
    return {
      dimension,
      multi: multiValued.has(dimension),
      cells: keys.map((key) => ({ key, ...cell(box, `${dimension}:${key}`) })),
    };
  });

  // Map: the cantons inside the filter, each a box of its own.
  const areas = o.areas.map((code) => {
    const b = { node: cube.nodeOf(q.country, code) ?? -1, year: box.year, minor: box.minor };
    const c = b.node < 0 ? (o.exact ? { value: 0, suppressed: false } : hide) : cell(b);
    return { code, label: o.labels.get(code) ?? code, ...c };
  });

  const routes = cube
    .keysWith('route:')
    .filter((r) => listed(`route:${r}`))
    .sort()
    .map((r) => {
      const [from = '', to = ''] = r.split('>');
      return { from, fromLabel: o.labels.get(from) ?? from, to, ...cell(box, `route:${r}`) };
    });

  // Protection and justice: the all-years cells of "protection:<event year>:<kind>", for the place and age group.
  // A kind is listed when the country has at least k people in it over the years; a year when one of its listed
  // kinds has at least k people in the country (exact viewers: anyone in their division).
  const protectionAt = (year: number, kind: string) => `protection:${year}:${kind}`;
  const allYears = [...new Set(cube.keysWith('protection:').map((e) => Number(e.slice(0, 4))))].sort((a, b) => a - b);
  const whole = (key: string) =>
    o.exact
      ? node < 0
        ? 0
        : cube.count({ node, year: 0, minor: 0 }, key)
      : cube.count({ node: root, year: 0, minor: 0 }, key);
  const enough = (n: number) => (o.exact ? n > 0 : n >= o.k);
  const kinds = protectionKinds.filter((kind) =>
    enough(allYears.reduce((s, y) => s + whole(protectionAt(y, kind)), 0)),
  );
  const eventYears = allYears.filter((y) => q.year === null || y === q.year);
  const protection = {
    kinds,
    rows: eventYears
      .filter((y) => kinds.some((kind) => enough(whole(protectionAt(y, kind)))))
      .map((year) => ({
        year,
        cells: kinds.map((kind) => ({
          kind,
          ...(node < 0
            ? o.exact
              ? { value: 0, suppressed: false }
              : hide
            : cell({ ...box, year: 0 }, protectionAt(year, kind))),
        })),
      })),
  };

  return {
    k: o.k,
    exact: o.exact,
    filters: { year: q.year, division: q.division, minor: q.minor },
    years,
    total: node < 0 ? (o.exact ? { value: 0, suppressed: false } : hide) : cell(box),
    series: { unit: q.year === null ? 'year' : 'month', points: series },
    breakdowns,
    map: { country: q.country, level: 2, parent: q.division, areas },
    routes: node < 0 ? [] : routes,
    protection,
  };
}
