import { performance } from 'node:perf_hooks';
import { People } from '../src/modules/cases/people';
import { withTempContext } from './context';
import { generatePeople, rng, variantOf } from './generator';

/** Recall and precision of the top-5 duplicate candidates over re-registrations with realistic spelling variants. */
export async function dedupeBench(): Promise<Record<string, unknown>[]> {
  const n = Number(process.env.BENCH_PERSONS ?? 10_000);
  const queries = Number(process.env.BENCH_QUERIES ?? 1_000);
  return withTempContext(async (ctx) => {
    const people = new People(ctx);
    const generated = generatePeople(n, 2027);
    const ids: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < generated.length; i += 500) {
      await ctx.db.db.transaction().execute(async (trx) => {
        for (const g of generated.slice(i, i + 500)) {
          const row = await people.create(trx, {
            prs_FirstName: [g.givenName, g.secondGiven].filter(Boolean).join(' '),
            prs_SecondName: g.surnames.join(' '),
            prs_Birthdate: g.birthDate,
            prs_Gender: g.gender,
            local_Languages: [],
            prs_Citizenship: [],
          });
          ids.push(row.id);
        }
      });
    }
    const loadMs = performance.now() - t0;
    const r = rng(99);
    let found = 0;
    let returned = 0;
    let truePositives = 0;
    const times: number[] = [];
    for (let q = 0; q < queries; q++) {
      const i = Math.floor(r() * generated.length);
      const v = variantOf(generated[i]!, r);
      const start = performance.now();
      const candidates = await people.candidates({
        prs_FirstName: v.givenNames,
        prs_SecondName: v.surnames,
        prs_Birthdate: v.birthDate,
        local_BirthYear: v.birthYear,
        prs_Gender: v.gender,
      });
      times.push(performance.now() - start);
      returned += candidates.length;
      const hit = candidates.some((c) => c.personId === ids[i]);
      if (hit) {
        found++;
        truePositives++;
      }
    }
    times.sort((a, b) => a - b);
    return [
      {
        bench: 'dedupe',
        persons: n,
        queries,
        recall: Number((found / queries).toFixed(3)),
        precision: Number((truePositives / Math.max(1, returned)).toFixed(3)),
        candidatesPerQuery: Number((returned / queries).toFixed(2)),
        medianLookupMs: Number(times[Math.floor(times.length / 2)]!.toFixed(2)),
        p95LookupMs: Number(times[Math.floor(times.length * 0.95)]!.toFixed(2)),
        loadSeconds: Number((loadMs / 1000).toFixed(1)),
      },
    ];
  });
}
