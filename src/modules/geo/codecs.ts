import { rowCodec } from '../../platform/db/codec';
import type { DivisionRow } from './repo';

/** A division as read: its level as a number, whether it has a boundary as a boolean. */
export const divisionCodec = rowCodec<DivisionRow>()({ numbers: ['level'], booleans: ['has_boundary'] });
