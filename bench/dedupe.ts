// `npm run bench dedupe [-- --size N]`: duplicate look-ups before registering a person, over N stored persons
// (10,000 unless asked). Each query is a re-registration of a stored person with realistic spelling variants (see
// variantOf); that person is the ground truth. Recall: share of queries whose candidates include it; precision:
// share of the candidates shown that are it.
import { performance } from 'node:perf_hooks';
import { People } from '../src/modules/cases/people';
import { type BenchOptions, withTempContext } from './context';
import { generatePeople, rng, variantOf } from './generator';
import { loadPersons } from './load';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** Recall and precision of the duplicate candidates over re-registrations with realistic spelling variants. */
export async function dedupeBench(o: BenchOptions = {}): Promise<Record<string, unknown>[]> {
  const n = o.size ?? Number(process.env.BENCH_PERSONS ?? 10_000);
  const queries = o.runs ?? Number(process.env.BENCH_QUERIES ?? 1_000);
  return withTempContext(
    async (ctx) => {
      const people = new People(ctx);
      const generated = generatePeople(n, 2027, 2026, o.names);
      const ids: string[] = new Array(n);
      const t0 = performance.now();
      await loadPersons(ctx, generated, (i, id) => {
        ids[i] = id;
      });
      const loadMs = performance.now() - t0;
      const r = rng(99);
      let found = 0;
      let returned = 0;
      const times: number[] = [];
      // A few untimed look-ups first, so the timings are of a running server, not of a cold start.
      for (let q = 0; q < 20; q++) await people.candidates({ prs_FirstName: 'Sisa', prs_SecondName: 'Quishpe' });
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
        if (candidates.some((c) => c.personId === ids[i])) found++;
      }
      return [
        {
          bench: 'dedupe',
          persons: n,
          names: o.names ?? 'national',
          database: ctx.db.engine,
          queries,
          recall: Number((found / queries).toFixed(3)),
          precision: Number((found / Math.max(1, returned)).toFixed(3)),
          candidatesPerQuery: Number((returned / queries).toFixed(2)),
          p50Ms: Number(percentile(times, 0.5).toFixed(2)),
          p95Ms: Number(percentile(times, 0.95).toFixed(2)),
          loadSeconds: Number((loadMs / 1000).toFixed(1)),
        },
      ];
    },
    { postgres: o.postgres },
  );
}
