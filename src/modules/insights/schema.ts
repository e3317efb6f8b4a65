import { z } from 'zod';
import { dimensions } from './cube';
import { protectionKinds } from './protection';

export const dashboardQuery = z.strictObject({
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  division: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,32}$/)
    .optional()
    .meta({ description: 'A province or canton code of the viewer’s country; the viewer’s jurisdiction when absent' }),
  minor: z.enum(['true', 'false']).optional(),
});

const cell = { value: z.number().nullable(), suppressed: z.boolean() };
export const dashboardSchema = z
  .object({
    k: z.number(),
    exact: z.boolean(),
    asOf: z.string().nullable().meta({
      description:
        'Protected figures cover cases registered before this date (a monthly snapshot); null when exact and live',
    }),
    filters: z.object({ year: z.number().nullable(), division: z.string().nullable(), minor: z.boolean().nullable() }),
    years: z.array(z.number()),
    total: z.object(cell),
    series: z.object({ unit: z.enum(['month', 'year']), points: z.array(z.object({ period: z.string(), ...cell })) }),
    breakdowns: z.array(
      z.object({
        dimension: z.enum(dimensions),
        multi: z.boolean(),
        cells: z.array(z.object({ key: z.string(), ...cell })),
      }),
    ),
    map: z.object({
      country: z.string(),
      level: z.literal(2),
      parent: z.string().nullable(),
      areas: z.array(z.object({ code: z.string(), label: z.string(), ...cell })),
    }),
    routes: z.array(z.object({ from: z.string(), fromLabel: z.string(), to: z.string(), ...cell })),
    protection: z
      .object({
        kinds: z.array(z.enum(protectionKinds)),
        rows: z.array(
          z.object({
            year: z.number(),
            cells: z.array(z.object({ kind: z.enum(protectionKinds), ...cell })),
          }),
        ),
      })
      .meta({
        description:
          'People by the year a protection or justice event happened to them (measure decided, return, reintegration outcome, complaint, prosecution, conviction, acquittal, dismissal), in the division and age group filtered; the same release and suppression as every other cell',
      }),
  })
  .meta({
    id: 'Dashboard',
    description:
      'People identified, under disclosure control: a suppressed cell has value null (fewer than k people, or it would reveal one)',
  });
