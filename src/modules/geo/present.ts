import type { z } from 'zod';
import { divisionCodec } from './codecs';
import type { DivisionRow } from './repo';
import type { divisionSchema } from './schema';
import { titleCase } from './text';

export type DivisionView = z.infer<typeof divisionSchema>;

/** Copies the public fields of a division; internal search forms and timestamps stay out. */
export function presentDivision(row: DivisionRow): DivisionView {
  return {
    country: row.country_code,
    code: row.code,
    level: Number(row.level),
    parentCode: row.parent_code,
    name: row.name,
    label: titleCase(row.name),
    hasBoundary: divisionCodec.decode(row).has_boundary,
  };
}
