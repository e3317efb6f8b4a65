// `npm test`: typecheck, lint, build, unit + integration (SQLite, and PostgreSQL when TEST_DATABASE_URL is set),
// then the end-to-end journeys in Chromium. Prints one closing line "tests: N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
const bin = (p) => path.join(root, 'node_modules', p);

function run(label, cmd, args, { count = false, env = process.env, buffer = false } = {}) {
  if (!buffer) console.log(`\n=== ${label} ===`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    let tail = '';
    const out = [];
    child.stderr.on('data', (chunk) => (buffer ? out.push(chunk) : process.stderr.write(chunk)));
    child.stdout.on('data', (chunk) => {
      if (buffer) out.push(chunk);
      else process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      // A share run beside another prints its output whole once it ends, so shares do not interleave.
      if (buffer) process.stdout.write(`\n=== ${label} ===\n${Buffer.concat(out).toString()}`);
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

const testArgs = (files, extra = []) => ['--import', 'tsx', '--test', '--test-reporter=spec', ...extra, ...files];
let failed = false;

// Typecheck, lint and build side by side (the typecheck keeps one core busy for most of a minute). The build is
// needed first: the journeys serve it, and the tests that run the `minka` command run the built CLI
// (tests/support/cli.ts), the same sources without loading each file through tsx at every start.
const [typecheck, lint, build] = await Promise.all([
  run('typecheck', process.execPath, [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], { buffer: true }),
  run('lint', process.execPath, [bin('@biomejs/biome/bin/biome'), 'check', '.'], { buffer: true }),
  run('build (server and web app)', process.execPath, ['scripts/build.mjs', '--if-needed'], { buffer: true }),
]);
failed = typecheck !== 0 || lint !== 0 || build !== 0 || failed;
if (build === 0) process.env.MINKA_TEST_CLI = 'dist/server/cli.js';

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
// The server's unit and integration files in two shares, one process each, side by side on the two cores
// (tests/unit-share.ts). Files are dealt out longest first, each to the share with less work so far, so that the
// two end together: a file's work is its size, or for the slow ones the seconds they took in a run (a hint for
// the split only; a wrong hint costs time, never a test).
const slow = {
  'src/modules/access/matrix.test.ts': 90,
  'src/modules/insights/dashboard.test.ts': 40,
  'src/cli.test.ts': 60,
  'src/platform/cluster.test.ts': 38,
  'src/platform/crypto/drill.test.ts': 32,
  'src/platform/http/robustness.test.ts': 32,
  'src/modules/audit/audit-rewrite.test.ts': 28,
  'src/modules/access/canary.test.ts': 28,
  'src/modules/insights/incremental.test.ts': 27,
  'src/modules/audit/audit.test.ts': 25,
  'src/modules/insights/release-attack.test.ts': 15,
};
const work = (f) => slow[f] ?? statSync(path.join(root, f)).size / 1500;
const server = [...find('src', /\.test\.ts$/), ...find('bench', /\.test\.ts$/)].sort((a, b) => work(b) - work(a));
const shares = [
  { files: [], work: 0 },
  { files: [], work: 0 },
];
for (const f of server) {
  const share = shares[0].work <= shares[1].work ? shares[0] : shares[1];
  share.files.push(f);
  share.work += work(f);
}
const shareCodes = await Promise.all(
  shares.map(({ files }, i) =>
    run(
      `unit and integration, share ${i + 1} of ${shares.length}`,
      process.execPath,
      testArgs(['tests/unit-share.ts']),
      {
        count: true,
        buffer: true,
        env: { ...process.env, MINKA_TEST_FILES: JSON.stringify(files.sort()) },
      },
    ),
  ),
);
const webCode = await run('web app units', process.execPath, testArgs(find('web/src', /\.test\.ts$/)), {
  count: true,
});
failed = shareCodes.some((c) => c !== 0) || webCode !== 0 || failed;

if (existsSync(chromium)) {
  // Every journey in one process (tests/e2e/all.ts imports each *.test.ts), one after another, each with its own
  // server, database and browser: the sources load once, and the machine's two cores are already busy with one.
  const e2eCode = await run('end to end (Chromium)', process.execPath, testArgs(['tests/e2e/all.ts']), {
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
