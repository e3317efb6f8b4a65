import { rowCodec } from '../../platform/db/codec';
import type { Database } from '../../platform/db/types';

// How the plan tables read: lists and breakdowns stored as JSON text become values, amounts become numbers.

type Breakdown = Record<string, Record<string, number>>;

export const agreementCodec = rowCodec<Database['agreements']>()({ json: { parties: [] as string[] } });

export const activityCodec = rowCodec<Database['prevention_activities']>()({
  numbers: ['participants'],
  json: { organisers: [] as string[], breakdown: {} as Breakdown },
});

export const instrumentCodec = rowCodec<Database['policy_instruments']>()({
  json: { history: [] as { status: string; date: string }[], objective_ids: [] as string[] },
});

export const indicatorCodec = rowCodec<Database['plan_indicators']>()({
  numbers: ['baseline'],
  json: { dimensions: [] as string[], targets: {} as Record<string, number> },
});

export const valueCodec = rowCodec<Database['indicator_values']>()({
  numbers: ['value'],
  json: { breakdown: {} as Breakdown },
});

/** Decodes every row of a list with a codec. */
export const decodeAll =
  <R, O>(codec: { decode(row: R): O }) =>
  (rows: R[]) =>
    rows.map((r) => codec.decode(r));

export type Activity = ReturnType<typeof activityCodec.decode>;
export type Instrument = ReturnType<typeof instrumentCodec.decode>;
export type IndicatorRow = ReturnType<typeof indicatorCodec.decode>;
export type ValueRow = ReturnType<typeof valueCodec.decode>;
export type Agreement = ReturnType<typeof agreementCodec.decode>;
