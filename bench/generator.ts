// Realistic fake Ecuadorian people for benchmarks: Spanish and Kichwa names, highland cantons, young ages.
// Every person is marked fake: ids start with FAKE- and identity numbers use province 99, which does not exist.

import { prng as rng } from '../src/modules/insights/generate';
import { canton, national } from './names';

/** Deterministic PRNG (mulberry32) so a seed always yields the same people. */
export { rng };

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const compose = (stems: string[], endings: string[]) => stems.flatMap((s) => endings.map((e) => s + e));
const unique = (names: string[]) => [...new Set(names)];

/** Names with Zipf-like weights: the first is the most frequent, and the tail stays long. */
function zipf(names: string[], exponent: number) {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < names.length; i++) {
    total += 1 / (i + 1) ** exponent;
    cumulative.push(total);
  }
  return (r: () => number) => {
    const x = r() * total;
    let lo = 0;
    let hi = names.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return names[lo]!;
  };
}
const uniform = (names: readonly string[]) => (r: () => number) => pick(r, names);

type Draw = (r: () => number) => string;
interface NamePool {
  kichwaGiven: Record<'Feminine' | 'Masculine', Draw>;
  spanishGiven: Record<'Feminine' | 'Masculine', Draw>;
  kichwaSurname: Draw;
  spanishSurname: Draw;
}

/** Which names people get: `national` (default) or `canton`, the original few (for comparisons). */
export type NamePoolName = 'national' | 'canton';

const pools: Record<NamePoolName, NamePool> = {
  canton: {
    kichwaGiven: { Feminine: uniform(canton.kichwaGiven.Feminine), Masculine: uniform(canton.kichwaGiven.Masculine) },
    spanishGiven: {
      Feminine: uniform(canton.spanishGiven.Feminine),
      Masculine: uniform(canton.spanishGiven.Masculine),
    },
    kichwaSurname: uniform(canton.kichwaSurnames),
    spanishSurname: uniform(canton.spanishSurnames),
  },
  national: {
    kichwaGiven: {
      Feminine: zipf(unique([...canton.kichwaGiven.Feminine, ...national.kichwaGiven.Feminine]), 0.9),
      Masculine: zipf(unique([...canton.kichwaGiven.Masculine, ...national.kichwaGiven.Masculine]), 0.9),
    },
    spanishGiven: {
      Feminine: zipf(unique([...canton.spanishGiven.Feminine, ...national.spanishGiven.Feminine]), 0.9),
      Masculine: zipf(unique([...canton.spanishGiven.Masculine, ...national.spanishGiven.Masculine]), 0.9),
    },
    kichwaSurname: zipf(
      unique([
        ...canton.kichwaSurnames,
        ...national.kichwaSurnames,
        ...compose(national.kichwaStems, national.kichwaEndings),
      ]),
      0.75,
    ),
    spanishSurname: zipf(
      unique([
        ...canton.spanishSurnames,
        ...national.spanishSurnames,
        ...compose(national.spanishStems, national.spanishEndings),
      ]),
      0.75,
    ),
  },
};

// Cantons weighted toward the highlands where the project starts (INEC codes).
const cantons: [string, number][] = [
  ['0606', 24], // Guamote
  ['0603', 22], // Colta
  ['0101', 14], // Cuenca
  ['0601', 10], // Riobamba
  ['0602', 5], // Alausí
  ['0304', 4], // Cañar
  ['1004', 4], // Otavalo
  ['0502', 3], // Latacunga (Cotopaxi)
  ['1701', 8], // Quito
  ['0901', 6], // Guayaquil
];

const ethnicities: [string, number][] = [
  ['indigena', 68],
  ['mestizo', 26],
  ['afroecuatoriano', 3],
  ['montubio', 2],
  ['blanco', 1],
];

function weighted<T>(r: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1]![0];
}

export interface FakePerson {
  id: string;
  givenName: string;
  /** A second given name, as most people here have (empty for some). */
  secondGiven: string;
  birthDate: string;
  surnames: [string, string];
  gender: 'Feminine' | 'Masculine';
  ageAtIntake: number;
  birthYear: number;
  cantonCode: string;
  ethnicity: string;
  speaksKichwa: boolean;
  identityNumber: string;
}

