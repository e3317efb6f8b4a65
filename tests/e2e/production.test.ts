import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir } from '../support/db';

// A deployer's install, `npm ci && npm run build && npm prune --omit=dev`, checked on a clean copy: the tracked files,
// the build and the packages of this checkout (`npm test` has just run `npm ci` and the build here, and CI clones
// clean), then `npm prune --omit=dev` and the documented production start. Nothing from the development install may
// be needed at run time. (Installing again would only compile better-sqlite3 a second time.)
const root = path.resolve(import.meta.dirname, '../..');
const npm = (cwd: string, args: string[]) =>
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });

describe('production install', { timeout: 900_000 }, () => {
  const tmp = tempDir('minka-prod-');
  const app = path.join(tmp.dir, 'minka');
  let server: ChildProcess | undefined;
  let url = '';
  let output = '';

  before(async () => {
    mkdirSync(app);
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root })
      .toString()
      .split('\0')
      .filter((f) => f && !/^(node_modules|dist|data|web\/dist)(\/|$)/.test(f) && existsSync(path.join(root, f)));
    for (const f of files) cpSync(path.join(root, f), path.join(app, f), { recursive: true });
    for (const built of ['dist/server/cli.js', 'web/dist/index.html'])
      if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run npm run build first`);
    for (const dir of ['dist', 'web/dist', 'node_modules'])
      cpSync(path.join(root, dir), path.join(app, dir), { recursive: true, verbatimSymlinks: true });
    npm(app, ['prune', '--omit=dev', '--no-audit', '--no-fund']);
    server = spawn(process.execPath, ['dist/server/cli.js', 'serve'], {
      cwd: app,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        MINKA_DATA_DIR: path.join(tmp.dir, 'data'),
        MINKA_SECURE_COOKIES: 'false',
        MINKA_SHARED_DATA: path.join(tmp.dir, 'none'),
      },
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`production start did not serve: ${output}`)), 60_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        const m = output.match(/serving on http:\/\/localhost:(\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${m[1]}`);
        }
      };
      server!.stdout!.on('data', onData);
      server!.stderr!.on('data', onData);
      server!.on('exit', (code) => reject(new Error(`production start exited with ${code}: ${output}`)));
    });
  });

  after(() => {
    server?.kill('SIGKILL');
    tmp.remove();
  });

  it('has pruned the development tools: no TypeScript loader, bundler or test browser driver', () => {
    for (const dev of ['tsx', 'vite', 'esbuild', 'playwright-core', '@biomejs/biome'])
      assert.equal(existsSync(path.join(app, 'node_modules', dev)), false, `${dev} is still installed`);
    assert.ok(existsSync(path.join(app, 'node_modules', 'fastify')));
  });

  it('serves the API, the web app and the public report form, with no demo data or demo accounts', async () => {
    const health = await fetch(`${url}/api/ready`);
    assert.equal(health.status, 200);
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root">/);
    const report = await fetch(`${url}/report`);
    assert.equal(report.status, 200);
    assert.match(await report.text(), /<form/);
    const signin = await fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nope@example.invalid', password: 'wrong password' }),
    });
    assert.equal(signin.status, 401);
    assert.equal((await fetch(`${url}/api/auth/demo`)).status, 404);
    assert.doesNotMatch(output, /demo data/);
  });

  it('creates the first administrator with minka init, once', () => {
    const init = (email: string) =>
      execFileSync(
        process.execPath,
        ['bin/minka.js', 'init', '--email', email, '--name', 'Ana Prueba', '--organisation', 'GAD Prueba'],
        {
          cwd: app,
          env: { PATH: process.env.PATH, MINKA_DATA_DIR: path.join(tmp.dir, 'data'), LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ).toString();
    assert.match(init('ana@prueba.test'), /invited[\s\S]*\/invite#[\w-]{20,}/);
    assert.throws(() => init('otra@prueba.test'), /already has an administrator/);
  });

  it('runs the CLI from the build: migrations are all applied', () => {
    const out = execFileSync(process.execPath, ['bin/minka.js', 'migrate', '--status'], {
      cwd: app,
      env: { PATH: process.env.PATH, MINKA_DATA_DIR: path.join(tmp.dir, 'data'), LOG_LEVEL: 'warn' },
    }).toString();
    assert.match(out, /applied {2}0001_platform/);
    assert.doesNotMatch(out, /pending/);
  });
});
