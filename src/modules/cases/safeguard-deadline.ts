import type { Transaction } from 'kysely';
import { nowMs } from '../../platform/clock';
import type { Context } from '../../platform/context';
import type { Database } from '../../platform/db/types';
import { notificationHours } from '../catalogues/index';

/**
 * When the notification of a child's case to the protection authority falls due: the installation's deadline
 * (catalogues' notificationHours) after now on the business clock; read inside the caller's transaction.
 */
export async function notificationDueAt(ctx: Pick<Context, 'db'>, trx: Transaction<Database>): Promise<string> {
  return new Date(nowMs() + (await notificationHours(ctx, trx)) * 3_600_000).toISOString();
}
