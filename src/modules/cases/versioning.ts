// Field-level optimistic concurrency: each editable record carries a version; an update names the version it was
// based on. Fields nobody else changed since then merge silently; a field someone else changed to a different
// value is a conflict the person must resolve. This is also the contract offline sync uses.

/** A field the editor changed and someone else changed too, with both values. */
export interface Conflict {
  field: string;
  yours: unknown;
  theirs: unknown;
}

/** One field's change, old and new value. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export type MergeResult = { ok: true; changes: FieldChange[] } | { ok: false; conflicts: Conflict[] };

/** Equality for stored field values: scalars by value, lists as sets (picklists have no order), objects by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => {
    if (v === undefined || v === '') return null;
    if (Array.isArray(v)) return [...v].map(norm).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([k, x]) => [k, norm(x)]),
      );
    return v;
  };
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/**
 * Merges `incoming` (only the fields the editor touched) into `current`. `changedSince` names the fields someone
 * else changed after the editor's base version (empty when the base is the current version). A field is a
 * conflict only when someone else changed it and the editor wants a different value than it now has.
 */
export function mergeFields(
  current: Record<string, unknown>,
  incoming: Record<string, unknown>,
  changedSince: ReadonlySet<string>,
): MergeResult {
  const conflicts: Conflict[] = [];
  const changes: FieldChange[] = [];
  for (const [field, to] of Object.entries(incoming)) {
    if (to === undefined) continue;
    const from = current[field] ?? null;
    if (sameValue(from, to)) continue;
    if (changedSince.has(field)) conflicts.push({ field, yours: to, theirs: from });
    else changes.push({ field, from, to });
  }
  return conflicts.length ? { ok: false, conflicts } : { ok: true, changes };
}
