import { rowCodec } from '../../../platform/db/codec';
import type { Database } from '../../../platform/db/types';
import type { Warning } from './import';
import type { Problem } from './validate';

/** An import job as services read it: counts as numbers, the problem lists as values, valid-only as a boolean. */
export const importJobCodec = rowCodec<Database['htcds_imports']>()({
  booleans: ['valid_only'],
  numbers: ['total', 'valid', 'processed', 'imported', 'linked'],
  json: { problems: [] as Problem[], warnings: [] as Warning[], ignored_columns: [] as string[] },
});
