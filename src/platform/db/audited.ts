import type { Transaction } from 'kysely';
import type { AuditInput } from '../audit';
import type { Context } from '../context';
import type { Database } from './types';

/**
 * Runs a write and its audit entry in one transaction: both commit or neither does. `audit` may be computed
 * from the write's result (e.g. a count), and may be a list when one write records several entries.
 */
export function writeAudited<T>(
  ctx: Pick<Context, 'db' | 'audit'>,
  audit: AuditInput | AuditInput[] | ((result: T) => AuditInput | AuditInput[]),
  write: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return ctx.db.db.transaction().execute(async (trx) => {
    const result = await write(trx);
    const entries = typeof audit === 'function' ? audit(result) : audit;
    for (const e of [entries].flat()) await ctx.audit.record(e, trx);
    return result;
  });
}
