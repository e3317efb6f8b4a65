// `npm run build`: the server compiled to dist/server/cli.js (one ES module, packages left to node_modules, so no
// TypeScript loader runs in production) and the web app to web/dist. With --if-needed (used by `npm start`),
// each part is rebuilt only when it is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const ifNeeded = process.argv.includes('--if-needed');

function newest(p) {
  const full = path.join(root, p);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(full, { recursive: true })) max = Math.max(max, statSync(path.join(full, e)).mtimeMs);
  return max;
}

const stale = (output, sources) => {
  const built = existsSync(path.join(root, output)) ? statSync(path.join(root, output)).mtimeMs : 0;
  return built === 0 || !ifNeeded || sources.some((s) => newest(s) > built);
};

const tool = (pkg, bin) => {
  const file = path.join(root, 'node_modules', pkg, bin);
  if (!existsSync(file)) {
    console.error(`cannot build: ${pkg} is not installed (run npm ci, which installs the build tools)`);
    process.exit(1);
  }
  return file;
};

if (stale('dist/server/cli.js', ['src', 'package-lock.json'])) {
  console.log('building the server…');
  execFileSync(
    tool('esbuild', 'bin/esbuild'),
    [
      'src/cli.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--packages=external',
      '--sourcemap',
      '--log-level=warning',
      '--outfile=dist/server/cli.js',
    ],
    { cwd: root, stdio: 'inherit' },
  );
}

if (
  stale('web/dist/index.html', [
    'web/src',
    'web/public',
    'web/index.html',
    'vite.config.ts',
    'package-lock.json',
    'src/modules',
    'src/shared',
  ])
) {
  console.log('building the web app…');
  execFileSync(process.execPath, [tool('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  precompress(path.join(root, 'web/dist'));
}

// Text assets are compressed once here (brotli at its best level, gzip for older clients) and served as they are,
// so a rural link downloads a quarter of the bytes and the server spends no time compressing them.
function precompress(dir) {
  let raw = 0;
  let br = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    if (!/\.(js|css|html|svg|json|webmanifest|txt)$/.test(name)) continue;
    const file = path.join(dir, name);
    const data = readFileSync(file);
    if (data.length < 1024) continue;
    const brotli = zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    writeFileSync(`${file}.br`, brotli);
    writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
    raw += data.length;
    br += brotli.length;
  }
  console.log(`web assets: ${(raw / 1024).toFixed(0)} KB, ${(br / 1024).toFixed(0)} KB with brotli`);
}
