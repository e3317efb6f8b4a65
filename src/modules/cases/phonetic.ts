// Phonetic keys for names written in Spanish and Kichwa spellings, so that Quishpe/Quispe,
// Guamán/Huaman and Yupanqui/Llupanqui meet. Keys are then blind-indexed: names stay encrypted. A person's indexed
// terms are its keys and every three of them (a triple): a look-up by names alone reads the few persons sharing a
// triple instead of everyone sharing a common key such as María.

const rules: [RegExp, string][] = [
  [/qu(?=[eiy])/g, 'k'],
  [/qu/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c(?!h)/g, 'k'],
  [/[zx]/g, 's'],
  [/hu(?=[aeiou])/g, 'w'],
  [/gu(?=[ao])/g, 'w'],
  [/gu(?=[ei])/g, 'g'],
  [/ll/g, 'y'],
  [/v/g, 'b'],
  [/sh/g, 's'],
  [/(?<![cs])h/g, ''],
  [/e/g, 'i'],
  [/o/g, 'u'],
  [/(.)\1+/g, '$1'],
];

/** The phonetic key of one word: lowercase, accents dropped, Spanish/Kichwa spelling variants folded. */
export function phoneticKey(word: string): string {
  let w = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  for (const [re, to] of rules) w = w.replace(re, to);
  return w;
}

/** Phonetic keys of every word of a person's names (at least two letters each), without repeats. */
export function nameKeys(...names: (string | null | undefined)[]): string[] {
  const keys = names
    .flatMap((n) => (n ?? '').split(/[\s-]+/))
    .map(phoneticKey)
    .filter((k) => k.length >= 2);
  return [...new Set(keys)];
}

/** At most this many of a name's keys make triples (8 keys give 56 triples; a longer name still gets all its keys). */
const tripleKeys = 8;
/** Particles (de, del, la, las, los after folding) join names without telling people apart: no triple has them. */
const particles = new Set(['di', 'dil', 'la', 'las', 'lus']);

/**
 * Every three of these keys (the first eight that are not particles), sorted and joined by '|', a character no key
 * holds, so a triple never equals a key.
 */
export function keyTriples(keys: string[]): string[] {
  const k = [...new Set(keys)]
    .filter((x) => !particles.has(x))
    .slice(0, tripleKeys)
    .sort();
  const out: string[] = [];
  for (let a = 0; a < k.length; a++)
    for (let b = a + 1; b < k.length; b++) for (let c = b + 1; c < k.length; c++) out.push(`${k[a]}|${k[b]}|${k[c]}`);
  return out;
}

/**
 * A triple that every person whose keys include all of these is indexed under (unless the person has more than eight
 * keys that are not particles); null when fewer than three are not particles.
 */
export function searchTriple(keys: string[]): string | null {
  const k = [...new Set(keys)].filter((x) => !particles.has(x)).slice(0, 3);
  return k.length === 3 ? keyTriples(k)[0]! : null;
}

/** The terms a person's names are indexed under: their phonetic keys, then the keys' triples. */
export function nameTerms(...names: (string | null | undefined)[]): string[] {
  const keys = nameKeys(...names);
  return [...keys, ...keyTriples(keys)];
}

/** Lowercase words without accents (at least two letters), for comparing a typed name with a stored one. */
export const plainWords = (...names: (string | null | undefined)[]): string[] =>
  names
    .flatMap((n) =>
      (n ?? '')
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^a-z]+/),
    )
    .filter((w) => w.length >= 2);

/** True when two words differ by at most one letter changed, added or left out. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}
