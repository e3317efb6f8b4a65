import { planPeriods } from '../../../../src/modules/plans/vocabulary';

export interface Action {
  id: string;
  objectiveId: string;
  title: string;
  responsibleOrgName: string | null;
  budgetPlanned: number;
  budgetExecuted: number;
  startsOn: string | null;
  endsOn: string | null;
  status: string;
}
export interface PeriodValue {
  period: string;
  value: number | null;
  suppressed: boolean;
  breakdown: Record<string, Record<string, number>>;
}
export interface Indicator {
  id: string;
  code: string;
  name: string;
  kind: string;
  unit: 'count' | 'percent';
  source: string;
  baseline: number | null;
  dimensions: string[];
  targets: Record<string, number>;
  values: PeriodValue[];
}
/**
 * TEMPORARY: the plan as GET /api/local-plans/{id} answers it, copied by hand until the server's response schema
 * for it lands and the generated client types it; then this gives way to ApiResponse<'/api/local-plans/{id}'>.
 */
export interface PlanDetailPending {
  id: string;
  title: string;
  division: { country: string; code: string; label: string };
  yearFrom: number;
  yearTo: number;
  status: string;
  objectives: { id: string; axis: string; text: string; nationalObjective: string | null; actions: Action[] }[];
  indicators: Indicator[];
  activities: {
    id: string;
    kind: string;
    title: string;
    heldOn: string;
    language: string | null;
    organisers: string[];
    participants: number;
    breakdown: Record<string, Record<string, number>>;
  }[];
  instruments: {
    id: string;
    kind: string;
    title: string;
    status: string;
    history: { status: string; date: string }[];
  }[];
  documents: import('./Documents').Doc[];
  abilities: { update: boolean };
  progress: {
    byAxis: {
      axis: string;
      actions: number;
      done: number;
      inProgress: number;
      execution: number;
      budgetPlanned: number;
      budgetExecuted: number;
    }[];
    budgetPlanned: number;
    budgetExecuted: number;
    budgetExecution: number;
    participants: number;
    activities: number;
  };
}

/** Every quarter and year a plan covers, in order (each year after its quarters). */
export const periodsOf = (p: { yearFrom: number; yearTo: number }) =>
  planPeriods({ year_from: p.yearFrom, year_to: p.yearTo }).flatMap((y) => [...y.quarters, y.year]);
