import type { FieldSpec, RecordType } from './record-fields';
import { recordFields, recordTable } from './record-fields';

// Reading and writing a record's fields by the field table: columns to values (opening sealed ones) and back.

/** The sealer of an installation: field encryption bound to the row and column. */
export const sealerOf = (crypto: { encryptOptional: Sealer['seal']; decryptOptional: Sealer['open'] }): Sealer => ({
  seal: (v, at) => crypto.encryptOptional(v, at),
  open: (v, at) => crypto.decryptOptional(v, at),
});

/** Opens and seals field values of one row; the crypto service fills these in. */
export interface Sealer {
  seal(plain: string | null | undefined, at: { table: string; row: string; column: string }): string | null;
  open(sealed: string | null | undefined, at: { table: string; row: string; column: string }): string | null;
}

const place = (type: RecordType, id: string, s: FieldSpec) => ({
  table: recordTable[type],
  row: id,
  column: s.column.replace(/_enc$/, ''),
});

/** A stored column as its field value: lists parsed, numbers as numbers, flags as booleans, sealed ones opened. */
export function readField(type: RecordType, id: string, s: FieldSpec, raw: unknown, sealer: Sealer): unknown {
  if (raw === null || raw === undefined) return s.storage === 'list' ? [] : s.storage === 'flag' ? false : null;
  switch (s.storage) {
    case 'list':
      return typeof raw === 'string' ? (JSON.parse(raw) as unknown[]) : raw;
    case 'number':
      return Number(raw);
    case 'flag':
      return Number(raw) === 1 || raw === true;
    case 'sealed':
      return sealer.open(raw as string, place(type, id, s));
    default:
      return raw;
  }
}

/** A field value as its column value. */
export function writeField(type: RecordType, id: string, s: FieldSpec, value: unknown, sealer: Sealer): unknown {
  switch (s.storage) {
    case 'list':
      return JSON.stringify(value ?? []);
    case 'flag':
      return value ? 1 : 0;
    case 'sealed':
      return sealer.seal(value as string | null, place(type, id, s));
    default:
      return value ?? null;
  }
}

/** Every editable field of a row, by field name. */
export function readRecord(type: RecordType, row: Record<string, unknown>, sealer: Sealer): Record<string, unknown> {
  const id = row.id as string;
  return Object.fromEntries(
    Object.entries(recordFields[type]).map(([k, s]) => [k, readField(type, id, s, row[s.column], sealer)]),
  );
}

/** The column values for a set of changed fields. */
export function writeRecord(
  type: RecordType,
  id: string,
  fields: Record<string, unknown>,
  sealer: Sealer,
): Record<string, unknown> {
  const specs = recordFields[type];
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => specs[k])
      .map(([k, v]) => [specs[k]!.column, writeField(type, id, specs[k]!, v, sealer)]),
  );
}

/** True when any of the fields holds personal data (its correction needs a reason). */
export const touchesPersonal = (type: RecordType, fields: string[]) =>
  fields.some((k) => recordFields[type][k]?.personal);

/** A new event or perpetrator row from the fields given (the rest empty), at version 1. */
export function newItemRow(
  type: 'event' | 'perpetrator',
  id: string,
  caseId: string,
  given: Record<string, unknown>,
  sealer: Sealer,
  now: string,
): Record<string, unknown> {
  const specs = recordFields[type];
  const values = Object.fromEntries(
    Object.keys(specs).map((k) => [k, given[k] ?? (specs[k]!.storage === 'list' ? [] : null)]),
  );
  return {
    id,
    case_id: caseId,
    ...writeRecord(type, id, values, sealer),
    version: 1,
    created_at: now,
    updated_at: now,
  };
}
