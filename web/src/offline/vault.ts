import { useSyncExternalStore } from 'react';
import { deriveKey, open, pbkdf2Rounds, randomBytes, type Sealed, seal } from './crypto';
import { fieldDb, getMeta, setMeta } from './db';
import { type FieldStatus, setFieldStatus } from './status';

// The offline copy's lock. The key exists only in memory while the copy is open: it is forgotten after the
// policy's idle minutes, and the whole store is deleted after the policy's number of wrong passphrases, when the
// server says the device was revoked, or when the device has not reached the server for the policy's days.

export interface Policy {
  lockMinutes: number;
  maxAttempts: number;
  keepDays: number;
}
export interface Device {
  id: string;
  /** Shown to the server when the device asks without a session (older devices have none). */
  secret?: string;
  name: string;
  userId: string;
  userName: string;
}
interface Lock {
  salt: Uint8Array;
  rounds: number;
  check: Sealed;
}
export interface VaultState {
  status: 'loading' | 'absent' | 'locked' | 'open';
  failures: number;
  policy: Policy | null;
  device: Device | null;
}

const checkValue = 'minka-field';
let key: CryptoKey | null = null;
let state: VaultState = { status: 'loading', failures: 0, policy: null, device: null };
const listeners = new Set<() => void>();
let idle: ReturnType<typeof setTimeout> | undefined;

function set(change: Partial<VaultState>) {
  state = { ...state, ...change };
  for (const l of listeners) l();
}

/** Reads what the device holds (no key needed); also erases a copy that stayed away from the server too long. */
export async function loadVault(): Promise<VaultState> {
  const lock = await getMeta<Lock>('lock');
  const policy = (await getMeta<Policy>('policy')) ?? null;
  const lastContact = await getMeta<string>('lastContact');
  if (lock && policy && lastContact && Date.now() - Date.parse(lastContact) > policy.keepDays * 86_400_000) {
    await wipe('expired');
    return state;
  }
  set({
    status: lock ? (key ? 'open' : 'locked') : 'absent',
    failures: (await getMeta<number>('failures')) ?? 0,
    policy,
    device: (await getMeta<Device>('device')) ?? null,
  });
  return state;
}

/** Sets up the copy on this device: the passphrase's lock and the device the server registered. */
export async function createVault(passphrase: string, device: Device, policy: Policy): Promise<void> {
  const salt = randomBytes(16);
  const k = await deriveKey(passphrase, salt, pbkdf2Rounds);
  // Sealed before the transaction: an IndexedDB transaction commits when it waits on anything but itself.
  const check = await seal(k, checkValue, 'lock');
  await fieldDb.transaction('rw', fieldDb.meta, async () => {
    await setMeta('lock', { salt, rounds: pbkdf2Rounds, check } satisfies Lock);
    await setMeta('device', device);
    await setMeta('policy', policy);
    await setMeta('failures', 0);
    await setMeta('lastContact', new Date().toISOString());
  });
  key = k;
  setFieldStatus({ copy: true, erased: null });
  set({ status: 'open', failures: 0, policy, device });
  touch();
}

/** Opens the copy; a wrong passphrase counts, and the last allowed one erases it. */
export async function unlock(passphrase: string): Promise<'open' | 'wrong' | 'erased'> {
  const lock = await getMeta<Lock>('lock');
  if (!lock) return 'erased';
  const k = await deriveKey(passphrase, lock.salt, lock.rounds);
  try {
    if ((await open<string>(k, lock.check, 'lock')) !== checkValue) throw new Error('wrong');
  } catch {
    const failures = ((await getMeta<number>('failures')) ?? 0) + 1;
    if (failures >= (state.policy?.maxAttempts ?? 5)) {
      await wipe('attempts');
      return 'erased';
    }
    await setMeta('failures', failures);
    set({ failures });
    return 'wrong';
  }
  key = k;
  await setMeta('failures', 0);
  set({ status: 'open', failures: 0 });
  touch();
  return 'open';
}

export function lockNow(): void {
  key = null;
  clearTimeout(idle);
  if (state.status === 'open') set({ status: 'locked' });
}

/** Any activity keeps the copy open for the policy's idle minutes more. */
export function touch(): void {
  if (!key) return;
  clearTimeout(idle);
  idle = setTimeout(lockNow, (state.policy?.lockMinutes ?? 10) * 60_000);
}

/** Deletes the whole store (cases, waiting changes, the lock) and says why on the next screen. */
export async function wipe(reason: NonNullable<FieldStatus['erased']>): Promise<void> {
  key = null;
  clearTimeout(idle);
  fieldDb.close();
  await fieldDb.delete();
  await fieldDb.open();
  setFieldStatus({ copy: false, waiting: 0, conflicts: 0, cases: 0, lastSync: null, erased: reason });
  set({ status: 'absent', failures: 0, policy: null, device: null });
}

/** The open copy's key; null when locked. */
export const vaultKey = () => key;

export function useVault(): VaultState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
