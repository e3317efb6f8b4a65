import { z } from 'zod';
import { indicatorKinds, indicatorUnits } from './vocabulary';

// The local plan as GET /api/local-plans/{id} returns it: one typed contract for the API, OpenAPI and the web client.

const text = z.string().nullable();
const breakdown = z.record(z.string(), z.record(z.string(), z.number()));

export const planIndicatorSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(indicatorKinds),
  unit: z.enum(indicatorUnits),
  source: z.string(),
  actionId: text,
  baseline: z.number().nullable(),
  dimensions: z.array(z.string()),
  targets: z.record(z.string(), z.number()),
  values: z.array(z.object({ period: z.string(), value: z.number().nullable(), suppressed: z.boolean(), breakdown })),
});

const planActionSchema = z.object({
  id: z.string(),
  objectiveId: z.string(),
  title: z.string(),
  responsibleOrgId: text,
  responsibleOrgName: text,
  budgetPlanned: z.number(),
  budgetExecuted: z.number(),
  startsOn: text,
  endsOn: text,
  status: z.string(),
  commitmentId: text,
});

export const planDetailSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    division: z.object({ country: z.string(), code: z.string(), label: z.string() }),
    yearFrom: z.number(),
    yearTo: z.number(),
    status: z.string(),
    agreementId: text,
    objectives: z.array(
      z.object({
        id: z.string(),
        axis: z.string(),
        text: z.string(),
        nationalObjective: text,
        actions: z.array(planActionSchema),
      }),
    ),
    indicators: z.array(planIndicatorSchema),
    activities: z.array(
      z.object({
        id: z.string(),
        actionId: text,
        kind: z.string(),
        title: z.string(),
        heldOn: z.string(),
        division: text,
        language: text,
        organisers: z.array(z.string()),
        participants: z.number(),
        breakdown,
        materials: text,
      }),
    ),
    instruments: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        title: z.string(),
        status: z.string(),
        history: z.array(z.object({ status: z.string(), date: z.string() })),
        objectiveIds: z.array(z.string()),
      }),
    ),
    documents: z.array(
      z.object({
        id: z.string(),
        actionId: text,
        instrumentId: text,
        mime: z.string(),
        size: z.number(),
        name: text,
      }),
    ),
    abilities: z.object({ update: z.boolean() }),
    progress: z.object({
      byAxis: z.array(
        z.object({
          axis: z.string(),
          actions: z.number(),
          done: z.number(),
          inProgress: z.number(),
          execution: z.number(),
          budgetPlanned: z.number(),
          budgetExecuted: z.number(),
        }),
      ),
      budgetPlanned: z.number(),
      budgetExecuted: z.number(),
      budgetExecution: z.number(),
      indicators: z.array(
        z.object({
          id: z.string(),
          code: z.string(),
          name: z.string(),
          unit: z.enum(indicatorUnits),
          targets: z.array(
            z.object({
              period: z.string(),
              target: z.number(),
              value: z.number().nullable(),
              suppressed: z.boolean(),
            }),
          ),
        }),
      ),
      activities: z.number(),
      participants: z.number(),
      instruments: z.record(z.string(), z.number()),
    }),
  })
  .meta({ id: 'LocalPlan', description: 'A local plan with progress' });

export type PlanDetail = z.infer<typeof planDetailSchema>;
