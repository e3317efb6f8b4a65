import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { Catalogues } from '../catalogues/index';

/** A 400 that names the field it is about (`fields[0].path` = body.<field>), so the web shows its message there. */
export const fieldError = (code: string, field: string) =>
  new AppError(400, code, {}, { fields: [{ path: `body.${field}`, problem: code }] });

/** Hours within which the board must be notified: the installation's catalogue (CONA art. 72: 24). */
export async function notificationHours(ctx: Pick<Context, 'db'>): Promise<number> {
  const e = await new Catalogues(ctx).entry('deadline', 'board_notification');
  return e?.active ? e.data.hours : 24;
}
