import { rowCodec } from '../../platform/db/codec';
import type { ReportTable } from '../../platform/db/types';

/** A report as services read it: flags as booleans, the forms of exploitation as a list, the head count as a number. */
export const reportCodec = rowCodec<ReportTable>()({
  booleans: ['place_known', 'child_involved', 'danger_now'],
  numbers: ['people_count'],
  json: { forms: [] as string[] },
});
