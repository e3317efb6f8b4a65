// `npm test`: typecheck, lint, build, unit + integration (SQLite, and PostgreSQL when TEST_DATABASE_URL is set),
// then the end-to-end journeys in Chromium. Prints one closing line "tests: N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
const bin = (p) => path.join(root, 'node_modules', p);

function run(label, cmd, args, { count = false } = {}) {
  console.log(`\n=== ${label} ===`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      if (count) {
        const num = (k) => Number(tail.match(new RegExp(`ℹ ${k} (\\d+)`))?.[1] ?? 0);
        totals.passed += num('pass');
        totals.failed += num('fail') + num('cancelled');
        totals.skipped += num('skipped') + num('todo');
        if (code !== 0 && num('fail') === 0) totals.failed += 1;
      }
      resolve(code ?? 1);
    });
  });
}

const find = (dir, re) =>
  existsSync(path.join(root, dir))
    ? readdirSync(path.join(root, dir), { recursive: true })
        .map(String)
        .filter((f) => re.test(f) && !f.includes('node_modules'))
        .map((f) => path.join(dir, f))
        .sort()
    : [];

const slowFirst = (file) => (file.endsWith('production.test.ts') ? 0 : 1);
const testArgs = (files, extra = []) => ['--import', 'tsx', '--test', '--test-reporter=spec', ...extra, ...files];
let failed = false;

failed =
  (await run('typecheck', process.execPath, [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'])) !== 0 ||
  failed;
failed = (await run('lint', process.execPath, [bin('@biomejs/biome/bin/biome'), 'check', '.'])) !== 0 || failed;

if (!process.env.TEST_DATABASE_URL) {
  if (ci) {
    console.error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tier may not be skipped in CI.');
    failed = true;
  } else console.log('\nNOTE: TEST_DATABASE_URL is not set, so the integration tier runs on SQLite only.');
}
if (!process.env.TEST_REDIS_URL) {
  if (ci) {
    console.error('CI=true but TEST_REDIS_URL is not set: the shared limits on Redis may not be skipped in CI.');
    failed = true;
  } else console.log('NOTE: TEST_REDIS_URL is not set, so the shared limits are tested on the database stores only.');
}
// The build comes first: the journeys serve it, and the tests that run the `minka` command run the built CLI
// (tests/support/cli.ts), the same sources without loading each file through tsx at every start.
const built = (await run('build (server and web app)', process.execPath, ['scripts/build.mjs', '--if-needed'])) === 0;
failed = !built || failed;
if (built) process.env.MINKA_TEST_CLI = 'dist/server/cli.js';
const unit = [...find('src', /\.test\.ts$/), ...find('bench', /\.test\.ts$/), ...find('web/src', /\.test\.ts$/)];
const unitCode = await run('unit and integration', process.execPath, testArgs(unit, ['--test-concurrency=2']), {
  count: true,
});
failed = unitCode !== 0 || failed;

if (existsSync(chromium)) {
  // Two journeys at a time, each with its own server, database and browser; the production install (a clean
  // `npm ci`, build and prune: the longest) starts first so that it runs beside the others rather than after them.
  const e2e = find('tests/e2e', /\.test\.ts$/).sort((a, b) => slowFirst(a) - slowFirst(b));
  const e2eCode = await run('end to end (Chromium)', process.execPath, testArgs(e2e, ['--test-concurrency=2']), {
    count: true,
  });
  failed = e2eCode !== 0 || failed;
} else if (ci) {
  console.error(`CI=true but Chromium is missing at ${chromium}: the end-to-end tier may not be skipped in CI.`);
  failed = true;
} else {
  console.log(
    `\nNOTE: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH): end-to-end tier not run.`,
  );
}

console.log(
  `\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(failed || totals.failed > 0 ? 1 : 0);
