import type { CaseDetail } from '../CasePage';

/** The criminal proceedings of the case (complaints, suspects, charges, stages, outcome). Filled in by issue 20. */
export function ProsecutionPart(_: { c: CaseDetail }) {
  return null;
}
