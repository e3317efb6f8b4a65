import Dexie, { type Table } from 'dexie';
import type { Sealed } from './crypto';

// The device's store (IndexedDB through Dexie). Keys are case ids, temporary ids and sequence numbers; every
// value that could name or describe a person is sealed. Plain values: the device id, name and secret (asked for
// without the passphrase), the passphrase's salt, counters, times, and the places of the jurisdiction (public data).

export interface MetaRow {
  k: string;
  v: unknown;
}
export interface CaseRow {
  id: string;
  sealed: Sealed;
}
export interface OpRow {
  seq?: number;
  /** The change's id, sent as its Idempotency-Key. */
  id: string;
  caseRef: string;
  state: 'waiting' | 'conflict' | 'refused';
  sealed: Sealed;
  /** A photo's bytes, sealed apart from the change. */
  blob?: Sealed;
}

export class FieldDb extends Dexie {
  meta!: Table<MetaRow, string>;
  cases!: Table<CaseRow, string>;
  queue!: Table<OpRow, number>;
  constructor() {
    super('minka-field');
    this.version(1).stores({ meta: '&k', cases: '&id', queue: '++seq, caseRef, id' });
  }
}

export const fieldDb = new FieldDb();

export async function getMeta<T>(k: string): Promise<T | undefined> {
  return (await fieldDb.meta.get(k))?.v as T | undefined;
}
export const setMeta = (k: string, v: unknown) => fieldDb.meta.put({ k, v });
