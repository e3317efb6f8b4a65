// Realistic fake Ecuadorian people for benchmarks: Spanish and Kichwa names, highland cantons, young ages.
// Every person is marked fake: ids start with FAKE- and identity numbers use province 99, which does not exist.

/** Deterministic PRNG (mulberry32) so a seed always yields the same people. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const kichwaGiven = {
  Feminine: ['Sisa', 'Killa', 'Nina', 'Tamya', 'Sumak', 'Kuri', 'Pakari', 'Wayra'],
  Masculine: ['Inti', 'Amaru', 'Rumi', 'Atik', 'Yupanki', 'Kuri', 'Wayra', 'Pakari'],
};
const spanishGiven = {
  Feminine: ['María', 'Rosa', 'Carmen', 'Ana', 'Luz', 'Mercedes', 'Juana', 'Manuela', 'Dolores', 'Josefina'],
  Masculine: ['José', 'Luis', 'Manuel', 'Juan', 'Pedro', 'Segundo', 'Francisco', 'Miguel', 'Carlos', 'Ángel'],
};
const kichwaSurnames = [
  'Quishpe',
  'Guamán',
  'Yupanqui',
  'Chimbo',
  'Lema',
  'Cuji',
  'Guallpa',
  'Tenemaza',
  'Morocho',
  'Caiza',
  'Pilamunga',
  'Tixi',
  'Chicaiza',
  'Llamuca',
  'Sagñay',
  'Yautibug',
  'Cepeda',
  'Asadobay',
  'Guaminga',
  'Paguay',
];
const spanishSurnames = [
  'García',
  'López',
  'Pérez',
  'Sánchez',
  'Vásquez',
  'Castillo',
  'Ramírez',
  'Vargas',
  'Torres',
  'Flores',
];

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

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

export interface FakePerson {
  id: string;
  givenName: string;
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
export function generatePeople(n: number, seed = 42, year = 2026): FakePerson[] {
  const r = rng(seed);
  const out: FakePerson[] = [];
  for (let i = 0; i < n; i++) {
    const gender = r() < 0.55 ? 'Feminine' : 'Masculine';
    const ethnicity = weighted(r, ethnicities);
    const indigenous = ethnicity === 'indigena';
    const given = indigenous && r() < 0.35 ? pick(r, kichwaGiven[gender]) : pick(r, spanishGiven[gender]);
    const surname = () => (indigenous && r() < 0.85 ? pick(r, kichwaSurnames) : pick(r, spanishSurnames));
    const a = age(r);
    out.push({
      id: `FAKE-${String(i + 1).padStart(6, '0')}`,
      givenName: given,
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
