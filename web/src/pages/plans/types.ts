import { planPeriods } from '../../../../src/modules/plans/vocabulary';
import type { ApiResponse } from '../../api';

/** The local plan as GET /api/local-plans/{id} answers it, from the generated client. */
export type PlanDetail = ApiResponse<'/api/local-plans/{id}'>;
export type Action = PlanDetail['objectives'][number]['actions'][number];
export type Indicator = PlanDetail['indicators'][number];
export type PeriodValue = Indicator['values'][number];

/** Every quarter and year a plan covers, in order (each year after its quarters). */
export const periodsOf = (p: { yearFrom: number; yearTo: number }) =>
  planPeriods({ year_from: p.yearFrom, year_to: p.yearTo }).flatMap((y) => [...y.quarters, y.year]);
