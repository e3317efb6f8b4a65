import { useSyncExternalStore } from 'react';

// What every page may show about the device's offline copy, without opening it: counts and times only (kept in
// localStorage, so the app shell shows them without loading the encrypted store).

export interface FieldStatus {
  /** A copy exists on this device. */
  copy: boolean;
  waiting: number;
  conflicts: number;
  cases: number;
  lastSync: string | null;
  /** Why the copy was erased last, until the person has read it. */
  erased: 'revoked' | 'attempts' | 'expired' | 'by_person' | null;
}

const storageKey = 'minka.field';
const empty: FieldStatus = { copy: false, waiting: 0, conflicts: 0, cases: 0, lastSync: null, erased: null };
const listeners = new Set<() => void>();
let cached: { raw: string | null; value: FieldStatus } = { raw: null, value: empty };

function read(): FieldStatus {
  const raw = localStorage.getItem(storageKey);
  if (raw !== cached.raw) {
    try {
      cached = { raw, value: raw ? { ...empty, ...(JSON.parse(raw) as Partial<FieldStatus>) } : empty };
    } catch {
      cached = { raw, value: empty };
    }
  }
  return cached.value;
}

export function fieldStatus(): FieldStatus {
  return read();
}

export function setFieldStatus(change: Partial<FieldStatus>): void {
  localStorage.setItem(storageKey, JSON.stringify({ ...read(), ...change }));
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => e.key === storageKey && l();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

export const useFieldStatus = () => useSyncExternalStore(subscribe, read);
