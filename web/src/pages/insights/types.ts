import type { ApiResponse } from '../../api';

/** The dashboard response (GET /api/insights/dashboard), from the generated client. */
export type Dashboard = ApiResponse<'/api/insights/dashboard'>;
export type Cell = Dashboard['total'];
export type Dimension = Dashboard['breakdowns'][number]['dimension'];

/** One row of a chart's data, as drawn, tabulated and written to CSV. */
export interface Row extends Cell {
  key: string;
  label: string;
}
