import { rowCodec } from '../../platform/db/codec';
import type { CaseScreeningTable, CaseTable, Database, PersonTable } from '../../platform/db/types';
import type { CaseDetail } from './schema';

// How the case tables read: 0/1 flags as booleans, picklist lists stored as JSON text as arrays, counts as numbers.

const list = [] as string[];

/** A case row as services handle it. */
export const caseCodec = rowCodec<CaseTable>()({
  booleans: ['is_minor'],
  numbers: ['age_at_intake', 'age_when_trafficked', 'months_exploited'],
  json: {
    exploitation: list,
    recruitment_methods: list,
    control_methods: list,
    labour_industries: list,
    sex_exploitation: list,
  },
});
export type CaseRecord = ReturnType<typeof caseCodec.decode>;

/** A person row as services handle it (personal fields stay encrypted until presented). */
export const personCodec = rowCodec<PersonTable>()({ numbers: ['birth_year'], json: { languages: list } });

/** A screening row: indicators as a list, the engine's result as stored. */
export const screeningCodec = rowCodec<CaseScreeningTable>()({
  json: { indicators: list, result: null as unknown as NonNullable<CaseDetail['screening']>['result'] },
});

/** True when the stored case is a minor's (whichever way the engine returned the flag). */
export const isMinorCase = (c: Pick<CaseTable, 'is_minor'>) => caseCodec.decode(c as CaseTable).is_minor === true;

/** A support plan: its types as a list, its version as a number. */
export const supportPlanCodec = rowCodec<Database['support_plans']>()({ numbers: ['version'], json: { types: list } });

/** A step of the legal process: whether the victim takes part, as a boolean (or unknown). */
export const legalCodec = rowCodec<Database['legal_proceedings']>()({ booleans: ['victim_participates'] });
