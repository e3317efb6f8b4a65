import { AppError } from '../../platform/http/errors';

/** A 400 that names the field it is about (`fields[0].path` = body.<field>), so the web shows its message there. */
export const fieldError = (code: string, field: string) =>
  new AppError(400, code, {}, { fields: [{ path: `body.${field}`, problem: code }] });

export { notificationHours } from '../catalogues/index';
