// The plans module's pure vocabulary, for the web app: reporting periods of a plan.
export * from './periods';
