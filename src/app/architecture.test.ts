import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const cruiser = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = path.join(root, '.dependency-cruiser.cjs');

/** Runs dependency-cruiser with the project's rules over `dirs` of `cwd`; the list of rule names broken. */
function cruise(cwd: string, dirs: string[]): { code: number; broken: string[] } {
  const r = spawnSync(process.execPath, [cruiser, ...dirs, '--config', config, '--output-type', 'err-long'], {
    cwd,
    encoding: 'utf8',
  });
  const broken = [...r.stdout.matchAll(/error ([a-z-]+):/g)].map((m) => m[1]!);
  return { code: r.status ?? 1, broken };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

// Files allowed to build queries: repositories (repo.ts, repo-*.ts) and migrations. Tests and benchmarks set up data directly.
const mayQuery = (f: string) =>
  /(^|\/)repo(-[a-z-]+)?\.ts$/.test(f) || f.includes('/db/migrations/') || f.endsWith('.test.ts');

describe('architecture', () => {
  it('the real tree keeps every rule: platform carries no module, faces only, no runtime cycle', () => {
    const r = cruise(root, ['src', 'web/src']);
    assert.deepEqual(r.broken, [], `dependency rules broken: ${r.broken.join(', ')}`);
    assert.equal(r.code, 0);
  });

  it('a deliberate violation fails: the platform importing a module, a module reaching into another repo, a cycle', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'minka-arch-'));
    try {
      const put = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      };
      put('src/modules/a/repo.ts', 'export const a = 1;\n');
      put('src/modules/a/index.ts', "export { a } from './repo';\n");
      put('src/platform/server.ts', "import { a } from '../modules/a/index';\nexport const s = a;\n");
      put(
        'src/modules/b/service.ts',
        "import { a } from '../a/repo';\nimport { c } from './c';\nexport const b = a + c;\n",
      );
      put('src/modules/b/c.ts', "import { b } from './service';\nexport const c = 2;\nexport const d = () => b;\n");
      put('tsconfig.json', '{"compilerOptions":{"module":"ESNext","moduleResolution":"Bundler"}}');
      const r = cruise(dir, ['src']);
      assert.notEqual(r.code, 0);
      for (const rule of ['platform-carries-no-module', 'module-faces-only', 'no-runtime-cycles'])
        assert.ok(r.broken.includes(rule), `${rule} not reported: ${r.broken.join(', ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds queries only in repositories and migrations', () => {
    const offenders = [...sourceFiles('src'), ...sourceFiles('web/src')]
      .filter((f) => !mayQuery(f))
      .filter((f) =>
        /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/.test(
          readFileSync(path.join(root, f), 'utf8'),
        ),
      );
    assert.deepEqual(offenders, []);
  });
});
