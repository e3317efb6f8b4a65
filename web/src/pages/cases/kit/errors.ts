import { ApiError } from '../../../api';

type Issue = { path?: string; message?: string };

/** The field problems of a refused body as the server names them (`body.heldOn`, `body.suspects.0.outcome`). */
const issues = (e: unknown): Issue[] => (e instanceof ApiError ? ((e.body.fields ?? []) as Issue[]) : []);

/** The server's message for one field of the body, if it refused that field. */
export function errorAt(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const hit = issues(error).find((f) => f.path === `body.${field}` || f.path?.startsWith(`body.${field}.`));
  return hit ? (hit.message ?? error.message) : undefined;
}

/** The error's message when none of these fields shows it. */
export function errorElsewhere(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (fields.some((f) => errorAt(error, f))) return undefined;
  return error instanceof Error ? error.message : String(error);
}

/** The server's field problems by field name (`body.toDivision` → toDivision), each with a message to show there. */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const f of issues(e)) {
    const name = f.path?.split('.')[1];
    if (name) out[name] ??= f.message ?? e.message;
  }
  return out;
}