/** Ages skewed young: most possible victims here are 8-17, fewer young adults, few older adults. */
function age(r: () => number): number {
  const band = weighted(r, [
    ['child', 58],
    ['young', 28],
    ['adult', 14],
  ] as [string, number][]);
  if (band === 'child') return 8 + Math.floor(r() * 10);
  if (band === 'young') return 18 + Math.floor(r() * 8);
  return 26 + Math.floor(r() * 35);
}

/** Generates `n` fake people from `seed`; the same seed always gives the same list. */
export function generatePeople(n: number, seed = 42, year = 2026, names: NamePoolName = 'national'): FakePerson[] {
  const r = rng(seed);
  const pool = pools[names];
  const out: FakePerson[] = [];
  for (let i = 0; i < n; i++) {
    const gender = r() < 0.55 ? 'Feminine' : 'Masculine';
    const ethnicity = weighted(r, ethnicities);
    const indigenous = ethnicity === 'indigena';
    const givenName = () => (indigenous && r() < 0.35 ? pool.kichwaGiven[gender] : pool.spanishGiven[gender])(r);
    const given = givenName();
    let secondGiven = r() < 0.7 ? givenName() : '';
    if (secondGiven === given) secondGiven = '';
    const surname = () => (indigenous && r() < 0.85 ? pool.kichwaSurname : pool.spanishSurname)(r);
    const a = age(r);
    out.push({
      id: `FAKE-${String(i + 1).padStart(6, '0')}`,
      givenName: given,
      secondGiven,
      birthDate: `${year - a}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      surnames: [surname(), surname()],
      gender,
      ageAtIntake: a,
      birthYear: year - a,
      cantonCode: weighted(r, cantons),
      ethnicity,
      speaksKichwa: indigenous && r() < 0.8,
      identityNumber: `99${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
    });
  }
  return out;
}

/** Spelling variants seen in registers for the same surname (Spanish and Kichwa spellings). */
const variants: Record<string, string[]> = {
  Quishpe: ['Quispe', 'Quishpi', 'Kishpe'],
  Guamán: ['Huaman', 'Guaman', 'Waman'],
  Yupanqui: ['Llupanqui', 'Yupanki'],
  Chimbo: ['Chimbu'],
  Cuji: ['Kuji'],
  Guallpa: ['Hualpa', 'Gualpa'],
  Tenemaza: ['Tenemasa', 'Tinimaza'],
  Morocho: ['Murucho'],
  Caiza: ['Caisa', 'Kaiza'],
  Chicaiza: ['Chicaisa'],
  Llamuca: ['Yamuca'],
  Vásquez: ['Vasquez', 'Basquez'],
  Zambrano: ['Sambrano'],
};

/** A re-registration of the same person: spelling variants, dropped accents, a missing second surname or given name, swapped order, a typo, sometimes only the birth year. */
export function variantOf(p: FakePerson, r: () => number) {
  const spell = (s: string) => (variants[s] && r() < 0.7 ? pick(r, variants[s]!) : s);
  const noAccent = (s: string) => (r() < 0.5 ? s.normalize('NFD').replace(/\p{M}/gu, '') : s);
  let surnames = [spell(p.surnames[0]), spell(p.surnames[1])];
  if (r() < 0.25) surnames = [surnames[0]!];
  let given = [p.givenName, p.secondGiven].filter(Boolean);
  if (given.length > 1 && r() < 0.3) given = [given[0]!];
  if (r() < 0.15) {
    const words = [...given, ...surnames];
    const i = Math.floor(r() * words.length);
    const w = words[i]!;
    const at = 1 + Math.floor(r() * Math.max(1, w.length - 2));
    words[i] = `${w.slice(0, at)}x${w.slice(at + 1)}`;
    given = words.slice(0, given.length);
    surnames = words.slice(given.length);
  }
  const swapped = r() < 0.2;
  const onlyYear = r() < 0.1;
  return {
    givenNames: noAccent((swapped ? surnames : given).join(' ')),
    surnames: noAccent((swapped ? given : surnames).join(' ')),
    birthDate: onlyYear ? undefined : p.birthDate,
    birthYear: p.birthYear,
    gender: p.gender,
  };
}
