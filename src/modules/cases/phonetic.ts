// Phonetic keys for names written in Spanish and Kichwa spellings, so that Quishpe/Quispe,
// Guamán/Huaman and Yupanqui/Llupanqui meet. Keys are then blind-indexed: names stay encrypted. A person's indexed
// terms are its keys, every two and every three of them: a search or a duplicate look-up by several names reads the
// few persons with that pair or triple instead of everyone with a common key such as María.

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

/** At most this many of a name's keys make pairs and triples (8 keys: 28 pairs, 56 triples); all are keys still. */
const combinedKeys = 8;
/** Particles (de, del, la, las, los, folded) join names without telling people apart: no pair or triple has them. */
const particles = new Set(['di', 'dil', 'la', 'las', 'lus']);
const telling = (keys: string[]) => [...new Set(keys)].filter((x) => !particles.has(x));

/** Every `size` of these keys, each sorted and joined by '|' (no key holds it, so a term never equals a key). */
function combinations(keys: string[], size: 2 | 3): string[] {
  const k = telling(keys).slice(0, combinedKeys).sort();
  const out: string[] = [];
  const walk = (from: number, chosen: string[]) => {
    if (chosen.length === size) out.push(chosen.join('|'));
    else for (let i = from; i < k.length; i++) walk(i + 1, [...chosen, k[i]!]);
  };
  walk(0, []);
  return out;
}

/** Every three of a name's keys (the first eight that are not particles): the terms duplicate look-ups read. */
export const keyTriples = (keys: string[]) => combinations(keys, 3);

/** The terms a person's names are indexed under: their phonetic keys, every two and every three of them. */
export function nameTerms(...names: (string | null | undefined)[]): string[] {
  const keys = nameKeys(...names);
  return [...keys, ...combinations(keys, 2), ...combinations(keys, 3)];
}

/**
 * The most telling single term a person whose keys include all of these is indexed under (a triple of the first three
 * that are not particles, else their pair, else a key), and the keys it does not cover. A person with more than eight
 * keys that are not particles may lack that pair or triple.
 */
export function searchTerm(keys: string[]): { term: string; rest: string[] } | null {
  const k = telling(keys).slice(0, 3);
  if (k.length < 2) {
    const term = k[0] ?? keys[0];
    return term === undefined ? null : { term, rest: keys.filter((x) => x !== term) };
  }
  return { term: [...k].sort().join('|'), rest: keys.filter((x) => !k.includes(x)) };
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
