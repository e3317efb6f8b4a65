import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The installation's root folder (where package.json names minka), whether running from source or from the build. */
export function projectRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'minka') break;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the Minka installation folder (package.json)');
    dir = up;
  }
  root = dir;
  return dir;
}
