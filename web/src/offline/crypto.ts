// The offline copy's encryption, with the browser's WebCrypto: a key derived from the offline passphrase
// (PBKDF2-SHA-256, 600,000 rounds, a random salt per device) seals each record with AES-256-GCM and a fresh IV.
// The record's place (table and id) is bound as additional data, so sealed records cannot be swapped around.

/** A sealed value as IndexedDB keeps it: unreadable without the key. */
export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

export const pbkdf2Rounds = 600_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export async function deriveKey(passphrase: string, salt: Uint8Array, rounds = pbkdf2Rounds): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: salt as BufferSource, iterations: rounds, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealBytes(key: CryptoKey, bytes: ArrayBuffer | Uint8Array, place: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(place) },
    key,
    bytes as BufferSource,
  );
  return { iv, data };
}

export async function openBytes(key: CryptoKey, sealed: Sealed, place: string): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv as BufferSource, additionalData: encoder.encode(place) },
    key,
    sealed.data,
  );
}

export const seal = (key: CryptoKey, value: unknown, place: string) =>
  sealBytes(key, encoder.encode(JSON.stringify(value)), place);

export async function open<T>(key: CryptoKey, sealed: Sealed, place: string): Promise<T> {
  return JSON.parse(decoder.decode(await openBytes(key, sealed, place))) as T;
}
