// Phonetic keys for names written in Spanish and Kichwa spellings, so that Quishpe/Quispe,
// Guamán/Huaman and Yupanqui/Llupanqui meet. Keys are then blind-indexed: names stay encrypted.

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
