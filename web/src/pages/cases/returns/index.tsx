import type { CaseDetail } from '../CasePage';

/** Cross-border work and the return of the person (tracing, assessment, return, reintegration). Filled in by issue 20. */
export function ReturnsPart(_: { c: CaseDetail }) {
  return null;
}
