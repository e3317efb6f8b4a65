// A generated population of de-identified facts with the shape seen in the project's cantons: mostly indigenous
// children from Chimborazo and Azuay, recruited by people they know for begging and labour, some exploited in
// Colombia and Venezuela. Used by tests, the demo seed and the benchmark; deterministic for a given seed.
import { htcds } from '../cases/vocabulary';
import { ageBand, type Fact } from './facts';

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = [T, number][];
function weighted<T>(r: () => number, items: Weighted<T>): T {
  let x = r() * items.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1]![0];
}
const some = <T>(r: () => number, items: Weighted<T>, max: number): T[] => {
  const n = 1 + Math.floor(r() * max);
  return [...new Set(Array.from({ length: n }, () => weighted(r, items)))];
};

/** Cantons (INEC codes) with their province, weighted toward the project's cantons. */
export const generatedCantons: Weighted<[string, string]> = [
  [['06', '0606'], 24], // Guamote
  [['06', '0603'], 22], // Colta
  [['01', '0101'], 16], // Cuenca
  [['06', '0601'], 9], // Riobamba
  [['06', '0602'], 5], // Alausí
  [['03', '0301'], 4], // Azogues
  [['10', '1004'], 4], // Otavalo
  [['05', '0501'], 3], // Latacunga
  [['17', '1701'], 8], // Quito
  [['09', '0901'], 5], // Guayaquil
];

/** `n` facts from `seed`, registered between `fromYear` and `toYear`. */
export function generateFacts(n: number, seed = 11, fromYear = 2023, toYear = 2026): Fact[] {
  const r = prng(seed);
  const out: Fact[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const [province, canton] = weighted(r, generatedCantons);
    const child = r() < 0.62;
    const age = child ? 5 + Math.floor(r() * 13) : 18 + Math.floor(r() * 40);
    const abroad = r() < 0.3;
    const begging = child && r() < 0.55;
    const exploitation = begging
      ? ['ForcedBegging', ...(r() < 0.3 ? ['ChildLabour'] : [])]
      : some(
          r,
          [
            ['ForcedLabour', 40],
            ['ChildLabour', child ? 30 : 0],
            ['SexualExploitation', 15],
            ['Servitude', 8],
            ['ForcedMarriage', 3],
            ['Other', 4],
          ],
          2,
        );
    const labour = exploitation.some((e) => e === 'ForcedLabour' || e === 'ChildLabour');
    out[i] = {
      key: `FAKE-${i + 1}`,
      year: fromYear + Math.floor(r() * (toYear - fromYear + 1)),
      month: 1 + Math.floor(r() * 12),
      country: 'EC',
      province,
      canton,
      minor: child,
      ageBand: r() < 0.03 ? 'Unknown' : ageBand(age),
      gender: weighted(r, [
        ['Feminine', 55],
        ['Masculine', 43],
        ['NonSpecifiedUnknown', 2],
      ]),
      ethnicity: weighted(r, [
        ['Indigena', 66],
        ['Mestiza', 26],
        ['Afroecuatoriana', 3],
        ['Montubia', 2],
        ['Unknown', 3],
      ]),
      citizenship: weighted(r, [
        ['EC', 90],
        ['VE', 6],
        ['CO', 3],
        ['Unknown', 1],
      ]),
      exploitation,
      industries: labour
        ? some(
            r,
            [
              ['G_WholesaleAndRetailTradeRepairOfMotorVehicles', 35],
              ['A_AgricultureForestryAndFishing', 30],
              ['T_ActivitiesOfHouseholdsAsEmployers', 20],
              ['I_AccommodationAndFoodServiceActivities', 10],
              ['F_Construction', 5],
            ],
            2,
          )
        : [],
      sexTypes: exploitation.includes('SexualExploitation')
        ? some(
            r,
            [
              ['Prostitution', 60],
              ['PrivateSexualServices', 25],
              ['Pornography', 15],
            ],
            1,
          )
        : [],
      recruitment: some(
        r,
        [
          ['ThroughFamilyOrFamilyEvents', 45],
          ['ThroughFriendsOrSocialEvents', 25],
          ['ThroughOnlineSocialNetworks', 12],
          ['AtWork', 8],
          ['AtAnEducationalInstitution', 5],
          ['Other', 5],
        ],
        2,
      ),
      relation: weighted(r, [
        ['Familial', 40],
        ['Acquainted', 42],
        ['Unaquainted', 13],
        ['Unknown', 5],
      ]),
      control: some(
        r,
        htcds.vic_MethodsOfControl.map((m, j): [string, number] => [m, j < 6 ? 12 - j : 2]),
        3,
      ),
      recruitedIn: r() < 0.85 ? canton : null,
      exploitedIn: abroad
        ? weighted(r, [
            ['CO', 55],
            ['VE', 25],
            ['PE', 12],
            ['CL', 8],
          ])
        : r() < 0.9
          ? 'EC'
          : null,
      monthsExploited: r() < 0.2 ? null : Math.floor(r() * 36),
      status: r() < 0.7 ? 'PossibleVictimOfTrafficking' : 'ActualVictimOfTrafficking',
      protection: [],
    };
  }
  // Drawn from a stream of their own, so that the other fields stay what they were before protection existed.
  const rp = prng(seed ^ 0x51ab1e);
  for (const f of out) f.protection = protectionEvents(rp, f, toYear);
  return out;
}

/**
 * What happened after identification, for a generated fact: a board measure for many children, a return and its
 * reintegration outcome for some exploited abroad, a complaint for a share that goes on to prosecution and, for
 * some, to a conviction (an acquittal or a dismissal otherwise). Each event comes the year of registration or a
 * later one (never after `toYear`), after the one before it.
 */
export function protectionEvents(r: () => number, f: Fact, toYear: number): string[] {
  const out: string[] = [];
  const after = (year: number) => Math.min(toYear, year + (r() < 0.6 ? 0 : 1));
  const add = (year: number, kind: string) => out.push(`${year}:${kind}`);
  if (f.minor && r() < 0.5) add(after(f.year), 'MeasureDecided');
  if (f.exploitedIn && f.exploitedIn !== 'EC' && r() < 0.5) {
    const back = after(f.year);
    add(back, 'Returned');
    if (r() < 0.6)
      add(
        after(back),
        weighted(r, [
          ['Reintegrated', 55],
          ['PartiallyReintegrated', 25],
          ['NotReintegrated', 10],
          ['LostContact', 10],
        ]),
      );
  }
  if (r() < 0.45) {
    const filed = after(f.year);
    add(filed, 'Complaint');
    if (r() < 0.55) {
      const charged = after(filed);
      add(charged, 'Prosecution');
      if (r() < 0.7)
        add(
          after(charged),
          weighted(r, [
            ['Conviction', 60],
            ['Acquittal', 20],
            ['Dismissal', 20],
          ]),
        );
    } else if (r() < 0.4) add(after(filed), 'Dismissal');
  }
  return [...new Set(out)];
}
