// Builds the web app when web/dist is missing or older than any source file, so `npm start` is one command.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist/index.html');
const sources = ['web/src', 'web/public', 'web/index.html', 'vite.config.ts', 'package-lock.json', 'src/modules'];

function newest(p) {
  const full = path.join(root, p);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(full, { recursive: true })) max = Math.max(max, statSync(path.join(full, e)).mtimeMs);
  return max;
}

const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
if (built === 0 || sources.some((s) => newest(s) > built)) {
  console.log(built ? 'web sources changed: rebuilding the web app…' : 'building the web app…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
