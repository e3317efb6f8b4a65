// The dashboard response as the API documents it (GET /api/insights/dashboard).
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export type Dimension =
  | 'exploitation'
  | 'industry'
  | 'sexType'
  | 'recruitment'
  | 'relation'
  | 'control'
  | 'ageBand'
  | 'gender'
  | 'ethnicity'
  | 'citizenship';

export interface Dashboard {
  k: number;
  exact: boolean;
  filters: { year: number | null; division: string | null; minor: boolean | null };
  years: number[];
  total: Cell;
  series: { unit: 'month' | 'year'; points: ({ period: string } & Cell)[] };
  breakdowns: { dimension: Dimension; multi: boolean; cells: ({ key: string } & Cell)[] }[];
  map: { country: string; level: number; parent: string | null; areas: ({ code: string; label: string } & Cell)[] };
  routes: ({ from: string; fromLabel: string; to: string } & Cell)[];
}

/** One row of a chart's data, as drawn, tabulated and written to CSV. */
export interface Row extends Cell {
  key: string;
  label: string;
}
