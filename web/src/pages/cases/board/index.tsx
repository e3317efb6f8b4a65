import type { CaseDetail } from '../CasePage';

/** The protection-board procedure of a child's case (notification, hearings, measures). Filled in by issue 20. */
export function BoardPart(_: { c: CaseDetail }) {
  return null;
}
