// Legal holds and open proceedings: what keeps a record from erasure and retention (H-RIGHTS fills this in).
import type { Context } from '../../platform/context';
import type { Db } from '../../platform/db/index';
import type { ErasureBlockReason } from './vocabulary';

/** Why the person's records cannot be erased now (empty when they can). */
export async function erasureBlockers(
  _ctx: Context,
  _personId: string,
  _trx?: Db,
): Promise<{ reason: ErasureBlockReason; caseCode: string }[]> {
  throw new Error('erasureBlockers: not built yet');
}

/** True when a legal hold or an open proceeding keeps the case. */
export async function caseHeld(_ctx: Context, _caseId: string, _trx?: Db): Promise<boolean> {
  throw new Error('caseHeld: not built yet');
}
