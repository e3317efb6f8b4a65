import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// A receipt is 16 digits: a 6-digit locator (to find the report) and 10 secret digits. Only the argon2
// hash of the whole code is stored, so the database alone cannot open a reporter's thread.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
export const minAnswerMs = 400;

export function newReceipt(): { code: string; locator: string } {
  let code = '';
  for (let i = 0; i < 16; i++) code += String(randomInt(10));
  return { code, locator: code.slice(0, 6) };
}

export const hashReceipt = (code: string) => hash(code, options);

/** Digits only, so "1234 5678-9012 3456" works as typed from a paper note. */
export const normaliseReceipt = (s: string) => s.replace(/\D/g, '');

/** Verifies a receipt against a stored hash; with no hash it still spends one verification. */
export async function checkReceipt(stored: string | null, code: string): Promise<boolean> {
  if (!stored) {
    await hash(code || '0', options);
    return false;
  }
  try {
    return await verify(stored, code);
  } catch {
    return false;
  }
}

/** Pads a response to a fixed minimum time, so a wrong, unknown and expired receipt look alike. */
export async function atLeast<T>(ms: number, work: Promise<T>): Promise<T> {
  const start = Date.now();
  const result = await work;
  const left = ms - (Date.now() - start);
  if (left > 0) await new Promise((r) => setTimeout(r, left));
  return result;
}
