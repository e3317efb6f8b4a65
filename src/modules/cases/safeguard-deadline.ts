import type { Transaction } from 'kysely';
import { nowMs } from '../../platform/clock';
import type { Context } from '../../platform/context';
import type { Database } from '../../platform/db/types';
import { Catalogues } from '../catalogues/index';

/** Hours the law gives when the installation's catalogue has no notification deadline (CONA art. 72). */
const defaultHours = 24;

/**
 * When the notification of a child's case to the protection authority falls due: the installation's deadline
 * (catalogue deadline/board_notification) after now on the business clock; read inside the caller's transaction.
 */
export async function notificationDueAt(ctx: Pick<Context, 'db'>, trx: Transaction<Database>): Promise<string> {
  const entry = await new Catalogues(ctx).entry('deadline', 'board_notification', trx);
  const hours = entry?.active ? entry.data.hours : defaultHours;
  return new Date(nowMs() + hours * 3_600_000).toISOString();
}
