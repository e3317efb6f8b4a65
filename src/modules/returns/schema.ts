import { z } from 'zod';
import {
  accompanyingRoles,
  bestInterestDecisions,
  documentTypes,
  exchangeDirections,
  planOutcomes,
  tracingResults,
  visitOutcomes,
} from './vocabulary';

/** Places abroad, for the directory (which may read this module's schema). */
export { countryName, divisionAbroadName, isCountry, isDivisionAbroad } from './iso';

const date = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const country = z.string().regex(/^[A-Z]{2}$/);
/** An ISO 3166-2 first-level division (CO-NAR). */
const divisionAbroad = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/);
/** A division of the installation's own geography (INEC code in Ecuador). */
const homeDivision = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/);

export const subParam = z.strictObject({ id: z.uuid(), sub: z.uuid() });
export const countryParam = z.strictObject({ country });

export const exchangeBody = z.strictObject({
  direction: z.enum(exchangeDirections),
  /** The foreign authority or consulate, a directory entry. */
  authorityId: z.uuid(),
  country,
  division: divisionAbroad.nullable().default(null),
  exchangedOn: date,
  reference: text(100).optional(),
  notes: text(2000).optional(),
});

export const documentBody = z.strictObject({
  /** A file already attached to the case (POST /api/cases/{id}/files). */
  fileId: z.uuid(),
  type: z.enum(documentTypes),
});

export const tracingBody = z.strictObject({
  tracedOn: date,
  tracedBy: text(200),
  division: homeDivision,
  result: z.enum(tracingResults),
  familyContact: text(500).optional(),
  notes: text(2000).optional(),
});

export const assessmentBody = z.strictObject({
  assessedOn: date,
  assessor: text(200),
  findings: text(5000),
  childView: text(5000),
  decision: z.enum(bestInterestDecisions),
  reasons: text(5000),
});

export const returnBody = z.strictObject({
  fromCountry: country,
  fromDivision: divisionAbroad.nullable().default(null),
  toDivision: homeDivision,
  departedOn: date,
  arrivedOn: date.optional(),
  route: text(2000).optional(),
  accompanyingName: text(200).optional(),
  accompanyingRole: z.enum(accompanyingRoles).optional(),
  /** The receiving institution: an organisation on Minka or a directory entry (one of them). */
  receivingOrgId: z.uuid().optional(),
  receivingProviderId: z.uuid().optional(),
  /** The reintegration plan's goals (when the arrival is recorded the plan opens). */
  goals: text(5000).optional(),
});

export const arrivalBody = z.strictObject({ arrivedOn: date, goals: text(5000).optional() });

export const visitBody = z.strictObject({
  doneOn: date,
  outcome: z.enum(visitOutcomes),
  notes: text(5000).optional(),
});

export const closePlanBody = z.strictObject({ outcome: z.enum(planOutcomes), closedOn: date });

const place = z.object({ country: z.string(), code: z.string().nullable(), label: z.string() });

export const placeSchema = z.object({ code: z.string(), name: z.string() }).meta({ id: 'PlaceAbroad' });

export const returnsSchema = z
  .object({
    caseId: z.string(),
    exchanges: z.array(
      z.object({
        id: z.string(),
        direction: z.enum(exchangeDirections),
        authority: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
        place,
        exchangedOn: z.string(),
        reference: z.string().nullable(),
        notes: z.string().nullable(),
        documents: z.array(
          z.object({ id: z.string(), fileId: z.string(), type: z.string(), name: z.string().nullable() }),
        ),
      }),
    ),
    tracings: z.array(
      z.object({
        id: z.string(),
        tracedOn: z.string(),
        tracedBy: z.string(),
        place,
        result: z.enum(tracingResults),
        familyContact: z.string().nullable(),
        notes: z.string().nullable(),
      }),
    ),
    assessments: z.array(
      z.object({
        id: z.string(),
        assessedOn: z.string(),
        assessor: z.string(),
        findings: z.string(),
        childView: z.string(),
        decision: z.enum(bestInterestDecisions),
        reasons: z.string(),
      }),
    ),
    returns: z.array(
      z.object({
        id: z.string(),
        from: place,
        to: place,
        departedOn: z.string(),
        arrivedOn: z.string().nullable(),
        route: z.string().nullable(),
        accompanyingName: z.string().nullable(),
        accompanyingRole: z.string().nullable(),
        receiving: z
          .object({ kind: z.enum(['organisation', 'provider']), id: z.string(), name: z.string() })
          .nullable(),
        plan: z
          .object({
            id: z.string(),
            status: z.enum(['open', 'closed']),
            months: z.array(z.number()),
            goals: z.string().nullable(),
            outcome: z.enum(planOutcomes).nullable(),
            closedOn: z.string().nullable(),
            visits: z.array(
              z.object({
                id: z.string(),
                month: z.number(),
                dueOn: z.string(),
                doneOn: z.string().nullable(),
                outcome: z.enum(visitOutcomes).nullable(),
                notes: z.string().nullable(),
                /** due (not yet), done, overdue (after its due day, by the business clock), cancelled (plan closed) */
                state: z.enum(['due', 'done', 'overdue', 'cancelled']),
              }),
            ),
          })
          .nullable(),
      }),
    ),
    /** The best-interest decision a return can rest on (the latest assessment's), or null. */
    decision: z.enum(bestInterestDecisions).nullable(),
    abilities: z.object({ write: z.boolean() }).meta({ description: 'What the caller may do here' }),
  })
  .meta({ id: 'CaseReturns' });

export type ReturnsView = z.infer<typeof returnsSchema>;
