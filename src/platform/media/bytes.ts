// Small helpers shared by the format cleaners. A cleaner throws Malformed (through `need`) on anything it cannot
// vouch for; cleanMedia turns every throw into a refusal.

export class Malformed extends Error {}

/** A cleaning library that would not load: a fault of the installation, never of the file (so never a 4xx). */
export class Unavailable extends Error {}

export function need(ok: boolean, what: string): asserts ok {
  if (!ok) throw new Malformed(what);
}

export const ascii = (b: Buffer, at: number, len: number): string =>
  at >= 0 && at + len <= b.length ? b.toString('latin1', at, at + len) : '';

/** The 28-bit "syncsafe" integer of ID3v2 headers (7 bits per byte). */
export const syncsafe = (b: Buffer, at: number): number =>
  ((b[at]! & 0x7f) << 21) | ((b[at + 1]! & 0x7f) << 14) | ((b[at + 2]! & 0x7f) << 7) | (b[at + 3]! & 0x7f);
