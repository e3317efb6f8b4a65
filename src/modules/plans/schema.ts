import { z } from 'zod';
import { local } from '../cases/vocabulary';
import { indicatorKinds, indicatorUnits } from './vocabulary';

export { type PlanDetail, planDetailSchema, planIndicatorSchema } from './schema-detail';
export { indicatorKinds, indicatorUnits };

/** The four axes of Ecuador's action plan against trafficking. */
export const axes = ['prevention', 'protection', 'prosecution', 'governance'] as const;
export const actionStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
/**
 * Where an indicator's values come from: entered by hand, computed from case data at query time (under
 * disclosure control), or fed by the plan's prevention activities (participants; no personal data).
 */
export const indicatorSources = [
  'manual',
  'cases_victims_identified',
  'cases_minors_assisted',
  'referrals_completed',
  'activities_participants',
  // People by the year of a protection or justice event of their case (insights' protection figures).
  'cases_measures_decided',
  'cases_returned',
  'cases_reintegrated',
  'cases_complaints',
  'cases_prosecutions',
  'cases_convictions',
] as const;
/** Disaggregation dimensions and their categories (division categories are division codes). */
export const dimensionCategories = {
  sex: ['female', 'male', 'other'],
  age_group: ['0-11', '12-17', '18-29', '30-59', '60+'],
  ethnicity: local.local_Ethnicity,
  division: [] as string[],
} as const;
export const dimensions = ['sex', 'age_group', 'ethnicity', 'division'] as const;
export const activityKinds = ['training', 'campaign', 'school_session', 'community_session', 'radio_spot'] as const;
export const instrumentKinds = ['ordinance', 'resolution', 'protocol', 'route_of_care'] as const;
export const instrumentStatuses = ['draft', 'submitted', 'debated', 'approved', 'in_force', 'repealed'] as const;
export const commitmentStatuses = ['pending', 'in_progress', 'met', 'not_met'] as const;

/** A reporting period: a year (2027) or a quarter (2027-Q1). */
export const period = z.string().regex(/^\d{4}(-Q[1-4])?$/, 'period: YYYY or YYYY-Qn');
const date = z.iso.date();
const division = z.strictObject({ country: z.string().length(2), code: z.string().min(1).max(32) });
// Stored as numeric(14, 2): at most 999 999 999 999.99, in cents (more decimals are rounded, the same on
// SQLite and PostgreSQL).
const cents = (n: number) => Math.round(n * 100) / 100;
const amount = z.number().max(999_999_999_999).transform(cents);
const money = z.number().min(0).max(999_999_999_999).transform(cents);

export const planBody = z
  .strictObject({
    title: z.string().trim().min(3).max(300),
    division,
    yearFrom: z.number().int().min(2000).max(2100),
    yearTo: z.number().int().min(2000).max(2100),
    agreementId: z.uuid().optional(),
  })
  .refine((b) => b.yearTo >= b.yearFrom, { message: 'yearTo before yearFrom', path: ['yearTo'] });

export const objectiveBody = z.strictObject({
  axis: z.enum(axes),
  text: z.string().trim().min(3).max(2000),
  nationalObjective: z
    .string()
    .trim()
    .max(40)
    .optional()
    .meta({ description: "The national plan's objective this serves (its code)" }),
});

export const actionBody = z.strictObject({
  objectiveId: z.uuid(),
  title: z.string().trim().min(3).max(1000),
  responsibleOrgId: z.uuid().optional(),
  budgetPlanned: money,
  budgetExecuted: money.default(0),
  startsOn: date.optional(),
  endsOn: date.optional(),
  status: z.enum(actionStatuses).default('planned'),
  commitmentId: z.uuid().optional(),
});
export const actionPatch = z
  .strictObject({
    status: z.enum(actionStatuses),
    budgetExecuted: money,
    budgetPlanned: money,
    endsOn: date,
  })
  .partial();

export const indicatorBody = z.strictObject({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(3).max(300),
  kind: z.enum(indicatorKinds),
  unit: z.enum(indicatorUnits),
  source: z.enum(indicatorSources).default('manual'),
  baseline: money.optional(),
  dimensions: z.array(z.enum(dimensions)).max(dimensions.length).default([]),
  targets: z.record(period, money).default({}),
  actionId: z.uuid().optional(),
});

/** A value for a period; the breakdown is checked against the indicator's definition by the service. */
export const valueBody = z.strictObject({
  period,
  value: amount,
  breakdown: z.record(z.string(), z.record(z.string(), amount)).default({}),
});

export const activityBody = z.strictObject({
  kind: z.enum(activityKinds),
  title: z.string().trim().min(3).max(300),
  heldOn: date,
  division: z.string().min(1).max(32).optional(),
  language: z.enum(local.local_Languages).optional(),
  organisers: z.array(z.string().trim().min(2).max(200)).min(1).max(20),
  participants: z.number().int().min(0).max(1_000_000),
  breakdown: z.record(z.string(), z.record(z.string(), z.number())).default({}),
  materials: z.string().trim().max(2000).optional(),
  actionId: z.uuid().optional(),
});

export const instrumentBody = z.strictObject({
  kind: z.enum(instrumentKinds),
  title: z.string().trim().min(3).max(300),
  status: z.enum(instrumentStatuses),
  date,
  objectiveIds: z.array(z.uuid()).max(50).default([]),
});
export const instrumentStatusBody = z.strictObject({ status: z.enum(instrumentStatuses), date });

export const agreementBody = z.strictObject({
  title: z.string().trim().min(3).max(300),
  purpose: z.string().trim().max(4000).optional(),
  parties: z.array(z.uuid()).min(2).max(20),
  division,
  signedOn: date,
  endsOn: date.optional(),
  renewedFrom: z.uuid().optional(),
  commitments: z
    .array(
      z.strictObject({
        text: z.string().trim().min(3).max(2000),
        responsibleOrgId: z.uuid().optional(),
        dueOn: date.optional(),
      }),
    )
    .max(100)
    .default([]),
});
export const commitmentStatusBody = z.strictObject({ status: z.enum(commitmentStatuses) });

/** A document or piece of evidence as the API shows it. */
export const planDocumentSchema = z
  .object({
    id: z.string(),
    actionId: z.string().nullable(),
    instrumentId: z.string().nullable(),
    mime: z.string(),
    size: z.number(),
    name: z.string().nullable(),
  })
  .meta({ id: 'PlanDocument' });
