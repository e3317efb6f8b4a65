import type { z } from 'zod';
import type { dashboardSchema } from '../../../../src/modules/insights/schema';

/** The dashboard response (GET /api/insights/dashboard), from the API's own schema. */
export type Dashboard = z.infer<typeof dashboardSchema>;
export type Cell = Dashboard['total'];
export type Dimension = Dashboard['breakdowns'][number]['dimension'];

/** One row of a chart's data, as drawn, tabulated and written to CSV. */
export interface Row extends Cell {
  key: string;
  label: string;
}
