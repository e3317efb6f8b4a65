import { z } from 'zod';

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code, e.g. EC')
  .meta({ example: 'EC' });
export const divisionCode = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,32}$/, 'letters, digits, dot, dash or underscore (1-32)')
  .meta({ example: '0603' });

export const divisionSchema = z
  .object({
    country: countryCode,
    code: divisionCode,
    level: z.number().int().min(0).max(3).meta({ description: '0 country, 1 province, 2 canton, 3 parish' }),
    parentCode: divisionCode.nullable(),
    name: z.string().meta({ description: 'Official name as imported' }),
    label: z.string().meta({ description: 'Name in title case for display' }),
    hasBoundary: z.boolean(),
  })
  .meta({ id: 'Division' });

/** A search result, with the name of the division it lies in (null for countries and provinces). */
export const divisionFoundSchema = divisionSchema
  .extend({ parentLabel: z.string().nullable() })
  .meta({ id: 'DivisionFound' });

export const divisionDetailSchema = divisionSchema
  .extend({
    ancestors: z.array(divisionSchema).meta({ description: 'From the country down to the parent' }),
    childCount: z.number().int(),
  })
  .meta({ id: 'DivisionDetail' });

export const countrySchema = z
  .object({ code: countryCode, name: z.string(), label: z.string(), counts: z.record(z.string(), z.number()) })
  .meta({ id: 'Country' });

export const divisionParams = z.strictObject({ country: countryCode, code: divisionCode });
export const countryParams = z.strictObject({ country: countryCode });

export const searchQuery = z.strictObject({
  q: z.string().trim().min(2).max(100),
  country: countryCode.optional(),
  level: z.coerce.number().int().min(0).max(3).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.string().max(10).optional(),
});

export const boundariesQuery = z.strictObject({
  level: z.coerce.number().int().min(1).max(3).optional(),
  parent: divisionCode.optional(),
  lang: z.string().max(10).optional(),
});

export const langQuery = z.strictObject({ lang: z.string().max(10).optional() });

export const featureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: z.object({
          country: z.string(),
          code: z.string(),
          name: z.string(),
          label: z.string(),
          level: z.number(),
        }),
        geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }),
      }),
    ),
  })
  .meta({ id: 'BoundaryCollection' });

/** One division as read from an import file, before it reaches the database. */
export interface DivisionInput {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
}

/** One boundary as read from a GeoJSON file. */
export interface BoundaryInput {
  code: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
}
