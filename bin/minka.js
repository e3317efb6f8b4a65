#!/usr/bin/env node
// In a development checkout (tsx installed) the CLI runs from the TypeScript sources; in a production install
// (`npm run build`, then `npm prune --omit=dev`) it runs the compiled server in dist/.
import { existsSync } from 'node:fs';

const built = new URL('../dist/server/cli.js', import.meta.url);
let tsx;
try {
  tsx = await import('tsx/esm/api');
} catch {
  tsx = null;
}
if (tsx) {
  tsx.register();
  await import('../src/cli.ts');
} else if (existsSync(built)) {
  await import(built.href);
} else {
  console.error('minka: no build found; run `npm run build` (or `npm ci` for a development install)');
  process.exit(1);
}
