import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sharedData } from '../tests/support/app';
import { minkaBin } from '../tests/support/cli';
import { tempDir } from '../tests/support/db';

const root = new URL('..', import.meta.url).pathname;
const bin = minkaBin;

function minka(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Servers still running; a failed assertion must not leave one behind (the test run would never end). */
const running = new Set<ChildProcess>();

/** Starts `minka serve` (a demo unless told otherwise) on a free port and resolves with its URL once it is serving. */
function serve(
  env: Record<string, string>,
  args = ['--demo'],
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
  });
  running.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 20_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = output.match(/serving on http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${m[1]}`, child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    running.delete(child);
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

describe('minka CLI', () => {
  after(() => {
    for (const child of running) child.kill('SIGKILL');
  });
  let tmp: ReturnType<typeof tempDir>;
  let env: Record<string, string>;
  before(() => {
    tmp = tempDir();
    env = { MINKA_DATA_DIR: tmp.dir };
  });
  after(() => tmp.remove());

  it('prints help for every command', () => {
    for (const args of [
      ['--help'],
      ['serve', '--help'],
      ['migrate', '--help'],
      ['seed', '--help'],
      ['init', '--help'],
      ['geo', '--help'],
      ['geo', 'import', '--help'],
    ]) {
      const r = minka(args, env);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /Usage: minka/);
    }
  });

  it('migrates and reports migration status', () => {
    assert.match(minka(['migrate', '--status'], env).stdout, /pending {2}0001_platform/);
    assert.match(minka(['migrate'], env).stdout, /applied 0001_platform/);
    assert.match(minka(['migrate'], env).stdout, /already up to date/);
    assert.match(minka(['migrate', '--status'], env).stdout, /applied {2}0001_platform {2}\d{4}-/);
  });

  it('imports Ecuador: 24 provinces, 221 cantons, every parish, 221 boundaries; a second import changes nothing', () => {
    const args = [
      'geo',
      'import',
      '--divisions',
      `${sharedData}ecuador/dpa_provincias_cantones_parroquias.json`,
      '--boundaries',
      `${sharedData}ecuador/cantones_simplified.geojson`,
      '--json',
    ];
    const first = minka(args, env);
    assert.equal(first.code, 0, first.stderr);
    const a = JSON.parse(first.stdout);
    assert.deepEqual(a.inFile, { level1: 24, level2: 221, level3: 1396 });
    assert.equal(a.added, 1 + 24 + 221 + 1396);
    assert.deepEqual(a.boundaries, { added: 221, updated: 0, unchanged: 0, unmatched: [] });
    const b = JSON.parse(minka(args, env).stdout);
    assert.equal(b.added + b.updated, 0);
    assert.equal(b.unchanged, a.added);
    assert.deepEqual(b.boundaries, { added: 0, updated: 0, unchanged: 221, unmatched: [] });
    const text = minka(args.slice(0, -1), env).stdout;
    assert.match(text, /divisions: 0 added, 0 updated, 1642 unchanged/);
  });

  it('invites an administrator as the installation itself, with a one-time link; refuses an unknown organisation type', () => {
    const args = ['user', 'invite-admin', '--email', 'admin.prueba@example.org', '--name', 'Admin Prueba Ficticia'];
    const r = minka(
      [...args, '--organisation', 'Junta de prueba', '--scope', '0603', '--url', 'https://minka.example/'],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /invited admin\.prueba@example\.org as administrator/);
    assert.match(r.stdout, /^https:\/\/minka\.example\/\S+#\S+$/m);
    const bad = minka([...args, '--organisation', 'Otra junta', '--type', 'Nope'], env);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--type must be one of/);
  });

  it('fails with a non-zero exit and a one-line reason', () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [
        ['geo', 'import', '--divisions', '/no/such/file.json'],
        env,
        /^minka: cannot read \/no\/such\/file\.json: ENOENT\n$/,
      ],
      [['migrate'], { ...env, PORT: 'abc' }, /^minka: invalid setting PORT: .+\n$/],
      [
        ['geo', 'import', '--divisions', `${sharedData}ecuador/cantones_simplified.geojson`, '--country', 'Ecuador'],
        env,
        /^minka: --country Ecuador is not/,
      ],
      [['nonsense'], env, /unknown command 'nonsense'/],
      [['seed'], env, /required option '--demo'/],
      [['init', '--email', 'a@prueba.test'], env, /^minka: minka init needs --name, --organisation/],
      [['serve', '--demo'], { ...env, HOST: '0.0.0.0' }, /^minka: .*MINKA_DEMO_PUBLIC=yes/],
    ];
    for (const [args, e, pattern] of cases) {
      const r = minka(args, e);
      assert.notEqual(r.code, 0, args.join(' '));
      assert.match(r.stderr, pattern);
    }
  });

  it('serves on first start with demo data, and a second start does not re-seed', async () => {
    const fresh = tempDir();
    const e = { MINKA_DATA_DIR: fresh.dir, LOG_LEVEL: 'info' };
    try {
      const one = await serve(e);
      const health = await fetch(`${one.url}/api/health`);
      assert.equal(health.status, 200);
      const colta = await (await fetch(`${one.url}/api/geo/divisions/EC/0603/children`)).json();
      assert.equal(colta.length, 7);
      assert.match(one.output(), /"msg":"demo data seeded"/);
      await stop(one.child);

      const two = await serve(e);
      assert.match(two.output(), /"msg":"demo data already present"/);
      assert.doesNotMatch(two.output(), /"msg":"demo data seeded"/);
      const countries = await (await fetch(`${two.url}/api/geo/countries`)).json();
      // Beside the shared reference data the demo loads the whole country from it, once.
      assert.deepEqual(countries[0].counts, { country: 1, level1: 24, level2: 221, level3: 1396 });
      await stop(two.child);
    } finally {
      fresh.remove();
    }
  });

  it('serves a real installation empty: no demo data, no demo accounts', async () => {
    const fresh = tempDir();
    try {
      const one = await serve({ MINKA_DATA_DIR: fresh.dir, LOG_LEVEL: 'info' }, []);
      assert.equal((await fetch(`${one.url}/api/auth/demo`)).status, 404);
      assert.doesNotMatch(one.output(), /demo data/);
      await stop(one.child);
    } finally {
      fresh.remove();
    }
  });

  it('without the shared reference data, seeds only the demo cantons', async () => {
    const fresh = tempDir();
    try {
      const one = await serve({ MINKA_DATA_DIR: fresh.dir, MINKA_SHARED_DATA: path.join(fresh.dir, 'none') });
      const countries = await (await fetch(`${one.url}/api/geo/countries`)).json();
      // Cuenca's 37 parishes, Colta's 7 and Guamote's 3.
      assert.deepEqual(countries[0].counts, { country: 1, level1: 2, level2: 3, level3: 47 });
      await stop(one.child);
    } finally {
      fresh.remove();
    }
  });
});
