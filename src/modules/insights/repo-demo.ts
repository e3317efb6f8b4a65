// Demo seeding only: the protection rows of the simulated cases (demo-protection.ts).
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/types';

type T = Transaction<Database>;

export const insertMeasure = (q: T, row: Database['board_measures']) =>
  q.insertInto('board_measures').values(row).execute();
export const insertAssessment = (q: T, row: Database['family_assessments']) =>
  q.insertInto('family_assessments').values(row).execute();
export const insertReturn = (q: T, row: Database['case_returns']) => q.insertInto('case_returns').values(row).execute();
export const insertPlan = (q: T, row: Database['reintegration_plans']) =>
  q.insertInto('reintegration_plans').values(row).execute();
