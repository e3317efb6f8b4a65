// `npm run bench [name…]`: runs benchmarks (not tests), prints one JSON line per result and writes bench/results/NAME.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { casesBench } from './cases';
import { dedupeBench } from './dedupe';
import { disclosureBench } from './disclosure';
import { generatePeople } from './generator';
import { httpBench } from './http';
import { insightsBench } from './insights';
import { recordBench } from './record';
import { webBench } from './web';

const benches: Record<string, () => Promise<Record<string, unknown>[]>> = {
  http: httpBench,
  dedupe: dedupeBench,
  cases: casesBench,
  insights: insightsBench,
  disclosure: disclosureBench,
  record: recordBench,
  web: webBench,
  generate: async () => {
    const n = Number(process.env.BENCH_PEOPLE ?? 100_000);
    const start = performance.now();
    const people = generatePeople(n);
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

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !benches[w]);
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`);
  process.exit(2);
}
const dir = path.resolve('bench/results');
mkdirSync(dir, { recursive: true });
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  const results = await benches[name]!();
  for (const r of results) console.log(JSON.stringify(r));
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
}
