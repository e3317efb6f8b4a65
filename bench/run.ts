// `npm run bench [name…] [-- --size N] [--runs N]`: runs benchmarks (not tests), prints one JSON line per result and
// writes bench/results/NAME.json. A size (cases, persons) and a number of timed runs may also come from BENCH_SIZE and
// BENCH_RUNS; BENCH_DATABASE_URL (a PostgreSQL server) runs the benches that support it on PostgreSQL.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { casesBench } from './cases';
import type { BenchOptions } from './context';
import { dedupeBench } from './dedupe';
import { disclosureBench } from './disclosure';
import { generatePeople } from './generator';
import { httpBench } from './http';
import { insightsBench } from './insights';
import { recordBench } from './record';
import { webBench } from './web';

const benches: Record<string, (o: BenchOptions) => Promise<Record<string, unknown>[]>> = {
  http: httpBench,
  dedupe: dedupeBench,
  cases: casesBench,
  insights: insightsBench,
  disclosure: disclosureBench,
  record: recordBench,
  web: webBench,
  generate: async (o) => {
    const n = o.size ?? Number(process.env.BENCH_PEOPLE ?? 100_000);
    const start = performance.now();
    const people = generatePeople(n, 42, 2026, o.names);
    const ms = performance.now() - start;
    const minors = people.filter((p) => p.ageAtIntake < 18).length;
    return [
      {
        bench: 'generate',
        people: n,
        ms: Math.round(ms),
        peoplePerSec: Math.round((n / ms) * 1000),
        minorsShare: Number((minors / n).toFixed(3)),
      },
    ];
  },
};

const { values, positionals: wanted } = parseArgs({
  allowPositionals: true,
  options: { size: { type: 'string' }, runs: { type: 'string' }, names: { type: 'string' } },
});
const count = (v: string | undefined, what: string) => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${what} must be a whole number above 0, not ${v}`);
    process.exit(2);
  }
  return n;
};
const names = values.names ?? process.env.BENCH_NAMES;
if (names !== undefined && names !== 'national' && names !== 'canton') {
  console.error(`--names is national or canton, not ${names}`);
  process.exit(2);
}
const options: BenchOptions = {
  size: count(values.size ?? process.env.BENCH_SIZE, '--size'),
  runs: count(values.runs ?? process.env.BENCH_RUNS, '--runs'),
  names,
  postgres: process.env.BENCH_DATABASE_URL || undefined,
};
const unknown = wanted.filter((w) => !benches[w]);
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`);
  process.exit(2);
}
const dir = path.resolve('bench/results');
mkdirSync(dir, { recursive: true });
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  const results = await benches[name]!(options);
  for (const r of results) console.log(JSON.stringify(r));
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
}
