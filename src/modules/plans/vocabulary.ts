// The plans module's pure vocabulary, for the web app: reporting periods of a plan.
export * from './periods';

/** Kinds and units of plan indicators. */
export const indicatorKinds = ['output', 'outcome'] as const;
export const indicatorUnits = ['count', 'percent'] as const;
